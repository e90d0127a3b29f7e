import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { WiroTaskError } from '../transport';
import { canRecordAwaitedTask, recordAwaitedTask } from './awaitedTask';
import type { TaskRef } from './task';

/** Whether an AI agent runs the node as a tool (n8n before 2.0 cannot tell, and has no tool runs of this kind). */
export function isToolRun(context: IExecuteFunctions): boolean {
	return typeof context.isToolExecution === 'function' && context.isToolExecution();
}

/** Why this run polls instead of pausing for Wiro's callback, or undefined when it can pause. */
export function whyNotPause(context: IExecuteFunctions): string | undefined {
	// An AI agent needs its answer in the same run.
	if (isToolRun(context))
		return 'Run as an AI tool, so the task was waited for in real time instead of pausing for its callback';
	// One resume URL serves one task.
	if (context.getInputData().length !== 1)
		return 'Pausing for a callback serves one item per run; these items were waited for in real time instead';
	if (!canRecordAwaitedTask(context)) {
		return "This execution's custom data is full (n8n keeps 10 entries), so the task could not be bound to its callback and was waited for in real time instead";
	}
	return undefined;
}

/** Whether this run can pause for Wiro's callback instead of polling. */
export function canPauseForCallback(context: IExecuteFunctions): boolean {
	return whyNotPause(context) === undefined;
}

/** This execution's resume URL: Wiro's callback to it resumes the execution through the node's webhook(). */
export function resumeUrlOf(context: IExecuteFunctions, itemIndex: number): string {
	return String(context.evaluateExpression('{{ $execution.resumeUrl }}', itemIndex));
}

/**
 * Pauses the execution until Wiro calls back about this task or the timeout passes. The task is
 * recorded in the execution's custom data, where the webhook() checks every callback against it.
 * Nothing the node received is changed: what n8n passes on after a timeout is set up here as a
 * new item (see passOnAfterTimeout).
 */
export async function pauseForCallback(
	context: IExecuteFunctions,
	itemIndex: number,
	ref: TaskRef,
	details: { model?: string; timeoutMs: number; startedAt: number },
): Promise<INodeExecutionData[]> {
	if (!recordAwaitedTask(context, ref)) {
		throw new WiroTaskError(
			context.getNode(),
			'The task could not be recorded in the execution, so its callback could not be recognised',
			{
				description:
					"The task goes on at Wiro: pick it up with Task > Wait and this task's ID or token",
				task: ref,
			},
		);
	}
	const model = details.model ? { model: details.model } : {};
	const seconds = Math.round(details.timeoutMs / 1000);
	passOnAfterTimeout(context, {
		json: {
			...ref,
			...model,
			status: 'callback_timeout',
			finished: false,
			succeeded: false,
			waitedBy: 'callback',
			error: `Wiro did not call back within ${seconds} s; the task may still be running: use Task > Wait, Get or Kill with its ID or token`,
		},
		pairedItem: { item: itemIndex },
	});
	await context.putExecutionToWait(new Date(details.startedAt + details.timeoutMs));
	return [{ json: { ...ref, ...model, status: 'waiting_for_callback' } }];
}

/**
 * At the timeout n8n resumes the execution without running the node: the node's entry on the
 * execution stack is passed on as it is, and that entry holds the items the upstream node
 * produced. The entry's data is replaced by a new object holding the timed-out item (as n8n does
 * with the webhook's result when the resume URL is called), so the upstream node's items are
 * never touched and what flows on names the task and says that it timed out.
 */
function passOnAfterTimeout(context: IExecuteFunctions, item: INodeExecutionData): void {
	context.getExecuteData().data = { main: [[item]] };
}
