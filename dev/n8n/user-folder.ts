import { lstat, mkdir, mkdtemp, readFile, symlink, unlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { isJsonObject, parseJsonOrUndefined, stringField } from './json-guards';

export interface PreparedUserFolder {
	/** The key n8n already stored in `.n8n/config`, when the folder was used before. */
	existingEncryptionKey?: string | undefined;
	/** The value for N8N_USER_FOLDER (n8n keeps its data in `<it>/.n8n`). */
	userFolder: string;
	/** Whether we made it and so must delete it. */
	isTemporary: boolean;
	/** The `name` in the package's package.json; node types are `<name>.<node>`. */
	packageName: string;
}

export async function readPackageName(packageDir: string): Promise<string> {
	const manifest: unknown = JSON.parse(await readFile(join(packageDir, 'package.json'), 'utf8'));
	const name = isJsonObject(manifest) ? stringField(manifest, 'name') : undefined;
	if (!name) throw new Error(`${packageDir}/package.json has no name`);
	if (!isJsonObject(manifest) || !isJsonObject(manifest['n8n'])) {
		throw new Error(
			`${packageDir}/package.json has no "n8n" block, so n8n would load nothing from it`,
		);
	}
	return name;
}

/** n8n refuses to start when N8N_ENCRYPTION_KEY differs from the stored one. */
async function readStoredEncryptionKey(userFolder: string): Promise<string | undefined> {
	const text = await readFile(join(userFolder, '.n8n', 'config'), 'utf8').catch(() => undefined);
	const config = text === undefined ? undefined : parseJsonOrUndefined(text);
	return isJsonObject(config) ? stringField(config, 'encryptionKey') : undefined;
}

async function replaceWithSymlink(linkPath: string, target: string): Promise<void> {
	const existing = await lstat(linkPath).catch(() => undefined);
	if (existing?.isSymbolicLink()) await unlink(linkPath);
	else if (existing)
		throw new Error(`${linkPath} exists and is not a symlink; refusing to replace it`);
	await symlink(target, linkPath, 'dir');
}

/**
 * Makes (or reuses) an n8n user folder in which the package is installed the
 * way n8n looks for community packages: n8n-core's scanDirectoryForPackages
 * globs `<user folder>/.n8n/nodes/node_modules/{n8n-nodes-*,@*\/n8n-nodes-*}`
 * (symlinks followed) and reads each package.json's `n8n` block. No
 * package.json in `.n8n/nodes` and no database row are needed.
 */
export async function prepareUserFolder(
	packageDir: string,
	userFolder?: string,
): Promise<PreparedUserFolder> {
	const absolutePackageDir = resolve(packageDir);
	const packageName = await readPackageName(absolutePackageDir);
	if (!/^(@[^/]+\/)?n8n-nodes-/.test(packageName)) {
		throw new Error(
			`n8n only loads packages named n8n-nodes-* or @scope/n8n-nodes-*, not ${packageName}`,
		);
	}
	const folder = userFolder ?? (await mkdtemp(join(tmpdir(), 'n8n-e2e-')));
	const linkPath = join(folder, '.n8n', 'nodes', 'node_modules', packageName);
	await mkdir(dirname(linkPath), { recursive: true });
	await replaceWithSymlink(linkPath, absolutePackageDir);
	return {
		userFolder: folder,
		isTemporary: userFolder === undefined,
		packageName,
		existingEncryptionKey: await readStoredEncryptionKey(folder),
	};
}
