import { rmSync } from 'node:fs';

/**
 * Remembers every process group and temp folder we start, so that a test
 * that crashes or a Ctrl-C never leaves n8n running or files behind.
 */
const liveProcessGroups = new Set<number>();
const tempFolders = new Set<string>();
let hooksInstalled = false;

function killAllSync(): void {
	for (const pid of liveProcessGroups) {
		try {
			process.kill(-pid, 'SIGKILL');
		} catch {
			// Already gone.
		}
	}
	liveProcessGroups.clear();
	for (const folder of tempFolders) rmSync(folder, { recursive: true, force: true });
	tempFolders.clear();
}

/**
 * On a signal nobody else handles: kill everything, then die of the signal as
 * usual. A program with its own handler (npm start stops n8n gracefully on
 * Ctrl-C) keeps control; the exit hook still kills whatever it leaves.
 */
function onSignal(signal: NodeJS.Signals): void {
	if (process.listenerCount(signal) > 0) return;
	killAllSync();
	process.kill(process.pid, signal);
}

function installHooks(): void {
	if (hooksInstalled) return;
	hooksInstalled = true;
	process.on('exit', killAllSync);
	for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.once(signal, onSignal);
}

export function trackProcessGroup(pid: number): void {
	installHooks();
	liveProcessGroups.add(pid);
}

export function untrackProcessGroup(pid: number): void {
	liveProcessGroups.delete(pid);
}

export function trackTempFolder(folder: string): void {
	installHooks();
	tempFolders.add(folder);
}

export function untrackTempFolder(folder: string): void {
	tempFolders.delete(folder);
}
