import { resumeWorkflow, runWebhook } from '../../../dev/workflow-runner';
import type { WiroServer } from '../../../dev/wiro-server';
import { CallbackReceiver, type ArrivedCallback } from '../callbackReceiver';
import { maximum, median, seconds } from '../numbers';
import {
	generateWorkflow,
	runGenerate,
	signatureCredentials,
	WIRO_NODE_NAME,
	type GenerateResult,
	type GenerateRun,
} from '../runWiroNode';
import { detailRequestsFor } from '../serverLog';
import { verdictOf, type Row } from '../table';
import { scriptedPrompt, withServer } from '../withServer';

const TASK_LENGTHS_S = [2, 6, 30];
const TASKS_PER_LENGTH = 3;

interface CallbackSample {
	/** Task/Detail calls about the task before its callback arrived. */
	detailsBefore: number;
	/** Task/Detail calls from the callback on (the node's webhook() confirms the task with one). */
	detailsAfter: number;
	/** Callback arrived −> resumed run returned the item (webhook() verification, download, resume). */
	afterCallbackMs: number;
	/** Server ended the task −> callback arrived. */
	callbackLatencyMs: number;
	succeeded: boolean;
}

/** What n8n does when the resume URL is called: run the node's webhook(), then resume the run with its output. */
async function resumeOnCallback(
	server: WiroServer,
	settings: GenerateRun,
	waiting: GenerateResult,
	callback: ArrivedCallback,
) {
	const workflow = generateWorkflow(server, settings);
	const webhook = await runWebhook({
		nodeTypes: workflow.nodeTypes,
		credentialTypes: workflow.credentialTypes,
		credentials: signatureCredentials(server),
		node: workflow.nodes[0],
		headers: { 'content-type': 'application/json' },
		rawBody: callback.rawBody,
		body: JSON.parse(callback.rawBody.toString()) as Record<string, unknown>,
		executionId: waiting.run.executionId,
		runExecutionData: waiting.run.runExecutionData.data,
		mode: waiting.run.runExecutionData.mode,
	});
	if (webhook.returned.workflowData === undefined) return undefined;
	return await resumeWorkflow(workflow, waiting.run, webhook.returned);
}

async function sampleOne(
	server: WiroServer,
	receiver: CallbackReceiver,
	durationMs: number,
): Promise<CallbackSample | undefined> {
	const settings: GenerateRun = {
		prompts: [scriptedPrompt('callback', durationMs)],
		waitMode: 'callback',
		options: { timeout: 600 },
		timeoutMs: 30_000,
		webhookWaitingBaseUrl: receiver.waitingBaseUrl,
	};
	const waiting = await runGenerate(server, settings);
	const token = String(waiting.items[0]?.json.taskToken ?? '');
	if (waiting.run.status !== 'waiting') return undefined;
	const callback = await receiver.next(waiting.run.executionId, durationMs + 30_000);
	const endedAt = server.taskEndedAt(token);
	if (callback === undefined || endedAt === undefined) return undefined;
	const detailsBefore = detailRequestsFor(server, token).filter(
		(request) => request.time < callback.arrivedAt,
	).length;
	const resumed = await resumeOnCallback(server, settings, waiting, callback);
	const returnedAt = Date.now();
	return {
		detailsBefore,
		detailsAfter: detailRequestsFor(server, token).length - detailsBefore,
		afterCallbackMs: returnedAt - callback.arrivedAt,
		callbackLatencyMs: callback.arrivedAt - endedAt,
		succeeded: resumed?.output(WIRO_NODE_NAME)[0]?.json.succeeded === true,
	};
}

export type CallbackFigures = Array<CallbackSample | undefined>;

/** Single-item runs that pause for Wiro's callback (2, 6 and 30 s tasks, three each, side by side). */
export async function measureCallbackWaiting(): Promise<CallbackFigures> {
	const receiver = new CallbackReceiver();
	await receiver.start();
	try {
		return await withServer(
			{},
			async (server) =>
				await Promise.all(
					TASK_LENGTHS_S.flatMap((lengthS) =>
						Array.from(
							{ length: TASKS_PER_LENGTH },
							async () => await sampleOne(server, receiver, lengthS * 1000),
						),
					),
				),
		);
	} finally {
		await receiver.stop();
	}
}

export function callbackRows(figures: CallbackFigures): Row[] {
	const found = figures.filter(
		(sample): sample is CallbackSample => sample !== undefined && sample.succeeded,
	);
	const before = found.map((sample) => sample.detailsBefore);
	const after = found.map((sample) => sample.afterCallbackMs);
	const latency = found.map((sample) => sample.callbackLatencyMs);
	return [
		{
			section: '3',
			measure: `Callback waiting: ${figures.length} single-item runs (2, 6, 30 s tasks) paused until Wiro calls back (${found.length}/${figures.length} resumed with the video)`,
			measured:
				`Detail calls before the callback: max ${maximum(before)}; after it: max ${maximum(found.map((sample) => sample.detailsAfter))} (verification); ` +
				`delay after the callback (webhook(), download, resume) median ${seconds(median(after), 3)}, max ${seconds(maximum(after), 3)}`,
			comparedWith: `polling (section 2); the callback reached n8n median ${seconds(median(latency), 3)} after the task ended`,
			target: '0 Detail calls before the callback',
			verdict: verdictOf(found.length === figures.length && before.every((count) => count === 0)),
		},
	];
}
