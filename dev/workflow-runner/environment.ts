import { Container } from '@n8n/di';
import { BinaryDataService } from 'n8n-core';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface RunnerEnvironment {
	/** Temp folder used as N8N_USER_FOLDER for this test process. */
	userFolder: string;
	/** Where BinaryDataService (filesystem mode) writes binary files. */
	binaryDataFolder: string;
}

let pending: Promise<RunnerEnvironment> | undefined;
let current: RunnerEnvironment | undefined;
let disposed = false;

function removeFolder(): void {
	if (current) rmSync(current.userFolder, { recursive: true, force: true });
	current = undefined;
}

/**
 * n8n-core reads its settings (InstanceSettings, BinaryDataConfig) from the
 * environment the first time they are taken from the DI container, so the
 * variables must be in place before anything asks for them. Everything lives
 * in one temp folder per test process.
 */
async function initialise(): Promise<RunnerEnvironment> {
	const userFolder = mkdtempSync(join(tmpdir(), 'n8n-workflow-runner-'));
	const binaryDataFolder = join(userFolder, 'binary-data');
	process.env.N8N_USER_FOLDER = userFolder;
	process.env.N8N_ENCRYPTION_KEY ??= 'n8n-workflow-runner-test-encryption-key';
	// n8n-core logs every node error; set N8N_LOG_LEVEL=debug to see them.
	process.env.N8N_LOG_LEVEL ??= 'silent';
	process.env.N8N_DEFAULT_BINARY_DATA_MODE = 'filesystem';
	process.env.N8N_BINARY_DATA_STORAGE_PATH = binaryDataFolder;
	current = { userFolder, binaryDataFolder };
	process.once('exit', removeFolder);

	await Container.get(BinaryDataService).init();
	return current;
}

/** Idempotent: the first call initialises n8n-core's services for this process. */
export async function prepareEnvironment(): Promise<RunnerEnvironment> {
	// n8n-core keeps the first folder in its singletons: no second life.
	if (disposed) throw new Error('The workflow runner was disposed in this test file');
	pending ??= initialise().catch((error: unknown) => {
		pending = undefined;
		throw error;
	});
	return await pending;
}

/** Removes the temp folder. Call from `afterAll` (also done on process exit). */
export function disposeEnvironment(): void {
	disposed = true;
	process.removeListener('exit', removeFolder);
	removeFolder();
}
