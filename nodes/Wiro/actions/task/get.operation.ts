import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { taskFromAnswer, taskSelector, toTaskJson } from '../../helpers/task';
import { wiroRequest } from '../../transport';
import { readTaskRef, taskField } from '../common/taskField';
import { forOperation } from '../common/operationFields';

export const description: INodeProperties[] = forOperation('task', 'get', [taskField]);

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const ref = readTaskRef(this, i);
	const task = taskFromAnswer(await wiroRequest(this, 'Task/Detail', taskSelector(ref)));
	return [{ json: task ? toTaskJson(task, ref) : { ...ref, found: false } }];
}
