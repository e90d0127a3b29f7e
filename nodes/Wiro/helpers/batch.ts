import type { IExecuteFunctions } from 'n8n-workflow';

import { TaskSlots } from './taskSlots';
import { WAIT_DEFAULTS } from '../actions/common/waitFields';

/** What the items of one node run share: the task slots, and a signal that stops them all. */
export interface Batch {
	slots: TaskSlots;
	/** Fires when the user stops the execution, or when an item fails and the node will fail. */
	signal: AbortSignal;
	/** Stops every item still waiting (their unfinished tasks are killed if the user chose so). */
	stop: () => void;
}

/** The node's cap on items run at once (Options > Max Concurrent Tasks, read once for the whole batch). */
export function readMaxConcurrency(context: IExecuteFunctions): number {
	const value = Number(
		context.getNodeParameter('options.maxConcurrency', 0, WAIT_DEFAULTS.maxConcurrency),
	);
	return Number.isFinite(value) ? Math.max(1, Math.floor(value)) : WAIT_DEFAULTS.maxConcurrency;
}

export function createBatch(context: IExecuteFunctions, maxConcurrency: number): Batch {
	const local = new AbortController();
	const executionSignal = context.getExecutionCancelSignal();
	return {
		slots: new TaskSlots(maxConcurrency),
		signal: executionSignal ? AbortSignal.any([executionSignal, local.signal]) : local.signal,
		stop: () => local.abort(),
	};
}
