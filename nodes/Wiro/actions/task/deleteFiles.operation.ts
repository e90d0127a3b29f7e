import { updateDisplayOptions, type IExecuteFunctions, type INodeExecutionData, type INodeProperties } from 'n8n-workflow';

import { wiroRequest } from '../../transport';
import { parseTaskRef, taskField } from '../common/taskField';
import { withTaskToken } from '../common/taskToken';

export const description: INodeProperties[] = updateDisplayOptions({ show: { resource: ['task'], operation: ['deleteFiles'] } }, [taskField]);

/** Task/InputOutputDelete: deletes a finished task's input and output files (idempotent). */
export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const ref = await withTaskToken(this, parseTaskRef(this.getNodeParameter('task', i) as string), i);
	await wiroRequest(this, 'Task/InputOutputDelete', { tasktoken: ref.taskToken });
	return [{ json: { ...ref, filesDeleted: true } }];
}
