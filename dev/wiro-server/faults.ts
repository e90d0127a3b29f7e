import type { WiroFaults } from './types';

export type FaultDecision =
	| { kind: 'none' }
	| { kind: 'reset' }
	| { kind: 'error5xx'; status: number; html: boolean }
	| { kind: 'slow'; delayMs: number };

const ERROR_STATUSES = [502, 503, 500, 504];
export const DEFAULT_SLOW_MS = 2000;

/** mulberry32: small, seedable, good enough to pick faults reproducibly. */
function mulberry32(seed: number): () => number {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

export class FaultPlan {
	private random: () => number;

	constructor(private faults: WiroFaults = {}) {
		this.random = mulberry32(faults.seed ?? 1);
	}

	set(faults: WiroFaults): void {
		this.faults = faults;
		this.random = mulberry32(faults.seed ?? 1);
	}

	current(): WiroFaults {
		return this.faults;
	}

	/** Draws the same count of numbers every time, so one rate never shifts another's sequence. */
	next(): FaultDecision {
		const [resetDraw, errorDraw, slowDraw, pick] = [
			this.random(),
			this.random(),
			this.random(),
			this.random(),
		];
		const { detailResetRate = 0, detail5xxRate = 0, slowRate = 0 } = this.faults;
		if (resetDraw < detailResetRate) return { kind: 'reset' };
		if (errorDraw < detail5xxRate) {
			const status = ERROR_STATUSES[Math.floor(pick * ERROR_STATUSES.length)];
			return { kind: 'error5xx', status, html: status === 502 || status === 504 };
		}
		if (slowDraw < slowRate)
			return { kind: 'slow', delayMs: this.faults.slowMs ?? DEFAULT_SLOW_MS };
		return { kind: 'none' };
	}
}
