import type { INodeProperties } from 'n8n-workflow';

import * as generate from './generate.operation';
import { operationField } from '../common/operationFields';

export { generate };

export const description: INodeProperties[] = [
	operationField(
		'video',
		{
			generate: {
				name: 'Generate',
				action: 'Generate a video',
				description: 'Start a video generation and wait for the video',
			},
		},
		'generate',
	),
	...generate.description,
];
