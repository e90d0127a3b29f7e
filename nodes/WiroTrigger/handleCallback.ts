import type { IDataObject, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';

import {
	eventOf,
	MAX_CALLBACK_BYTES,
	respondWithoutRun as answer,
	taskRefFromCallback,
	verifyCallbackTask,
	type CallbackEvent,
} from '../Wiro/helpers/callback';
import { taskFromAnswer, type TaskRef } from '../Wiro/helpers/task';
import { taskResult } from '../Wiro/helpers/taskResult';
import { isWiroCdnUrl } from './wiroCdn';

const UNVERIFIED_DOWNLOADS = {
	url: isWiroCdnUrl,
	reason:
		"not on Wiro's CDN (https, wiro.ai): an unverified callback's URLs are not fetched; turn on Verify With Wiro to download from the credential's Base URL",
};

/** How many task keys the trigger remembers to drop Wiro's repeated deliveries. */
const SEEN_TASKS_KEPT = 1000;

function taskKey(ref: TaskRef): string {
	return ref.taskId ? `id:${ref.taskId}` : `token:${ref.taskToken}`;
}

/**
 * Starts one execution per finished task: checks the body, drops repeats, confirms the task with
 * Wiro (unless the user turned that off), filters by outcome and downloads the video if asked.
 * Anything wrong gets a 4xx (or a 502 Wiro may retry) and starts nothing; it never throws.
 */
export async function handleCallback(this: IWebhookFunctions): Promise<IWebhookResponseData> {
	const rawBody = (this.getRequestObject() as { rawBody?: unknown }).rawBody;
	if (Buffer.isBuffer(rawBody) && rawBody.length > MAX_CALLBACK_BYTES) {
		return answer(this, 413, { error: 'The callback body is too large' });
	}
	const body = this.getBodyData();
	const ref = taskRefFromCallback(body);
	if (!ref)
		return answer(this, 400, {
			error: 'The callback names no task: expected a Wiro task with an id or socketaccesstoken',
		});

	const seen = this.getWorkflowStaticData('node') as { seenTasks?: string[] };
	const seenTasks = (seen.seenTasks ??= []);
	const key = taskKey(ref);
	if (seenTasks.includes(key)) return answer(this, 200, { received: true, duplicate: true });
	// Claimed before the (slow) check so a repeat arriving meanwhile is dropped too; released if the check fails.
	seenTasks.push(key);
	if (seenTasks.length > SEEN_TASKS_KEPT) seenTasks.splice(0, seenTasks.length - SEEN_TASKS_KEPT);
	const release = () => seenTasks.splice(seenTasks.indexOf(key), 1);

	const verify = this.getNodeParameter('verify', true) as boolean;
	let task: IDataObject;
	if (verify) {
		const verification = await verifyCallbackTask(this, ref);
		if (!verification.ok) {
			release();
			return answer(this, verification.status, { error: verification.message });
		}
		task = verification.task;
	} else {
		task = taskFromAnswer(body as IDataObject) ?? (body as IDataObject);
	}

	const event = eventOf(task);
	const triggerOn = this.getNodeParameter('triggerOn', ['succeeded', 'failed']) as CallbackEvent[];
	if (!triggerOn.includes(event)) return answer(this, 200, { received: true, ignored: event });

	const options = this.getNodeParameter('options', {}) as IDataObject;
	try {
		const item = await taskResult(this, task, {
			enabled: event === 'succeeded' && options.download !== false,
			binaryPropertyName: String(options.binaryPropertyName || 'data'),
			// An unverified body is anyone's: fetching its URLs would let them make n8n request any address.
			...(verify ? {} : { allow: UNVERIFIED_DOWNLOADS }),
		});
		item.json = { event, verified: verify, ...item.json };
		return { workflowData: [[item]] };
	} catch (error) {
		release();
		return answer(this, 502, { error: (error as Error).message });
	}
}
