import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { taskFromAnswer, toTaskJson } from '../../helpers/task';
import { wiroRequest } from '../../transport';
import { readTaskRef, taskField } from '../common/taskField';
import { forOperation } from '../common/operationFields';
import { withTaskToken } from '../common/taskToken';

export const description: INodeProperties[] = forOperation('task', 'cancel', [taskField]);

/** Task/Cancel: only a task still in the queue can be cancelled; a running one needs Kill. */
export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const ref = await withTaskToken(this, readTaskRef(this, i), i);
	const task = taskFromAnswer(await wiroRequest(this, 'Task/Cancel', { tasktoken: ref.taskToken }));
	return [{ json: task ? toTaskJson(task, ref) : { ...ref, status: 'task_cancel' } }];
}
