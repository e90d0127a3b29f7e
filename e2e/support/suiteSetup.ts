/** Timing and progress output shared by the real-n8n suites. */
export const MINUTE = 60_000;

/** A fresh machine installs n8n first (~5 min here, up to 30 allowed). */
export const SETUP_TIMEOUT_MS = 40 * MINUTE;

/** Progress of the n8n install and server, without jest's console decoration. */
export function log(line: string): void {
	process.stderr.write(`[n8n] ${line}\n`);
}
