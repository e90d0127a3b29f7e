import { NodeOperationError, type IExecuteFunctions } from 'n8n-workflow';

import { refOf, taskFromAnswer, taskSelector, type TaskRef } from '../../helpers/task';
import { wiroRequest } from '../../transport';

export interface TokenRef extends TaskRef {
	taskToken: string;
}

/**
 * Cancel, Kill and Delete Files name the task by its token (Wiro's Tasks page), so a task given by
 * its ID alone is first looked up with Task/Detail.
 */
export async function withTaskToken(
	context: IExecuteFunctions,
	ref: TaskRef,
	itemIndex: number,
): Promise<TokenRef> {
	if (ref.taskToken) return { ...ref, taskToken: ref.taskToken };
	const task = taskFromAnswer(await wiroRequest(context, 'Task/Detail', taskSelector(ref)));
	const taskToken = task ? refOf(task).taskToken : undefined;
	if (!taskToken) {
		throw new NodeOperationError(
			context.getNode(),
			`Wiro returned no token for task ${ref.taskId ?? ''}`,
			{
				description:
					"Choose the task By Token instead: the token is the 'taskToken' of the run that started it",
				itemIndex,
			},
		);
	}
	return { taskId: ref.taskId, taskToken };
}
