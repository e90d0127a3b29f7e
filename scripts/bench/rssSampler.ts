export interface RssSampler {
	/** Stops sampling and returns the highest resident set size seen, in bytes. */
	stop: () => number;
}

/** Samples the process's resident set size every `intervalMs` (the timer never keeps the process alive). */
export function sampleRss(intervalMs = 20): RssSampler {
	let peak = process.memoryUsage.rss();
	const timer = setInterval(() => {
		peak = Math.max(peak, process.memoryUsage.rss());
	}, intervalMs);
	timer.unref();
	return {
		stop: () => {
			clearInterval(timer);
			return Math.max(peak, process.memoryUsage.rss());
		},
	};
}

/** Collects garbage when the process runs with --expose-gc (npm run bench does). */
export function collectGarbage(): void {
	globalThis.gc?.();
}
