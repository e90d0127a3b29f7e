import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chown, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findFreePort } from '../../../dev/n8n/free-port';
import { trackTempFolder, untrackTempFolder } from '../../../dev/n8n/process-cleanup';
import { describeFailure, runCommand, type LogLine } from '../../../dev/n8n/run-command';
import { ManagedProcess } from './managed-process';
import type { Tracker } from './reaper';
import { isRoot, lookUpUser, type SystemUser } from './system-user';
import { waitUntil } from '../../../dev/n8n/wait-until';

export interface PostgresServer {
	host: string;
	port: number;
	database: string;
	user: string;
	password: string;
	process: ManagedProcess;
	stop(): Promise<void>;
}

const SUPERUSER = 'postgres';
const DATABASE = 'n8n';

/** `/usr/lib/postgresql/<newest>/bin`, where Debian puts the server binaries. */
async function serverBinDir(): Promise<string> {
	const root = '/usr/lib/postgresql';
	const versions = (await readdir(root).catch(() => []))
		.filter((name) => existsSync(join(root, name, 'bin', 'initdb')))
		.sort((a, b) => Number(b) - Number(a));
	if (versions[0] === undefined)
		throw new Error(`No PostgreSQL server in ${root}: apt-get install -y postgresql`);
	return join(root, versions[0], 'bin');
}

async function removeFolder(dir: string): Promise<void> {
	await rm(dir, { recursive: true, force: true });
	untrackTempFolder(dir);
}

async function run(
	label: string,
	command: string,
	args: string[],
	env: NodeJS.ProcessEnv,
	log: LogLine,
): Promise<void> {
	const result = await runCommand({ command, args, env, timeoutMs: 120_000, label, log });
	if (result.exitCode !== 0) throw new Error(describeFailure(label, result));
}

/**
 * PostgreSQL on 127.0.0.1 and a free port, with its data in a new temp folder,
 * run as the `postgres` user when we are root (the server refuses root).
 * Durability is off: the data is thrown away at the end.
 */
export async function startPostgres(
	logDir: string,
	log: LogLine,
	tracker?: Tracker,
): Promise<PostgresServer> {
	const bin = await serverBinDir();
	const owner: SystemUser | undefined = isRoot() ? await lookUpUser(SUPERUSER) : undefined;
	const dir = await mkdtemp(join(tmpdir(), 'wiro-queue-pg-'));
	trackTempFolder(dir);
	tracker?.trackFolder(dir);
	const password = randomBytes(12).toString('hex');
	const port = await findFreePort();
	const env = { PATH: process.env['PATH'] ?? '/usr/bin:/bin', LANG: 'C.UTF-8' };
	const asOwner = (command: string, args: string[]): [string, string[]] =>
		owner ? ['runuser', ['-u', owner.name, '--', command, ...args]] : [command, args];
	let server: ManagedProcess | undefined;
	try {
		await writeFile(join(dir, 'pwfile'), `${password}\n`);
		if (owner) {
			await chown(dir, owner.uid, owner.gid);
			await chown(join(dir, 'pwfile'), owner.uid, owner.gid);
		}
		const initdbArgs = [
			'-D',
			join(dir, 'data'),
			'-U',
			SUPERUSER,
			`--pwfile=${join(dir, 'pwfile')}`,
			'--auth-local=trust',
			'--auth-host=scram-sha-256',
			'-E',
			'UTF8',
			'--locale=C',
			'--no-sync',
		];
		await run('initdb', ...asOwner(join(bin, 'initdb'), initdbArgs), env, log);
		server = ManagedProcess.spawn({
			label: 'postgres',
			command: join(bin, 'postgres'),
			args: [
				'-D',
				join(dir, 'data'),
				'-p',
				String(port),
				'-k',
				dir,
				'-c',
				'listen_addresses=127.0.0.1',
				'-c',
				'fsync=off',
				'-c',
				'synchronous_commit=off',
				'-c',
				'full_page_writes=off',
			],
			env,
			cwd: dir,
			uid: owner?.uid,
			gid: owner?.gid,
			logFile: join(logDir, 'postgres.log'),
			tracker,
		});
		const ready = server;
		const pgIsReady = async (): Promise<boolean> =>
			(
				await runCommand({
					command: join(bin, 'pg_isready'),
					args: ['-h', '127.0.0.1', '-p', String(port)],
					timeoutMs: 10_000,
					label: 'pg_isready',
				})
			).exitCode === 0;
		const waited = await waitUntil(pgIsReady, {
			what: 'postgres',
			timeoutMs: 60_000,
			check: () => ready.assertRunning(),
			details: () => ready.outputTail(),
		});
		await run(
			'createdb',
			join(bin, 'createdb'),
			['-h', '127.0.0.1', '-p', String(port), '-U', SUPERUSER, DATABASE],
			{ ...env, PGPASSWORD: password },
			log,
		);
		log(`postgres ready on 127.0.0.1:${port} in ${waited} ms (data in ${dir})`);
	} catch (error) {
		await server?.stop('SIGINT');
		await removeFolder(dir);
		throw error;
	}
	const started = server;
	return {
		host: '127.0.0.1',
		port,
		database: DATABASE,
		user: SUPERUSER,
		password,
		process: started,
		async stop(): Promise<void> {
			// SIGINT: PostgreSQL's fast shutdown (SIGTERM would wait for clients).
			await started.stop('SIGINT', 15_000);
			await removeFolder(dir);
		},
	};
}
