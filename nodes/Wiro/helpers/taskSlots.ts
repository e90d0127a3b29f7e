import { pause } from './pause';

/**
 * How many tasks this node may have running on Wiro at once. Starts at the user's cap; when Wiro
 * answers code 96 (concurrent task limit), the limit drops to what Wiro accepted, and items wait
 * for one of our tasks to end (or a back-off delay, when other workflows hold Wiro's slots).
 */
export class TaskSlots {
	private active = 0;

	private waiters: Array<() => void> = [];

	constructor(private limit: number) {}

	async acquire(signal?: AbortSignal): Promise<void> {
		while (this.active >= this.limit && !signal?.aborted) await this.nextRelease(signal);
		this.active++;
	}

	release(): void {
		this.active = Math.max(0, this.active - 1);
		const waiters = this.waiters;
		this.waiters = [];
		for (const wake of waiters) wake();
	}

	/** Wiro refused a task while we held `running` slots (one of them the refused item's own). */
	limitReached(): void {
		this.limit = Math.max(1, Math.min(this.limit, this.active - 1));
	}

	/** Resolves when any slot is released, after `maxMs`, or when the execution stops. */
	async nextRelease(signal?: AbortSignal, maxMs = 60_000): Promise<void> {
		const released = new Promise<void>((resolve) => this.waiters.push(resolve));
		await pause(maxMs, signal, released);
	}
}
