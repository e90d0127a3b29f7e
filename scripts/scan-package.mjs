#!/usr/bin/env node
// Packs the package as `npm publish` would and checks it as n8n does before listing a community
// package: the files n8n loads are in the tarball, there are no runtime dependencies, and
// n8n's scanner (@n8n/scan-community-package) passes on both legs it scans, the source
// (nodes/, credentials/, package.json) and the unpacked tarball (compiled .js, package.json).
// Provenance is checked by n8n on the published version only: see .github/workflows/release.yml.
// Usage: `npm run scan`, or `node scripts/scan-package.mjs` after `npm run build` (the project's
// .npmrc turns lifecycle scripts off, so `npm pack` does not build). Exit code 1 on any finding.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
	analyzePackage,
	SOURCE_FILE_PATTERNS,
} from '@n8n/scan-community-package/scanner/scanner.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const NEEDED_FILES = [
	'dist/credentials/WiroApi.credentials.js',
	'dist/nodes/Wiro/Wiro.node.js',
	'dist/nodes/Wiro/Wiro.node.json',
	'dist/nodes/Wiro/wiro.svg',
	'dist/nodes/Wiro/wiro.dark.svg',
	'dist/nodes/WiroTrigger/WiroTrigger.node.js',
];

const workDir = mkdtempSync(join(tmpdir(), 'wiro-scan-'));
const findings = [];
try {
	const packed = execFileSync('npm', ['pack', '--json', '--pack-destination', workDir], {
		cwd: root,
		encoding: 'utf8',
		stdio: ['ignore', 'pipe', 'inherit'],
	});
	const [pack] = JSON.parse(packed.slice(packed.indexOf('[')));
	const files = pack.files.map((file) => file.path);
	console.log(`packed ${pack.filename}: ${files.length} files, ${pack.size} bytes`);

	const missing = NEEDED_FILES.filter((file) => !files.includes(file));
	if (missing.length)
		findings.push(`files n8n loads are missing from the tarball: ${missing.join(', ')}`);
	const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
	const dependencies = Object.keys(manifest.dependencies ?? {});
	if (dependencies.length)
		findings.push(`runtime dependencies are not allowed: ${dependencies.join(', ')}`);

	const unpacked = join(workDir, 'unpacked');
	execFileSync('mkdir', ['-p', unpacked]);
	execFileSync('tar', ['-xzf', join(workDir, pack.filename), '-C', unpacked]);
	const legs = [
		['source', root, SOURCE_FILE_PATTERNS],
		['tarball', join(unpacked, 'package'), ['**/*.js', 'package.json']],
	];
	for (const [leg, dir, patterns] of legs) {
		const result = await analyzePackage(dir, patterns);
		if (result.passed) {
			console.log(`n8n scanner, ${leg}: passed${result.message ? ` (${result.message})` : ''}`);
		} else {
			findings.push(`n8n scanner, ${leg}: ${result.message}\n${result.details ?? ''}`);
		}
	}
} finally {
	rmSync(workDir, { recursive: true, force: true });
}

if (findings.length) {
	console.error(`package check failed:\n${findings.join('\n')}`);
	process.exit(1);
}
console.log('package ok: the files n8n loads, no runtime dependencies, n8n scanner clean');
