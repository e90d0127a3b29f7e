import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import type { TaskRef } from './task';

/** Whether an AI agent runs the node as a tool (n8n before 2.0 cannot tell, and has no tool runs of this kind). */
export function isToolRun(context: IExecuteFunctions): boolean {
	return typeof context.isToolExecution === 'function' && context.isToolExecution();
}

/** Whether this run can pause for Wiro's callback instead of polling. */
export function canPauseForCallback(context: IExecuteFunctions): boolean {
	// An AI agent needs its answer in the same run, and one resume URL serves one task.
	return !isToolRun(context) && context.getInputData().length === 1;
}

/** This execution's resume URL: Wiro's callback to it resumes the execution through the node's webhook(). */
export function resumeUrlOf(context: IExecuteFunctions, itemIndex: number): string {
	return String(context.evaluateExpression('{{ $execution.resumeUrl }}', itemIndex));
}

/**
 * Pauses the execution until Wiro calls back or the timeout passes. n8n resumes a timed-out wait
 * without running the node, passing its input item on unchanged; so the item is marked now with
 * the task and a timed-out status, which is what flows on if no callback ever comes (a callback
 * replaces the whole output with the verified task).
 */
export async function pauseForCallback(
	context: IExecuteFunctions,
	itemIndex: number,
	ref: TaskRef,
	details: { model?: string; timeoutMs: number; startedAt: number },
): Promise<INodeExecutionData[]> {
	const seconds = Math.round(details.timeoutMs / 1000);
	Object.assign(context.getInputData()[itemIndex].json, {
		...ref,
		...(details.model ? { model: details.model } : {}),
		status: 'callback_timeout',
		finished: false,
		succeeded: false,
		error: `Wiro did not call back within ${seconds} s; the task may still be running: use Task > Wait, Get or Kill with its ID or token`,
	});
	await context.putExecutionToWait(new Date(details.startedAt + details.timeoutMs));
	return [{ json: { ...ref, status: 'waiting_for_callback' } }];
}
