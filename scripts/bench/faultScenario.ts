import type { WiroFaults } from '../../dev/wiro-server';
import { FAIL_DIRECTIVE } from './outcomes';
import { scriptedPrompt } from './withServer';

/** Issue 6's fault mix: 20 % of Detail calls answer 5xx, 10 % reset the connection, 10 % answer 2.5 s late. */
export const DETAIL_FAULTS: WiroFaults = {
	detail5xxRate: 0.2,
	detailResetRate: 0.1,
	slowRate: 0.1,
	slowMs: 2500,
	seed: 6,
};

/** Prompts whose every fifth asks the server to fail its task; durations cycle through `durationsMs`. */
export function mixedPrompts(count: number, durationsMs: number[], tag: string): string[] {
	return Array.from({ length: count }, (_, i) =>
		scriptedPrompt(
			`${tag} ${i}`,
			durationsMs[i % durationsMs.length],
			i % 5 === 4 ? FAIL_DIRECTIVE : '',
		),
	);
}
