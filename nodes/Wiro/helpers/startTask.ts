import type { IExecuteFunctions } from 'n8n-workflow';

import {
	WIRO_CODE,
	WiroApiError,
	WiroTaskError,
	wiroRequest,
	type WiroRequestBody,
} from '../transport';
import type { Batch } from './batch';
import type { TaskRef } from './task';

const FIRST_RETRY_MS = 3_000;
const LONGEST_RETRY_MS = 30_000;

/**
 * Starts a task with `POST /Run/{slug}` and returns it with one of the batch's task slots held
 * (the caller releases it when the task ends). A code-96 answer (Wiro's concurrent task limit)
 * lowers the batch's limit and tries again when one of our tasks ends, or after a back-off.
 * A Run whose answer was lost is never sent again: it may have started a paid task.
 */
export async function startTask(
	context: IExecuteFunctions,
	slug: string,
	body: WiroRequestBody,
	batch: Batch,
	deadline: number,
): Promise<TaskRef> {
	for (let attempt = 0; ; attempt++) {
		await batch.slots.acquire(batch.signal);
		if (batch.signal.aborted) {
			batch.slots.release();
			throw new WiroTaskError(
				context.getNode(),
				'The execution was stopped before the task was started',
				{ description: 'Nothing was sent to Wiro' },
			);
		}
		const answer = await wiroRequest(context, `Run/${slug}`, body).then(
			(value) => ({ value }),
			(error: unknown) => ({ error }),
		);
		if ('error' in answer) {
			const { error } = answer;
			if (
				error instanceof WiroApiError &&
				error.wiroCode === WIRO_CODE.concurrencyLimit &&
				Date.now() < deadline
			) {
				batch.slots.limitReached();
				batch.slots.release();
				await batch.slots.nextRelease(
					batch.signal,
					Math.min(LONGEST_RETRY_MS, FIRST_RETRY_MS * 2 ** attempt),
				);
				continue;
			}
			batch.slots.release();
			if (!(error instanceof WiroApiError && error.retryable)) throw error;
			throw error.rephrase({
				retryable: false,
				description:
					'The answer to Run was lost, so Wiro may have started the task anyway: check the Wiro dashboard before running again',
			});
		}
		return {
			taskId: String(answer.value.taskid),
			taskToken: String(answer.value.socketaccesstoken),
		};
	}
}
