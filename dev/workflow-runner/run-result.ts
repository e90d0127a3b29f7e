import type {
	ExecutionError,
	ExecutionStatus,
	INodeExecutionData,
	IRun,
	ITaskData,
} from 'n8n-workflow';

export interface RunWorkflowResult {
	/** 'success' | 'error' | 'waiting' | 'canceled' (what n8n stores for the execution). */
	status: ExecutionStatus;
	executionId: string;
	/** The resume token n8n 2.x puts in `$execution.resumeUrl` as `?signature=`. */
	resumeToken: string;
	/** What `{{ $execution.resumeUrl }}` evaluated to in this run. */
	resumeUrl: string;
	/** Raw IRun from n8n-core (`runExecutionData.data.resultData.runData` etc.). */
	runExecutionData: IRun;
	/** Set when a node called `putExecutionToWait`. */
	waitTill?: Date;
	/** Execution-level error: a plain copy of the error (no prototype). */
	error?: ExecutionError;
	/** Whether `cancelAfterMs` fired before the run ended. */
	canceled: boolean;
	/** Every run of a node (one per run index). */
	runs(nodeName: string): ITaskData[];
	/** main[0] items of a node; last run unless runIndex is given. */
	output(nodeName: string, runIndex?: number): INodeExecutionData[];
	/** Error recorded for a node (last run unless runIndex is given). */
	nodeError(nodeName: string, runIndex?: number): ExecutionError | undefined;
}

export function buildResult(fields: {
	run: IRun;
	status: ExecutionStatus;
	executionId: string;
	resumeToken: string;
	resumeUrl: string;
	canceled: boolean;
}): RunWorkflowResult {
	const { run } = fields;
	const runs = (nodeName: string): ITaskData[] => run.data.resultData.runData[nodeName] ?? [];
	const task = (nodeName: string, runIndex?: number): ITaskData | undefined => {
		const all = runs(nodeName);
		return all[runIndex ?? all.length - 1];
	};
	const waitTill = run.waitTill ?? run.data.waitTill ?? undefined;
	return {
		status: fields.status,
		executionId: fields.executionId,
		resumeToken: fields.resumeToken,
		resumeUrl: fields.resumeUrl,
		runExecutionData: run,
		waitTill: waitTill ?? undefined,
		error: run.data.resultData.error,
		canceled: fields.canceled,
		runs,
		output: (nodeName, runIndex) => task(nodeName, runIndex)?.data?.main?.[0] ?? [],
		nodeError: (nodeName, runIndex) => task(nodeName, runIndex)?.error,
	};
}
