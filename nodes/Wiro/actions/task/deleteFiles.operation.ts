import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { wiroRequest } from '../../transport';
import { readTaskRef, taskField } from '../common/taskField';
import { forOperation } from '../common/operationFields';
import { withTaskToken } from '../common/taskToken';

export const description: INodeProperties[] = forOperation('task', 'deleteFiles', [taskField]);

/** Task/InputOutputDelete: deletes a finished task's input and output files (idempotent). */
export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const ref = await withTaskToken(this, readTaskRef(this, i), i);
	await wiroRequest(this, 'Task/InputOutputDelete', { tasktoken: ref.taskToken });
	return [{ json: { ...ref, filesDeleted: true } }];
}
