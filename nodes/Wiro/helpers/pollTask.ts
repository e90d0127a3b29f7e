import type { IDataObject } from 'n8n-workflow';

import { isRetryable, wiroRequest, type WiroContext } from '../transport';
import { pause } from './pause';
import { isTerminal, taskFromAnswer, taskSelector, type TaskRef } from './task';

export interface PollSettings {
	/** The shortest time between two Task/Detail calls. */
	minIntervalMs: number;
	/** The longest time between two Task/Detail calls. */
	maxIntervalMs: number;
	/** When the wait ends without a result, counted from `startedAt`. */
	timeoutMs: number;
	startedAt: number;
	signal?: AbortSignal;
}

export type PollOutcome =
	| { kind: 'finished'; task: IDataObject; detailCalls: number; retries: number }
	| { kind: 'timeout' | 'stopped'; task?: IDataObject; detailCalls: number; retries: number };

/** Share of the time already waited that the next poll waits: a finished task is noticed within ~14 % of its run time. */
const BACKOFF_SHARE = 0.14;

/**
 * Delay before the next Task/Detail call. Short tasks are polled every `min` (so completion is
 * noticed within about a second); long ones ever more rarely, keeping the number of calls
 * logarithmic in the task's length (about 8 for 6 s, under 30 for 2 min).
 */
export function nextPollDelay(elapsedMs: number, minMs: number, maxMs: number): number {
	return Math.round(Math.min(maxMs, Math.max(minMs, elapsedMs * BACKOFF_SHARE)));
}

/**
 * Polls Task/Detail until the task reaches a terminal status, the timeout passes, or the execution
 * is stopped. Network errors, 5xx and 429 answers are retried on the same schedule: a task that
 * was started is never dropped because one poll failed. Other errors (bad credentials, unknown
 * task) end the wait by throwing.
 */
export async function pollTask(context: WiroContext, ref: TaskRef, settings: PollSettings): Promise<PollOutcome> {
	const { signal } = settings;
	let task: IDataObject | undefined;
	let detailCalls = 0;
	let retries = 0;
	// The back-off counts from now (the task exists; its run time starts about here), and each delay from
	// the previous poll's start, so the time a Detail call takes does not add up.
	const scheduleStart = Date.now();
	let lastPollAt = scheduleStart;
	for (;;) {
		const now = Date.now();
		const remaining = settings.timeoutMs - (now - settings.startedAt);
		if (signal?.aborted) return { kind: 'stopped', task, detailCalls, retries };
		if (remaining <= 0) return { kind: 'timeout', task, detailCalls, retries };
		const delay = nextPollDelay(lastPollAt - scheduleStart, settings.minIntervalMs, settings.maxIntervalMs);
		await pause(Math.min(remaining, Math.max(0, lastPollAt + delay - now)), signal);
		if (signal?.aborted) return { kind: 'stopped', task, detailCalls, retries };
		lastPollAt = Date.now();
		detailCalls++;
		const answer = await wiroRequest(context, 'Task/Detail', taskSelector(ref)).then(
			(value) => ({ value }),
			(error: unknown) => ({ error }),
		);
		if ('error' in answer) {
			if (signal?.aborted) return { kind: 'stopped', task, detailCalls, retries };
			if (!isRetryable(answer.error)) throw answer.error;
			retries++;
			continue;
		}
		task = taskFromAnswer(answer.value) ?? task;
		if (task && isTerminal(task)) return { kind: 'finished', task, detailCalls, retries };
	}
}
