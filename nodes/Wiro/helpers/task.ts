import type { IDataObject } from 'n8n-workflow';

/** How a task is named in Wiro's Task endpoints: by id, by token, or both. */
export interface TaskRef {
	taskId?: string;
	taskToken?: string;
}

/** An output file of a task; a type alias (not an interface) so it is an IDataObject as it is. */
export type WiroOutput = {
	name: string;
	url: string;
	contentType: string;
	size: number;
};

const TERMINAL_STATUSES = ['task_postprocess_end', 'task_cancel'];

export function isTerminal(task: IDataObject): boolean {
	return TERMINAL_STATUSES.includes(String(task.status));
}

/** Wiro's rule: done with exit code "0"; any other exit code at the end is a failure. */
export function succeeded(task: IDataObject): boolean {
	return task.status === 'task_postprocess_end' && String(task.pexit) === '0';
}

export function refOf(task: IDataObject): TaskRef {
	return {
		taskId: stringOrUndefined(task.id),
		taskToken: stringOrUndefined(task.socketaccesstoken),
	};
}

/** The request body that names a task: the token when known (every Task endpoint takes it), else the id. */
export function taskSelector(ref: TaskRef): IDataObject {
	return ref.taskToken ? { tasktoken: ref.taskToken } : { taskid: ref.taskId };
}

/** The task in a Task/Detail, Cancel or Kill answer (`tasklist[0]`), or a bare task object. */
export function taskFromAnswer(answer: IDataObject | undefined): IDataObject | undefined {
	if (!answer) return undefined;
	const list = answer.tasklist;
	if (Array.isArray(list)) return (list[0] as IDataObject | undefined) ?? undefined;
	return typeof answer.status === 'string' &&
		(answer.id !== undefined || answer.socketaccesstoken !== undefined)
		? answer
		: undefined;
}

export function outputsOf(task: IDataObject): WiroOutput[] {
	const outputs = Array.isArray(task.outputs) ? (task.outputs as IDataObject[]) : [];
	return outputs
		.filter((output) => typeof output.url === 'string' && output.url !== '')
		.map((output) => ({
			name: String(output.name ?? 'output'),
			url: String(output.url),
			contentType: String(output.contenttype ?? 'application/octet-stream'),
			size: Number(output.size ?? 0),
		}));
}

/** What a model answered in text, and for an LLM the parts of its answer and its reasoning. */
export interface TextAnswer {
	text: string;
	answer?: string[];
	thinking?: string[];
}

/**
 * A succeeded task's text answer. An LLM leaves `outputs` entries with `contenttype: "raw"` and
 * `content: {prompt, raw, thinking[], answer[]}` (no URL); the answer parts are the text, the
 * parts themselves come along as `answer` and `thinking`. Otherwise, for a task without output
 * files, the debug output is the answer rather than a log (Wiro puts a text model's answer there).
 */
export function textAnswerOf(task: IDataObject): TextAnswer | undefined {
	if (!succeeded(task)) return undefined;
	const contents = rawContentsOf(task);
	const answer = contents.flatMap((content) => stringList(content.answer));
	if (contents.length > 0 && answer.length > 0) {
		return {
			text: answer.join('\n\n').trim(),
			answer,
			thinking: contents.flatMap((content) => stringList(content.thinking)),
		};
	}
	if (outputsOf(task).length > 0) return undefined;
	const text = String(task.debugoutput ?? '').trim();
	return text === '' ? undefined : { text };
}

function rawContentsOf(task: IDataObject): IDataObject[] {
	const outputs = Array.isArray(task.outputs) ? (task.outputs as IDataObject[]) : [];
	return outputs.flatMap((output) =>
		output.contenttype === 'raw' && isObject(output.content) ? [output.content] : [],
	);
}

function stringList(value: unknown): string[] {
	return Array.isArray(value)
		? value.filter((entry) => entry !== null && entry !== undefined).map(String)
		: [];
}

function isObject(value: unknown): value is IDataObject {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The output item of every operation that returns a task: the facts first, Wiro's raw task last. */
export function toTaskJson(task: IDataObject, fallback: TaskRef = {}): IDataObject {
	return { ...toToolJson(task, fallback), task };
}

/**
 * The facts about a task without Wiro's raw task: what an AI agent gets (status, URLs, the task's
 * ID and token, the text answer if any; never binary data).
 */
export function toToolJson(task: IDataObject, fallback: TaskRef = {}): IDataObject {
	const ref = refOf(task);
	const outputs = outputsOf(task);
	const owner = stringOrUndefined(task.modelslugowner);
	const project = stringOrUndefined(task.modelslugproject);
	const answer = textAnswerOf(task);
	return {
		taskId: ref.taskId ?? fallback.taskId,
		taskToken: ref.taskToken ?? fallback.taskToken,
		...(owner && project ? { model: `${owner}/${project}` } : {}),
		status: task.status,
		finished: isTerminal(task),
		succeeded: succeeded(task),
		outputUrls: outputs.map((output) => output.url),
		outputs,
		...(answer ?? {}),
		cost: numberOrUndefined(task.totalcost),
		elapsedSeconds: numberOrUndefined(task.elapsedseconds),
	};
}

function stringOrUndefined(value: unknown): string | undefined {
	return value === undefined || value === null || value === '' ? undefined : String(value);
}

function numberOrUndefined(value: unknown): number | undefined {
	const number = Number(value);
	return value === undefined || value === null || value === '' || !Number.isFinite(number)
		? undefined
		: number;
}
