import type { IDataObject } from 'n8n-workflow';

import { WiroApiError, wiroRequest, type WiroContext } from '../transport';
import { pause } from './pause';
import type { SocketWatch } from './socketWatch';
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
	/**
	 * The task's socket, if any. While it is healthy Task/Detail is only a safety net, called every
	 * `maxIntervalMs`; its hints are confirmed at once; without it the loop polls with the back-off.
	 */
	socket?: SocketWatch;
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
 * task) end the wait by throwing. With a socket, the socket decides when to ask and Task/Detail
 * still decides the outcome.
 */
export async function pollTask(
	context: WiroContext,
	ref: TaskRef,
	settings: PollSettings,
): Promise<PollOutcome> {
	const { signal, socket } = settings;
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
		const dueAt = nextDetailAt(settings, socket, now, lastPollAt, scheduleStart);
		if (dueAt > now) {
			const wakeAt = Math.min(dueAt, socket?.nextCheckAt() ?? dueAt);
			await pause(Math.min(remaining, Math.max(0, wakeAt - now)), signal, socket?.changed());
			// Woken by the socket, its silence deadline or the schedule: decide again.
			if (socket) continue;
		}
		if (signal?.aborted) return { kind: 'stopped', task, detailCalls, retries };
		socket?.detailCalled();
		lastPollAt = Date.now();
		detailCalls++;
		const answer = await wiroRequest(context, 'Task/Detail', taskSelector(ref)).then(
			(value) => ({ value }),
			(error: unknown) => ({ error }),
		);
		if ('error' in answer) {
			if (signal?.aborted) return { kind: 'stopped', task, detailCalls, retries };
			if (!(answer.error instanceof WiroApiError && answer.error.retryable)) throw answer.error;
			retries++;
			continue;
		}
		task = taskFromAnswer(answer.value) ?? task;
		if (task && isTerminal(task)) return { kind: 'finished', task, detailCalls, retries };
	}
}

/** When the next Task/Detail call is due. */
function nextDetailAt(
	settings: PollSettings,
	socket: SocketWatch | undefined,
	now: number,
	lastPollAt: number,
	scheduleStart: number,
): number {
	const backOffAt =
		lastPollAt +
		nextPollDelay(lastPollAt - scheduleStart, settings.minIntervalMs, settings.maxIntervalMs);
	if (!socket) return backOffAt;
	const advice = socket.advise(now);
	if (advice === 'detailNow') return now;
	// The socket said the task ended but Task/Detail did not agree yet: poll quickly until it does.
	if (socket.ending) return lastPollAt + settings.minIntervalMs;
	if (advice === 'listening') return lastPollAt + settings.maxIntervalMs;
	return backOffAt;
}
