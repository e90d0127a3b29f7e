import { cpus, totalmem } from 'node:os';

/** What the figures were measured on, printed above the table. */
export function machineLines(now = new Date()): string[] {
	const cores = cpus();
	const model = cores[0]?.model.trim() ?? 'unknown CPU';
	return [
		`Date: ${now.toISOString().replace(/\.\d+Z$/, 'Z')}`,
		`Machine: ${model}, ${cores.length} cores, ${(totalmem() / 2 ** 30).toFixed(1)} GiB memory, Node.js ${process.version}`,
	];
}
