import { existsSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { withInstallLock } from './install-lock';
import { describeFailure, runCommand, type LogLine } from './run-command';

export const DEFAULT_N8N_VERSION = '2.41.1';
const NODE_MAJOR = '24';

/**
 * Pins for transitive versions this npm registry lacks (see
 * shared/docs/n8n-notes.md, "Running a real n8n headless").
 */
const REGISTRY_OVERRIDES = {
	linkedom: '0.18.14',
	langchain: { '@langchain/langgraph': '1.3.0' },
};

const MINUTE = 60_000;
const HEARTBEAT_MS = 20_000;
const COMPLETE_MARKER = '.install-complete.json';

export interface N8nInstall {
	/** Node 24 binary that runs n8n. */
	nodeBin: string;
	/** n8n's bin script, run as `<nodeBin> <n8nBin> <command>`. */
	n8nBin: string;
	/** The folder holding n8n's node_modules. */
	dir: string;
}

export interface EnsureN8nOptions {
	version?: string | undefined;
	log?: LogLine | undefined;
}

export function defaultLog(line: string): void {
	console.error(`[n8n] ${line}`);
}

export function cacheRoot(): string {
	return process.env['N8N_WIRO_CACHE'] ?? join(homedir(), '.cache', 'n8n-nodes-wiro');
}

function nodePackageName(): string {
	if (process.platform !== 'linux')
		throw new Error(`Only Linux is supported, not ${process.platform}`);
	return `node-linux-${process.arch}`;
}

interface NodeRuntime {
	bin: string;
	packageDir: string;
}

function nodeRuntimeIn(dir: string): NodeRuntime {
	const packageDir = join(dir, 'node_modules', nodePackageName());
	return { bin: join(packageDir, 'bin', 'node'), packageDir };
}

/** Environment for npm so that it runs under, and compiles for, Node 24. */
function npmEnvFor(runtime: NodeRuntime): NodeJS.ProcessEnv {
	return {
		...process.env,
		PATH: `${dirname(runtime.bin)}${delimiter}${process.env['PATH'] ?? ''}`,
		npm_config_nodedir: runtime.packageDir,
		npm_config_update_notifier: 'false',
		npm_config_fund: 'false',
		npm_config_audit: 'false',
	};
}

async function runNpmStep(
	log: LogLine,
	label: string,
	args: string[],
	cwd: string,
	env: NodeJS.ProcessEnv,
	timeoutMs: number,
): Promise<void> {
	log(`${label}: npm ${args.join(' ')}`);
	const result = await runCommand({
		command: 'npm',
		args,
		cwd,
		env,
		timeoutMs,
		label,
		log,
		heartbeatMs: HEARTBEAT_MS,
	});
	if (result.exitCode !== 0) throw new Error(describeFailure(label, result));
	log(`${label}: done in ${Math.round(result.durationMs / 1000)} s`);
}

/** Starts afresh when a previous run stopped before writing its marker. */
async function prepareFreshFolder(dir: string, log: LogLine): Promise<void> {
	if (existsSync(dir)) {
		log(`removing unfinished install in ${dir}`);
		await rm(dir, { recursive: true, force: true });
	}
	await mkdir(dir, { recursive: true });
}

async function writeMarker(dir: string, details: Record<string, string>): Promise<void> {
	await writeFile(
		join(dir, COMPLETE_MARKER),
		`${JSON.stringify({ ...details, at: new Date().toISOString() })}\n`,
	);
}

async function ensureNode24(root: string, log: LogLine): Promise<NodeRuntime> {
	const dir = join(root, `node${NODE_MAJOR}`);
	const runtime = nodeRuntimeIn(dir);
	if (existsSync(join(dir, COMPLETE_MARKER)) && existsSync(runtime.bin)) return runtime;
	await prepareFreshFolder(dir, log);
	await writeFile(
		join(dir, 'package.json'),
		`${JSON.stringify({ name: 'node-runtime', private: true }, null, 2)}\n`,
	);
	await runNpmStep(
		log,
		`install Node ${NODE_MAJOR}`,
		['install', '--no-save', '--ignore-scripts', `${nodePackageName()}@${NODE_MAJOR}`],
		dir,
		{ ...process.env, npm_config_update_notifier: 'false' },
		10 * MINUTE,
	);
	if (!existsSync(runtime.bin))
		throw new Error(`Node ${NODE_MAJOR} binary missing at ${runtime.bin}`);
	await writeMarker(dir, { node: NODE_MAJOR });
	return runtime;
}

async function checkSqliteLoads(runtime: NodeRuntime, dir: string, log: LogLine): Promise<void> {
	const result = await runCommand({
		command: runtime.bin,
		args: ['-e', "require('sqlite3'); console.log('sqlite3 ok')"],
		cwd: dir,
		timeoutMs: MINUTE,
		label: 'check sqlite3',
	});
	if (result.exitCode !== 0) throw new Error(describeFailure('check sqlite3', result));
	log('sqlite3 loads under Node 24');
}

async function installN8n(
	runtime: NodeRuntime,
	dir: string,
	version: string,
	log: LogLine,
): Promise<void> {
	await prepareFreshFolder(dir, log);
	const manifest = {
		name: 'n8n-runtime',
		private: true,
		dependencies: { n8n: version },
		overrides: REGISTRY_OVERRIDES,
	};
	await writeFile(join(dir, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
	const env = npmEnvFor(runtime);
	await runNpmStep(
		log,
		`install n8n ${version} (~5 min, ~3 GB)`,
		['install', '--ignore-scripts'],
		dir,
		env,
		30 * MINUTE,
	);
	await runNpmStep(
		log,
		'build sqlite3 for Node 24 (~1 min)',
		['rebuild', 'sqlite3', '--ignore-scripts=false'],
		dir,
		env,
		15 * MINUTE,
	);
	await checkSqliteLoads(runtime, dir, log);
	await writeMarker(dir, { n8n: version });
}

/**
 * Installs Node 24 and n8n into a cache folder outside the repository, once.
 * Later calls return at once; an install that stopped halfway is redone.
 */
export async function ensureN8n(options: EnsureN8nOptions = {}): Promise<N8nInstall> {
	const version = options.version ?? process.env['N8N_WIRO_N8N_VERSION'] ?? DEFAULT_N8N_VERSION;
	const log = options.log ?? defaultLog;
	const root = cacheRoot();
	const dir = join(root, `n8n-${version}`);
	const n8nBin = join(dir, 'node_modules', 'n8n', 'bin', 'n8n');
	await mkdir(root, { recursive: true });

	return withInstallLock(
		join(root, '.install.lock'),
		60 * MINUTE,
		(owner) => log(`waiting for another install (pid ${owner ?? '?'}) to finish`),
		async () => {
			const runtime = await ensureNode24(root, log);
			if (existsSync(join(dir, COMPLETE_MARKER)) && existsSync(n8nBin)) {
				log(`using cached n8n ${version} in ${dir}`);
			} else {
				const startedAt = Date.now();
				log(`installing n8n ${version} into ${dir}`);
				await installN8n(runtime, dir, version, log);
				log(`n8n ${version} installed in ${Math.round((Date.now() - startedAt) / 1000)} s`);
			}
			return { nodeBin: runtime.bin, n8nBin, dir };
		},
	);
}

/** Reads the version recorded by a finished install, for reports. */
export async function installedN8nVersion(install: N8nInstall): Promise<string> {
	const manifest: unknown = JSON.parse(
		await readFile(join(install.dir, 'node_modules', 'n8n', 'package.json'), 'utf8'),
	);
	if (
		typeof manifest === 'object' &&
		manifest !== null &&
		'version' in manifest &&
		typeof manifest.version === 'string'
	) {
		return manifest.version;
	}
	throw new Error('n8n package.json has no version');
}
