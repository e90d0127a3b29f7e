import {
	NodeConnectionTypes,
	type IExecuteFunctions,
	type IWebhookDescription,
	type IWebhookFunctions,
	type IWebhookResponseData,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';

import { router } from './actions/router';
import { WIRO_ICON } from './wiroIcon';
import { methods } from './methods';
import { resumeFromCallback } from './helpers/resumeFromCallback';
import * as task from './actions/task';
import * as video from './actions/video';

/**
 * Receives Wiro's callback on this execution's resume URL when Wait for Result is "Pause Until Wiro
 * Calls Back". A restart webhook lives only while an execution waits: n8n never registers it on
 * activation, so the node needs no webhookMethods (as n8n's Wait and send-and-wait nodes).
 */
const resumeWebhooks: IWebhookDescription[] = [
	{
		name: 'default',
		httpMethod: 'POST',
		responseMode: 'onReceived',
		path: '',
		restartWebhook: true,
		isFullPath: true,
	},
];

export class Wiro implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Wiro',
		name: 'wiro',
		icon: WIRO_ICON,
		group: ['transform'],
		version: 1,
		subtitle:
			'={{ $parameter["resource"] === "video" ? "Generate: " + ($parameter["model"] === "other" ? (($parameter["otherModel"] || {}).value || "other model") : $parameter["model"]) : "Task: " + $parameter["operation"] }}',
		description:
			'Generate videos with Wiro AI models (PixVerse v5, LTX-Video or any other Wiro model) and manage Wiro tasks',
		defaults: { name: 'Wiro' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'wiroApi', required: true }],
		webhooks: resumeWebhooks,
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'Video', value: 'video' },
					{ name: 'Task', value: 'task' },
				],
				default: 'video',
			},
			...video.description,
			...task.description,
		],
	};

	methods = methods;

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		return await resumeFromCallback.call(this);
	}
}
