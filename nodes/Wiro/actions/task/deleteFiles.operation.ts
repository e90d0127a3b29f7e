import { updateDisplayOptions, type IExecuteFunctions, type INodeExecutionData, type INodeProperties } from 'n8n-workflow';

import { refOf, taskFromAnswer, taskSelector } from '../../helpers/task';
import { wiroRequest } from '../../transport';
import { parseTaskRef, taskField } from '../common/taskField';

export const description: INodeProperties[] = updateDisplayOptions({ show: { resource: ['task'], operation: ['deleteFiles'] } }, [taskField]);

/** Task/InputOutputDelete takes the task token; given an ID, the token is looked up first. */
export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const ref = parseTaskRef(this.getNodeParameter('task', i) as string);
	if (!ref.taskToken) {
		const task = taskFromAnswer(await wiroRequest(this, 'Task/Detail', taskSelector(ref)));
		ref.taskToken = task ? refOf(task).taskToken : undefined;
	}
	await wiroRequest(this, 'Task/InputOutputDelete', { tasktoken: ref.taskToken });
	return [{ json: { ...ref, filesDeleted: true } }];
}
