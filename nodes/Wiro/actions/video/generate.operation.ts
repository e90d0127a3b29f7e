import {
	NodeOperationError,
	updateDisplayOptions,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeProperties,
} from 'n8n-workflow';

import type { Batch } from '../../helpers/batch';
import { canPauseForCallback, pauseForCallback, resumeUrlOf } from '../../helpers/pauseForCallback';
import { startTask } from '../../helpers/startTask';
import { taskResult } from '../../helpers/taskResult';
import { waitForTask } from '../../helpers/waitForTask';
import { readWaitOptions } from '../../helpers/waitOptions';
import { findModel, modelProperties, models } from '../../models';
import { toRunBody } from '../../models/toRunBody';
import { waitModeField, waitOptionsField } from '../common/waitFields';

const modelField: INodeProperties = {
	displayName: 'Model',
	name: 'model',
	type: 'options',
	options: models.map((model) => ({ name: model.displayName, value: model.slug, description: model.description })),
	default: 'PixVerse/text-to-video-v5',
	description: 'The Wiro model that generates the video',
};

const scope = { show: { resource: ['video'], operation: ['generate'] } };

export const description: INodeProperties[] = [
	...updateDisplayOptions(scope, [modelField]),
	...modelProperties('video', 'generate'),
	...updateDisplayOptions(scope, [waitModeField(true), waitOptionsField(true)]),
];

export async function execute(this: IExecuteFunctions, i: number, batch: Batch): Promise<INodeExecutionData[]> {
	const slug = this.getNodeParameter('model', i) as string;
	const model = findModel(slug);
	if (!model) {
		throw new NodeOperationError(this.getNode(), `Unknown model '${slug}'`, {
			description: `Choose one of: ${models.map((known) => known.slug).join(', ')}`,
			itemIndex: i,
		});
	}
	const built = toRunBody(model, (name) => this.getNodeParameter(name, i));
	if ('problem' in built) {
		throw new NodeOperationError(this.getNode(), built.problem.message, { description: built.problem.description, itemIndex: i });
	}
	const options = readWaitOptions(this, i);
	const waitMode = this.getNodeParameter('waitMode', i) as string;
	const pause = waitMode === 'callback' && canPauseForCallback(this);
	const callbackUrl = pause ? resumeUrlOf(this, i) : options.callbackUrl;
	const body = callbackUrl ? { ...built.body, callbackUrl } : built.body;
	const startedAt = Date.now();
	const ref = await startTask(this, model.slug, body, batch, startedAt + options.timeoutMs);

	if (pause || waitMode === 'none') {
		batch.slots.release();
		if (pause) return await pauseForCallback(this, i, ref, { model: model.slug, timeoutMs: options.timeoutMs, startedAt });
		return [{ json: { ...ref, model: model.slug, status: 'task_queue', finished: false, succeeded: false } }];
	}
	if (waitMode === 'callback' && i === 0) {
		this.addExecutionHints({
			message: this.isToolExecution()
				? 'Run as an AI tool, so the task was polled instead of pausing for its callback'
				: 'Pausing for a callback serves one item per run; these items were polled instead',
			location: 'outputPane',
		});
	}
	let task;
	try {
		task = await waitForTask(this, ref, options, batch, startedAt);
	} finally {
		batch.slots.release();
	}
	return [await taskResult(this, task, { enabled: options.download, binaryPropertyName: options.binaryPropertyName })];
}
