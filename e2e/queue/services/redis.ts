import { mkdtemp, rm } from 'node:fs/promises';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findFreePort } from '../../../dev/n8n/free-port';
import { trackTempFolder, untrackTempFolder } from '../../../dev/n8n/process-cleanup';
import type { LogLine } from '../../../dev/n8n/run-command';
import { ManagedProcess } from './managed-process';
import type { Tracker } from './reaper';
import { waitUntil } from '../../../dev/n8n/wait-until';

export interface RedisServer {
	host: string;
	port: number;
	process: ManagedProcess;
	stop(): Promise<void>;
}

/** Sends PING in Redis's inline protocol; true on +PONG. */
function ping(port: number): Promise<boolean> {
	return new Promise((resolve) => {
		const socket = connect({ host: '127.0.0.1', port });
		let answer = '';
		const done = (ok: boolean): void => {
			socket.destroy();
			resolve(ok);
		};
		socket.setTimeout(2_000, () => done(false));
		socket.on('error', () => done(false));
		socket.on('connect', () => socket.write('PING\r\n'));
		socket.on('data', (chunk) => {
			answer += chunk.toString('utf8');
			if (answer.includes('\r\n')) done(answer.startsWith('+PONG'));
		});
	});
}

/** Debian's redis-server on 127.0.0.1 and a free port, in a temp folder, nothing persisted. */
export async function startRedis(
	logDir: string,
	log: LogLine,
	tracker?: Tracker,
): Promise<RedisServer> {
	const port = await findFreePort();
	const dir = await mkdtemp(join(tmpdir(), 'wiro-queue-redis-'));
	trackTempFolder(dir);
	tracker?.trackFolder(dir);
	const server = ManagedProcess.spawn({
		label: 'redis',
		command: '/usr/bin/redis-server',
		args: [
			'--port',
			String(port),
			'--bind',
			'127.0.0.1',
			'--protected-mode',
			'yes',
			'--dir',
			dir,
			'--save',
			'',
			'--appendonly',
			'no',
			'--daemonize',
			'no',
		],
		cwd: dir,
		logFile: join(logDir, 'redis.log'),
		tracker,
	});
	const stop = async (): Promise<void> => {
		await server.stop('SIGTERM', 5_000);
		await rm(dir, { recursive: true, force: true });
		untrackTempFolder(dir);
	};
	try {
		const waited = await waitUntil(() => ping(port), {
			what: 'redis',
			timeoutMs: 30_000,
			check: () => server.assertRunning(),
			details: () => server.outputTail(),
		});
		log(`redis ready on 127.0.0.1:${port} in ${waited} ms`);
	} catch (error) {
		await stop();
		throw error;
	}
	return { host: '127.0.0.1', port, process: server, stop };
}
