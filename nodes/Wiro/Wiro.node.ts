import {
	NodeConnectionTypes,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';

import { router } from './actions/router';
import * as task from './actions/task';
import * as video from './actions/video';

export class Wiro implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Wiro',
		name: 'wiro',
		icon: { light: 'file:wiro.svg', dark: 'file:wiro.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{ $parameter["resource"] === "video" ? "Generate: " + $parameter["model"] : "Task: " + $parameter["operation"] }}',
		description: 'Generate videos with Wiro AI models (PixVerse v5, LTX-Video) and manage Wiro tasks',
		defaults: { name: 'Wiro' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'wiroApi', required: true }],
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

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
