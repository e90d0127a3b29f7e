import type { INodeProperties } from 'n8n-workflow';

import * as cancel from './cancel.operation';
import * as deleteFiles from './deleteFiles.operation';
import * as get from './get.operation';
import * as kill from './kill.operation';
import * as wait from './wait.operation';
import { operationField } from '../common/operationFields';

export { cancel, deleteFiles, get, kill, wait };

export const description: INodeProperties[] = [
	operationField(
		'task',
		{
			cancel: {
				name: 'Cancel',
				action: 'Cancel a queued task',
				description: 'Cancel a task that is still in the queue',
			},
			deleteFiles: {
				name: 'Delete Files',
				action: 'Delete the files of a task',
				description: "Delete a finished task's input and output files from Wiro",
			},
			get: {
				name: 'Get',
				action: 'Get a task',
				description: "Get a task's status, outputs and cost",
			},
			kill: {
				name: 'Kill',
				action: 'Kill a running task',
				description: 'Stop a task that is running',
			},
			wait: {
				name: 'Wait',
				action: 'Wait for a task',
				description: 'Wait until a task ends and return its video',
			},
		},
		'get',
	),
	...cancel.description,
	...deleteFiles.description,
	...get.description,
	...kill.description,
	...wait.description,
];
