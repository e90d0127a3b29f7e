import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Runs in a separate, detached node: once the test process is gone (Ctrl-C,
 * SIGKILL, a crash), kills every process whose working folder is inside a
 * tracked folder (n8n and its task runner run in their user folder,
 * PostgreSQL in its data folder) and every tracked process group, then
 * deletes the folders. Jest's sandboxed `process` never sees signals or
 * `exit`, so hooks inside a test cannot do this.
 */
const REAPER_SCRIPT = `
const fs = require('node:fs');
const [parent, stateFile] = [Number(process.argv[1]), process.argv[2]];
const alive = (pid) => { try { process.kill(pid, 0); return true; } catch (e) { return e.code === 'EPERM'; } };
const kill = (pid) => { try { process.kill(pid, 'SIGKILL'); } catch {} };
function reap() {
  let state = { folders: [], groups: [] };
  try { state = JSON.parse(fs.readFileSync(stateFile, 'utf8')); } catch {}
  for (const group of state.groups) kill(-group);
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^[0-9]+$/.test(entry)) continue;
    let cwd = '';
    try { cwd = fs.readlinkSync('/proc/' + entry + '/cwd'); } catch { continue; }
    if (state.folders.some((folder) => cwd === folder || cwd.startsWith(folder + '/') || cwd.startsWith(folder + ' '))) kill(Number(entry));
  }
  setTimeout(() => {
    for (const folder of state.folders) fs.rmSync(folder, { recursive: true, force: true });
    fs.rmSync(require('node:path').dirname(stateFile), { recursive: true, force: true });
    process.exit(0);
  }, 1000);
}
const timer = setInterval(() => { if (!alive(parent)) { clearInterval(timer); reap(); } }, 500);
`;

/** What a service tells the reaper about itself as soon as it exists. */
export interface Tracker {
	trackFolder(folder: string): void;
	trackGroup(pid: number | undefined): void;
}

export class Reaper implements Tracker {
	private readonly folders = new Set<string>();
	private readonly groups = new Set<number>();

	private constructor(
		private readonly stateDir: string,
		private readonly pid: number | undefined,
	) {}

	/** Starts the watcher for this process. */
	static start(): Reaper {
		const stateDir = mkdtempSync(join(tmpdir(), 'wiro-queue-reaper-'));
		writeFileSync(join(stateDir, 'state.json'), JSON.stringify({ folders: [], groups: [] }));
		const child = spawn(
			process.execPath,
			['-e', REAPER_SCRIPT, String(process.pid), join(stateDir, 'state.json')],
			{
				detached: true,
				stdio: 'ignore',
			},
		);
		child.unref();
		return new Reaper(stateDir, child.pid);
	}

	private save(): void {
		const state = { folders: [...this.folders], groups: [...this.groups] };
		writeFileSync(join(this.stateDir, 'state.json'), JSON.stringify(state));
	}

	/** Processes running inside this folder are ours; the folder goes too. */
	trackFolder(folder: string): void {
		this.folders.add(folder);
		this.save();
	}

	trackGroup(pid: number | undefined): void {
		if (pid === undefined) return;
		this.groups.add(pid);
		this.save();
	}

	/** Everything was stopped in order: the watcher has nothing left to do. */
	stop(): void {
		if (this.pid !== undefined) {
			try {
				process.kill(this.pid, 'SIGKILL');
			} catch {
				// Already gone.
			}
		}
		rmSync(this.stateDir, { recursive: true, force: true });
	}
}
