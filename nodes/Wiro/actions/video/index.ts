import type { INodeProperties } from 'n8n-workflow';

import * as generate from './generate.operation';

export { generate };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['video'] } },
		options: [{ name: 'Generate', value: 'generate', action: 'Generate a video', description: 'Start a video generation and wait for the video' }],
		default: 'generate',
	},
	...generate.description,
];
