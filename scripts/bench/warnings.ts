/**
 * Takes over the process's warnings while the bench runs, so they are reported once, counted,
 * under the table (a warning from the node is a finding, not noise to scroll past).
 */
export function collectWarnings(): () => string[] {
	const counts = new Map<string, number>();
	process.removeAllListeners('warning');
	process.on('warning', (warning) => {
		const key = `${warning.name}: ${warning.message}`;
		counts.set(key, (counts.get(key) ?? 0) + 1);
	});
	return () => [...counts].map(([text, count]) => `${count} × ${text}`);
}
