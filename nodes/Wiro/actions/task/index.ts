import type { INodeProperties } from 'n8n-workflow';

import * as cancel from './cancel.operation';
import * as deleteFiles from './deleteFiles.operation';
import * as get from './get.operation';
import * as kill from './kill.operation';
import * as wait from './wait.operation';

export { cancel, deleteFiles, get, kill, wait };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['task'] } },
		options: [
			{ name: 'Cancel', value: 'cancel', action: 'Cancel a queued task', description: 'Cancel a task that is still in the queue' },
			{ name: 'Delete Files', value: 'deleteFiles', action: 'Delete the files of a task', description: "Delete a finished task's input and output files from Wiro" },
			{ name: 'Get', value: 'get', action: 'Get a task', description: "Get a task's status, outputs and cost" },
			{ name: 'Kill', value: 'kill', action: 'Kill a running task', description: 'Stop a task that is running' },
			{ name: 'Wait', value: 'wait', action: 'Wait for a task', description: 'Wait until a task ends and return its video' },
		],
		default: 'get',
	},
	...cancel.description,
	...deleteFiles.description,
	...get.description,
	...kill.description,
	...wait.description,
];
