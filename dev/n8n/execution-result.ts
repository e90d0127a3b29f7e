import {
	isJsonObject,
	objectField,
	parseJsonOrUndefined,
	stringField,
	type JsonObject,
} from './json-guards';

/** One item a node produced, as n8n stores it. */
export interface NodeOutputItem {
	json: JsonObject;
	binary?: Record<string, JsonObject>;
	pairedItem?: unknown;
}

/** One run of one node (a node runs more than once in loops). */
export interface NodeRun {
	startTime?: number;
	executionTime?: number;
	executionStatus?: string;
	/** Output items per connection type and output index. */
	data?: { main?: Array<NodeOutputItem[] | null> };
	error?: JsonObject;
}

export type RunData = Record<string, NodeRun[]>;

export interface ExecutionResult {
	/** n8n's execution status: 'success', 'error', 'waiting', 'canceled', … */
	status: string;
	runData: RunData;
	lastNodeExecuted?: string | undefined;
	/** resultData.error: message, description, node, … */
	error?: JsonObject | undefined;
	/** The whole execution object, for anything not mapped above. */
	raw: JsonObject;
}

function isRunData(value: unknown): value is RunData {
	return (
		isJsonObject(value) &&
		Object.values(value).every((runs) => Array.isArray(runs) && runs.every(isJsonObject))
	);
}

/**
 * Reads an execution object ({status, data: {resultData}}) as the CLI prints
 * it and as the public API returns it with includeData=true.
 */
export function toExecutionResult(execution: JsonObject): ExecutionResult | undefined {
	const resultData = objectField(objectField(execution, 'data') ?? {}, 'resultData');
	if (!resultData) return undefined;
	const runData = resultData['runData'];
	const error = objectField(resultData, 'error');
	return {
		status: stringField(execution, 'status') ?? (error ? 'error' : 'unknown'),
		runData: isRunData(runData) ? runData : {},
		lastNodeExecuted: stringField(resultData, 'lastNodeExecuted'),
		error,
		raw: execution,
	};
}

/**
 * Finds the execution in the output of `n8n execute` run with
 * N8N_LOG_FORMAT=json: each line is `{level, message, …}` and the execution is
 * the message that parses as one. On failure n8n logs it before the error,
 * so the last such line wins.
 */
export function parseExecuteOutput(output: string): ExecutionResult | undefined {
	const lines = output.split('\n');
	for (let index = lines.length - 1; index >= 0; index--) {
		const line = lines[index]?.trim() ?? '';
		if (!line.startsWith('{')) continue;
		const logLine = parseJsonOrUndefined(line);
		const message = isJsonObject(logLine) ? stringField(logLine, 'message') : undefined;
		const execution = message?.trimStart().startsWith('{')
			? parseJsonOrUndefined(message)
			: logLine;
		if (!isJsonObject(execution)) continue;
		const result = toExecutionResult(execution);
		if (result) return result;
	}
	return undefined;
}

/** The JSON of the items a node output on one of its outputs. */
export function nodeOutputJson(
	result: ExecutionResult,
	nodeName: string,
	runIndex = 0,
	outputIndex = 0,
): JsonObject[] {
	const items = result.runData[nodeName]?.[runIndex]?.data?.main?.[outputIndex] ?? [];
	return items.map((item) => item.json);
}
