import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

const PACKAGE_NAME = 'n8n-nodes-wiro';

function findRootAbove(from: string): string | undefined {
	for (let dir = from; ; dir = dirname(dir)) {
		const manifest = join(dir, 'package.json');
		if (existsSync(manifest)) {
			const parsed: unknown = JSON.parse(readFileSync(manifest, 'utf8'));
			if (
				typeof parsed === 'object' &&
				parsed !== null &&
				'name' in parsed &&
				parsed.name === PACKAGE_NAME
			)
				return dir;
		}
		if (dirname(dir) === dir) return undefined;
	}
}

/**
 * The repository root: the first folder upwards holding this package's
 * package.json, from this file (sources under ts-jest, or `.tools/`), else
 * from the working directory.
 */
export function repoRoot(): string {
	const root = findRootAbove(__dirname) ?? findRootAbove(process.cwd());
	if (!root)
		throw new Error(`No ${PACKAGE_NAME} package.json above ${__dirname} or ${process.cwd()}`);
	return root;
}

export function examplesDir(): string {
	return join(repoRoot(), 'examples');
}
