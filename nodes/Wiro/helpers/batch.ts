import type { IExecuteFunctions } from 'n8n-workflow';

import { TaskSlots } from './taskSlots';

/** What the items of one node run share: the task slots, and a signal that stops them all. */
export interface Batch {
	slots: TaskSlots;
	/** Fires when the user stops the execution, or when an item fails and the node will fail. */
	signal: AbortSignal;
	/** Stops every item still waiting (their unfinished tasks are killed if the user chose so). */
	stop: () => void;
}

export const DEFAULT_MAX_CONCURRENCY = 20;

export function createBatch(context: IExecuteFunctions, maxConcurrency: number): Batch {
	const local = new AbortController();
	const executionSignal = context.getExecutionCancelSignal();
	return {
		slots: new TaskSlots(Math.max(1, Math.floor(maxConcurrency))),
		signal: executionSignal ? AbortSignal.any([executionSignal, local.signal]) : local.signal,
		stop: () => local.abort(),
	};
}
