import {
	updateDisplayOptions,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeProperties,
} from 'n8n-workflow';

import type { Batch } from '../../helpers/batch';
import {
	isToolRun,
	pauseForCallback,
	resumeUrlOf,
	whyNotPause,
} from '../../helpers/pauseForCallback';
import { startTask } from '../../helpers/startTask';
import { toToolJson } from '../../helpers/task';
import { taskResult } from '../../helpers/taskResult';
import { waitForTask } from '../../helpers/waitForTask';
import { readWaitOptions } from '../../helpers/waitOptions';
import { modelProperties, models } from '../../models';
import { withBodyField } from '../../transport';
import { generateOptionsField, generateWaitModeField } from '../common/waitFields';
import { OTHER_MODEL, otherModelFields, otherModelOption } from './otherModelFields';
import { runRequest } from './runRequest';

const modelField: INodeProperties = {
	displayName: 'Model',
	name: 'model',
	type: 'options',
	options: [
		...models.map((model) => ({
			name: model.displayName,
			value: model.slug,
			description: model.description,
		})),
		otherModelOption,
	],
	default: 'PixVerse/text-to-video-v5',
	noDataExpression: true,
	description: 'The Wiro model that generates the video',
};

const scope = { show: { resource: ['video'], operation: ['generate'] } };

export const description: INodeProperties[] = [
	...updateDisplayOptions(scope, [modelField]),
	...modelProperties(scope.show),
	...updateDisplayOptions({ show: { ...scope.show, model: [OTHER_MODEL] } }, otherModelFields),
	...updateDisplayOptions(scope, [generateWaitModeField, generateOptionsField]),
];

export async function execute(
	this: IExecuteFunctions,
	i: number,
	batch: Batch,
): Promise<INodeExecutionData[]> {
	const run = await runRequest(this, i);
	const options = readWaitOptions(this, i);
	const waitMode = String(this.getNodeParameter('waitMode', i));
	const asTool = isToolRun(this);
	const notPausing = waitMode === 'callback' ? whyNotPause(this) : undefined;
	const pause = waitMode === 'callback' && notPausing === undefined;
	const callbackUrl = pause ? resumeUrlOf(this, i) : options.callbackUrl;
	const body = callbackUrl ? withBodyField(run.body, 'callbackUrl', callbackUrl) : run.body;
	const startedAt = Date.now();
	const ref = await startTask(this, run.slug, body, batch, startedAt + options.timeoutMs);

	if (pause || waitMode === 'none') {
		batch.slots.release();
		if (pause)
			return await pauseForCallback(this, i, ref, {
				model: run.slug,
				timeoutMs: options.timeoutMs,
				startedAt,
			});
		return [
			{
				json: { ...ref, model: run.slug, status: 'task_queue', finished: false, succeeded: false },
			},
		];
	}
	if (notPausing !== undefined && i === 0)
		this.addExecutionHints({ message: notPausing, location: 'outputPane' });
	let task;
	try {
		task = await waitForTask(this, ref, options, batch, startedAt);
	} finally {
		batch.slots.release();
	}
	// An agent gets the facts and the URLs; files would only be dropped by n8n's tool wrapper.
	if (asTool) return [{ json: toToolJson(task) }];
	return [
		await taskResult(this, task, {
			enabled: options.download,
			binaryPropertyName: options.binaryPropertyName,
		}),
	];
}
