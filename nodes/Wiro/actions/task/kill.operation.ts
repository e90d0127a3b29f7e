import { updateDisplayOptions, type IExecuteFunctions, type INodeExecutionData, type INodeProperties } from 'n8n-workflow';

import { taskFromAnswer, taskSelector, toTaskJson } from '../../helpers/task';
import { wiroRequest } from '../../transport';
import { parseTaskRef, taskField } from '../common/taskField';

export const description: INodeProperties[] = updateDisplayOptions({ show: { resource: ['task'], operation: ['kill'] } }, [taskField]);

/** Task/Kill: stops a running task; it ends as task_cancel. */
export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const ref = parseTaskRef(this.getNodeParameter('task', i) as string);
	const task = taskFromAnswer(await wiroRequest(this, 'Task/Kill', taskSelector(ref)));
	return [{ json: task ? toTaskJson(task, ref) : { ...ref, status: 'task_cancel' } }];
}
