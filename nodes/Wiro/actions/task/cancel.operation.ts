import { updateDisplayOptions, type IExecuteFunctions, type INodeExecutionData, type INodeProperties } from 'n8n-workflow';

import { taskFromAnswer, toTaskJson } from '../../helpers/task';
import { wiroRequest } from '../../transport';
import { parseTaskRef, taskField } from '../common/taskField';
import { withTaskToken } from '../common/taskToken';

export const description: INodeProperties[] = updateDisplayOptions({ show: { resource: ['task'], operation: ['cancel'] } }, [taskField]);

/** Task/Cancel: only a task still in the queue can be cancelled; a running one needs Kill. */
export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const ref = await withTaskToken(this, parseTaskRef(this.getNodeParameter('task', i) as string), i);
	const task = taskFromAnswer(await wiroRequest(this, 'Task/Cancel', { tasktoken: ref.taskToken }));
	return [{ json: task ? toTaskJson(task, ref) : { ...ref, status: 'task_cancel' } }];
}
