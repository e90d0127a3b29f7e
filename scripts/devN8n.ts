/**
 * The setup behind `npm start`, `npm run demo` and the screenshot script: a real n8n with this
 * package, the example workflows and a Wiro credential, talking either to Wiro (WIRO_API_KEY and
 * WIRO_API_SECRET set) or to the repo's local Wiro-compatible server.
 */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { ensureN8n, type N8nInstance, type OwnerAccount, type WorkflowToImport } from '../dev/n8n';
import {
	loadAllExamples,
	prepareWiroN8n,
	wiroCredential,
	type WiroCredentialFields,
} from '../dev/n8n/wiro';
import { repoRoot } from '../dev/n8n/wiro/paths';
import { WiroServer } from '../dev/wiro-server';

/** A local development instance, so its sign-in can be printed. */
export const DEV_OWNER: OwnerAccount = {
	email: 'dev@example.com',
	firstName: 'Wiro',
	lastName: 'Developer',
	password: 'Wiro-Dev-12345',
};

/** Long enough to look like work, short enough to wait for. */
const LOCAL_TASK_MS = 4000;
/** A real 3-second clip, so the file a newcomer opens plays. */
const SAMPLE_VIDEO = ['dev', 'wiro-server', 'fixtures', 'sample.mp4'];

export type Backend =
	| { kind: 'local'; server: WiroServer; baseUrl: string }
	| { kind: 'wiro'; baseUrl: string; authentication: 'signature' | 'apiKey' };

export interface DevN8nOptions {
	port?: number | undefined;
	/** Kept between runs (`npm start`); a temp folder, deleted on stop, otherwise. */
	userFolder?: string | undefined;
	/** Workflows whose triggers go live when the server starts. */
	publish?: string[] | undefined;
	/** Start `n8n start` and sign in the owner; otherwise only the CLI is ready. */
	startServer: boolean;
	/** Use the local Wiro-compatible server even when WIRO_API_KEY is set (screenshots). */
	localWiroOnly?: boolean | undefined;
	/** Extra n8n environment (e.g. the editor's address). */
	env?: Record<string, string> | undefined;
	log: (line: string) => void;
}

export interface DevN8n {
	n8n: N8nInstance;
	backend: Backend;
	workflows: WorkflowToImport[];
	stop(): Promise<void>;
}

/** Real Wiro when the environment names a key; the local server otherwise. */
async function chooseBackend(
	log: (line: string) => void,
	localOnly: boolean,
): Promise<{ backend: Backend; credential: WiroCredentialFields }> {
	const apiKey = process.env['WIRO_API_KEY'];
	if (apiKey && !localOnly) {
		const apiSecret = process.env['WIRO_API_SECRET'] || undefined;
		const baseUrl = process.env['WIRO_BASE_URL'] || 'https://api.wiro.ai/v1';
		const socketUrl = process.env['WIRO_SOCKET_URL'];
		const authentication = apiSecret ? 'signature' : 'apiKey';
		log(
			`Wiro: ${baseUrl} with WIRO_API_KEY${apiSecret ? ' and WIRO_API_SECRET (signature)' : ' only (key-only project)'}`,
		);
		return {
			backend: { kind: 'wiro', baseUrl, authentication },
			credential: { apiKey, apiSecret, baseUrl, socketUrl },
		};
	}
	const sampleVideo = readFileSync(join(repoRoot(), ...SAMPLE_VIDEO));
	const server = new WiroServer({ taskDurationMs: LOCAL_TASK_MS, sampleVideo });
	await server.start();
	log(
		`Wiro: no WIRO_API_KEY set, so the local Wiro-compatible server runs at ${server.baseUrl} (task socket ${server.socketUrl})`,
	);
	return {
		backend: { kind: 'local', server, baseUrl: server.baseUrl },
		credential: {
			apiKey: 'test-key',
			apiSecret: 'test-secret',
			baseUrl: server.baseUrl,
			socketUrl: server.socketUrl,
		},
	};
}

/** Fails early, in words, when another program holds the port n8n needs. */
export function assertPortFree(port: number): Promise<void> {
	return new Promise((resolve, reject) => {
		const probe = createServer();
		probe.once('error', () =>
			reject(
				new Error(
					`Port ${port} is in use (another n8n?). Stop it, or choose another port with N8N_PORT=<port>.`,
				),
			),
		);
		probe.listen(port, '127.0.0.1', () => probe.close(() => resolve()));
	});
}

export async function startDevN8n(options: DevN8nOptions): Promise<DevN8n> {
	const { log } = options;
	if (options.port !== undefined) await assertPortFree(options.port);
	log(
		'n8n: checking the n8n install (the first run installs it into ~/.cache/n8n-nodes-wiro: ~5 min, ~3 GB)',
	);
	const install = await ensureN8n({ log: (line) => log(`n8n: ${line}`) });
	const { backend, credential } = await chooseBackend(log, options.localWiroOnly ?? false);
	const stopBackend = async (): Promise<void> => {
		if (backend.kind === 'local') await backend.server.stop();
	};
	let workflows: WorkflowToImport[] = [];
	let n8n: N8nInstance;
	try {
		log('n8n: importing the Wiro credential and the example workflows');
		n8n = await prepareWiroN8n({
			install,
			credential: wiroCredential(credential),
			workflows: () => (workflows = loadAllExamples()),
			publish: options.publish,
			port: options.port,
			userFolder: options.userFolder,
			env: options.env,
			log: (line) => log(`n8n: ${line}`),
		});
	} catch (error) {
		await stopBackend();
		throw error;
	}
	const stop = async (): Promise<void> => {
		await n8n.stop();
		await stopBackend();
	};
	try {
		if (options.startServer) {
			await n8n.start();
			await n8n.signInOwner(DEV_OWNER);
		}
	} catch (error) {
		await stop();
		throw error;
	}
	return { n8n, backend, workflows, stop };
}
