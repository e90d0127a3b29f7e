import type {
	IDataObject,
	IHookFunctions,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';

import { WIRO_CODE, WiroApiError, wiroRequest, type WiroContext } from '../transport';
import { isTerminal, refOf, taskFromAnswer, taskSelector, type TaskRef } from './task';

/** Callbacks larger than this are not Wiro's (a task with its outputs is a few kilobytes). */
export const MAX_CALLBACK_BYTES = 1024 * 1024;

/**
 * The task a callback body names. Wiro does not document the body of a model-run callback, so
 * this accepts the Task/Detail shape (`{tasklist: [task]}`), a bare task, and both as form fields
 * (where `tasklist` arrives as a JSON string).
 */
export function taskRefFromCallback(body: unknown): TaskRef | undefined {
	if (typeof body !== 'object' || body === null || Array.isArray(body)) return undefined;
	const fields = { ...(body as IDataObject) };
	if (typeof fields.tasklist === 'string') {
		try {
			fields.tasklist = JSON.parse(fields.tasklist) as IDataObject[];
		} catch {
			return undefined;
		}
	}
	const task = taskFromAnswer(fields) ?? fields;
	const ref = refOf(task);
	const taskId = ref.taskId ?? stringField(task.taskid);
	const taskToken = ref.taskToken ?? stringField(task.tasktoken);
	const valid = (value: string | undefined) =>
		value !== undefined && /^[A-Za-z0-9_-]{1,128}$/.test(value);
	if (!valid(taskId) && !valid(taskToken)) return undefined;
	return {
		taskId: valid(taskId) ? taskId : undefined,
		taskToken: valid(taskToken) ? taskToken : undefined,
	};
}

export type Verification =
	{ ok: true; task: IDataObject } | { ok: false; status: number; message: string };

/**
 * Callbacks carry no signature, so what a body claims is confirmed with Task/Detail using the
 * credential: the task must belong to this Wiro project and be finished. The answer is what Wiro's
 * API says, never what the body said.
 */
export async function verifyCallbackTask(
	context: WiroContext,
	ref: TaskRef,
): Promise<Verification> {
	const answer = await wiroRequest(context, 'Task/Detail', taskSelector(ref)).then(
		(value) => ({ value }),
		(error: unknown) => ({ error }),
	);
	if ('error' in answer) {
		const failure = answer.error instanceof WiroApiError ? answer.error : undefined;
		if (failure?.wiroCode === WIRO_CODE.notFound)
			return { ok: false, status: 404, message: 'Wiro has no such task in this project' };
		// Wiro retries callbacks that fail, so a 5xx here lets a passing fault heal itself.
		return {
			ok: false,
			status: 502,
			message: `The task could not be confirmed with Wiro: ${failure?.wiro.message ?? 'unknown error'}`,
		};
	}
	const task = taskFromAnswer(answer.value);
	if (!task) return { ok: false, status: 404, message: 'Wiro has no such task in this project' };
	if (!isTerminal(task))
		return {
			ok: false,
			status: 409,
			message: `The task is not finished (status ${String(task.status)})`,
		};
	return { ok: true, task };
}

export type CallbackEvent = 'succeeded' | 'failed' | 'cancelled';

export function eventOf(task: IDataObject): CallbackEvent {
	if (task.status === 'task_cancel') return 'cancelled';
	return String(task.pexit) === '0' ? 'succeeded' : 'failed';
}

function stringField(value: unknown): string | undefined {
	return typeof value === 'string' || typeof value === 'number' ? String(value) : undefined;
}

interface ResponseWriter {
	status(code: number): { json(body: IDataObject): void };
}

/** Answers the caller directly (n8n then sends nothing itself) and starts no execution. */
export function respondWithoutRun(
	context: IWebhookFunctions,
	status: number,
	body: IDataObject,
): IWebhookResponseData {
	(context.getResponseObject() as ResponseWriter).status(status).json(body);
	return { noWebhookResponse: true };
}

/** Wiro has no webhook registry (the URL travels with each Run), so there is nothing to create or delete. */
export const unregisteredWebhookMethods = {
	default: {
		async checkExists(this: IHookFunctions): Promise<boolean> {
			return true;
		},
		async create(this: IHookFunctions): Promise<boolean> {
			return true;
		},
		async delete(this: IHookFunctions): Promise<boolean> {
			return true;
		},
	},
};
