import { describeFailure, runCommand, type LogLine } from '../../../dev/n8n/run-command';

const MINUTE = 60_000;

async function isInstalled(name: string): Promise<boolean> {
	const result = await runCommand({
		command: 'dpkg-query',
		args: ['-W', '-f=${Status}', name],
		timeoutMs: 30_000,
		label: `dpkg-query ${name}`,
	});
	return result.exitCode === 0 && result.stdout.includes('install ok installed');
}

async function apt(args: string[], log: LogLine): Promise<void> {
	const label = `apt-get ${args[0] ?? ''}`;
	log(`${label}: apt-get ${args.join(' ')}`);
	const result = await runCommand({
		command: 'apt-get',
		args: ['-o', 'DPkg::Lock::Timeout=300', ...args],
		env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
		timeoutMs: 15 * MINUTE,
		label,
		log,
		heartbeatMs: 20_000,
	});
	if (result.exitCode !== 0) throw new Error(describeFailure(label, result));
	log(`${label}: done in ${Math.round(result.durationMs / 1000)} s`);
}

/**
 * Installs the Debian packages that are missing (`apt-get update` first, as
 * this machine wants); does nothing when all are there. Needs root for an
 * install.
 */
export async function ensureDebianPackages(names: readonly string[], log: LogLine): Promise<void> {
	const missing: string[] = [];
	for (const name of names) if (!(await isInstalled(name))) missing.push(name);
	if (missing.length === 0) return;
	if (process.getuid?.() !== 0) {
		throw new Error(
			`Missing Debian packages ${missing.join(', ')}: install them as root (apt-get install -y ${missing.join(' ')})`,
		);
	}
	await apt(['update'], log);
	await apt(['install', '-y', '--no-install-recommends', ...missing], log);
}
