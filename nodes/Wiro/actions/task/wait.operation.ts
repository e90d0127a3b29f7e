import { updateDisplayOptions, type IExecuteFunctions, type INodeExecutionData, type INodeProperties } from 'n8n-workflow';

import type { Batch } from '../../helpers/batch';
import { taskResult } from '../../helpers/taskResult';
import { waitForTask } from '../../helpers/waitForTask';
import { readWaitOptions } from '../../helpers/waitOptions';
import { parseTaskRef, taskField } from '../common/taskField';
import { waitOptionsField } from '../common/waitFields';

export const description: INodeProperties[] = updateDisplayOptions({ show: { resource: ['task'], operation: ['wait'] } }, [
	taskField,
	waitOptionsField(false),
]);

/** Waits for a task started elsewhere (e.g. Generate with Don't Wait), exactly as Generate waits. */
export async function execute(this: IExecuteFunctions, i: number, batch: Batch): Promise<INodeExecutionData[]> {
	const ref = parseTaskRef(this.getNodeParameter('task', i) as string);
	const options = readWaitOptions(this, i);
	const task = await waitForTask(this, ref, options, batch, Date.now());
	return [await taskResult(this, task, { enabled: options.download, binaryPropertyName: options.binaryPropertyName })];
}
