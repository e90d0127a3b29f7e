import type { IExecuteFunctions, IWebhookFunctions } from 'n8n-workflow';

import type { TaskRef } from './task';

/**
 * A paused execution records the task it waits for in its custom data: n8n saves it with the
 * waiting execution, hands it to the node's webhook() when the resume URL is called, and shows it
 * (filterable) in the executions list, so the task can be found even if the wait times out.
 */
const TASK_ID_KEY = 'wiroTaskId';
const TASK_TOKEN_KEY = 'wiroTaskToken';
/** n8n keeps at most this many custom data entries per execution and silently drops new ones. */
const CUSTOM_DATA_LIMIT = 10;

/** Whether this execution's custom data has room for the awaited task. */
export function canRecordAwaitedTask(context: IExecuteFunctions): boolean {
	const recorded = context.customData.getAll();
	const added = [TASK_ID_KEY, TASK_TOKEN_KEY].filter((key) => !(key in recorded)).length;
	return Object.keys(recorded).length + added <= CUSTOM_DATA_LIMIT;
}

/** Records the task; both keys are always written, so a previous pause's task never lingers. Returns whether it stuck. */
export function recordAwaitedTask(context: IExecuteFunctions, ref: TaskRef): boolean {
	context.customData.setAll({
		[TASK_ID_KEY]: ref.taskId ?? '',
		[TASK_TOKEN_KEY]: ref.taskToken ?? '',
	});
	const recorded = awaitedTask(context);
	return (
		recorded !== undefined && recorded.taskId === ref.taskId && recorded.taskToken === ref.taskToken
	);
}

/** The task this execution paused for, or undefined when none was recorded. */
export function awaitedTask(context: IExecuteFunctions | IWebhookFunctions): TaskRef | undefined {
	let recorded: Record<string, string>;
	try {
		recorded = context.customData.getAll();
	} catch {
		// No execution data: not a resume of a paused execution.
		return undefined;
	}
	const taskId = recorded[TASK_ID_KEY] || undefined;
	const taskToken = recorded[TASK_TOKEN_KEY] || undefined;
	return taskId || taskToken ? { taskId, taskToken } : undefined;
}

/**
 * Whether two descriptions of a task agree: every field both name is equal, and they share at
 * least one (an ID and a token alone cannot be compared).
 */
export function sameTask(a: TaskRef, b: TaskRef): boolean {
	const fields = (['taskId', 'taskToken'] as const).filter(
		(field) => a[field] !== undefined && b[field] !== undefined,
	);
	return fields.length > 0 && fields.every((field) => a[field] === b[field]);
}
