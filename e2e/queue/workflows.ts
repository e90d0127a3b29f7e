import type { WorkflowToImport } from '../../dev/n8n';
import {
	copyWorkflow,
	feedPrompts,
	loadExample,
	patchNode,
	pointAtN8n,
	startWithWebhook,
} from '../../dev/n8n/wiro';

/** The examples' own trigger workflow: Wiro's callback to its production URL starts it. */
export const TRIGGER_WORKFLOW_ID = 'WiroExTrigger001';
export const TRIGGER_WEBHOOK_PATH = '3f6b2a8e-9c1d-4e57-b0a4-2d7c9e815f30/webhook';

export const BATCH = {
	id: 'QueueBatchWflw01',
	path: 'queue-batch',
	node: 'Generate LTX Videos',
} as const;
export const PAUSE = {
	id: 'QueuePauseWflw01',
	path: 'queue-pause',
	node: 'Generate and Pause',
} as const;
export const STARTER = {
	id: 'QueueTrigStart01',
	path: 'queue-trigger-start',
	node: 'Start Video Task',
} as const;

export const BATCH_PROMPTS = [
	'A lighthouse in a storm #duration=3000',
	'A hummingbird over a red flower #duration=2500',
	'Clouds over snowy mountains #duration=3500',
	'A paper boat in the rain #duration=2000',
];

/**
 * Test variants of the examples, each started by a Webhook node (so by the
 * webhook process, and run on a worker) instead of the Manual Trigger; the
 * starter's Callback URL points at the webhook process.
 */
export function queueWorkflows(webhookBaseUrl: string): WorkflowToImport[] {
	const batch = startWithWebhook(
		feedPrompts(
			copyWorkflow(loadExample('ltxBatch'), BATCH.id, 'Queue: LTX batch on a worker'),
			BATCH_PROMPTS,
			BATCH.node,
		),
		BATCH.path,
	);
	// Long enough that the execution is waiting before Wiro calls back.
	const pause = patchNode(
		startWithWebhook(
			copyWorkflow(loadExample('pauseForCallback'), PAUSE.id, 'Queue: pause until Wiro calls back'),
			PAUSE.path,
		),
		PAUSE.node,
		{
			prompt: 'A koi pond in the rain, top-down view #duration=6000',
		},
	);
	const starter = startWithWebhook(
		copyWorkflow(
			loadExample('startWithCallbackUrl'),
			STARTER.id,
			'Queue: start a task that calls the trigger',
		),
		STARTER.path,
	);
	return [batch, pause, starter, loadExample('trigger')].map((workflow) =>
		pointAtN8n(workflow, webhookBaseUrl),
	);
}

export const PUBLISHED = [BATCH.id, PAUSE.id, STARTER.id, TRIGGER_WORKFLOW_ID];
