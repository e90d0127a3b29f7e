import type { INodeProperties } from 'n8n-workflow';

import type { TaskRef } from '../../helpers/task';

export const taskField: INodeProperties = {
	displayName: 'Task ID or Token',
	name: 'task',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. 2221 or eDcCm5yyUfIvMFspTwww49OUfgXkQt',
	description: "The task's ID (digits) or token (socketaccesstoken), e.g. from a Generate run with Don't Wait",
};

/** Wiro task IDs are all digits; tokens are letters and digits. */
export function parseTaskRef(value: string): TaskRef {
	const trimmed = value.trim();
	return /^\d+$/.test(trimmed) ? { taskId: trimmed } : { taskToken: trimmed };
}
