import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

const POLL_MS = 2000;
const REPORT_EVERY_POLLS = 10;

function isProcessAlive(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch {
		return false;
	}
}

async function lockOwnerPid(lockDir: string): Promise<number | undefined> {
	try {
		const pid = Number.parseInt(await readFile(join(lockDir, 'pid'), 'utf8'), 10);
		return Number.isFinite(pid) ? pid : undefined;
	} catch {
		return undefined;
	}
}

/**
 * Runs `work` while holding a directory lock, so two test processes never
 * install into the same cache folder at once. A lock left by a dead process
 * is taken over.
 */
export async function withInstallLock<T>(
	lockDir: string,
	timeoutMs: number,
	onWait: (ownerPid: number | undefined) => void,
	work: () => Promise<T>,
): Promise<T> {
	const deadline = Date.now() + timeoutMs;
	for (let poll = 0; ; poll++) {
		try {
			await mkdir(lockDir);
			break;
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
			const owner = await lockOwnerPid(lockDir);
			if (owner !== undefined && !isProcessAlive(owner)) {
				await rm(lockDir, { recursive: true, force: true });
				continue;
			}
			if (Date.now() > deadline) {
				throw new Error(
					`Timed out waiting for the install lock ${lockDir} (held by pid ${owner ?? '?'})`,
				);
			}
			if (poll % REPORT_EVERY_POLLS === 0) onWait(owner);
			await new Promise((resolve) => setTimeout(resolve, POLL_MS));
		}
	}
	try {
		await writeFile(join(lockDir, 'pid'), String(process.pid));
		return await work();
	} finally {
		await rm(lockDir, { recursive: true, force: true });
	}
}
