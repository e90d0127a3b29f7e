import { toExecutionResult, type ExecutionResult } from './execution-result';
import { isJsonObject, stringField, type JsonObject } from './json-guards';
import { httpRequest } from './rest-client';

export interface ListExecutionsQuery {
	workflowId?: string | undefined;
	/** Include each execution's run data (`result`). */
	includeData?: boolean | undefined;
	status?: 'canceled' | 'error' | 'running' | 'success' | 'waiting' | undefined;
	limit?: number | undefined;
}

/** One entry of GET /api/v1/executions. */
export interface PublicExecution {
	id: string;
	status: string;
	workflowId: string;
	mode: string;
	finished: boolean;
	startedAt?: string | undefined;
	stoppedAt?: string | undefined;
	/** Present when listed with includeData. */
	result?: ExecutionResult | undefined;
	raw: JsonObject;
}

function toPublicExecution(entry: JsonObject): PublicExecution {
	const id = entry['id'];
	return {
		id: typeof id === 'number' ? String(id) : (stringField(entry, 'id') ?? ''),
		status: stringField(entry, 'status') ?? 'unknown',
		workflowId: stringField(entry, 'workflowId') ?? '',
		mode: stringField(entry, 'mode') ?? '',
		finished: entry['finished'] === true,
		startedAt: stringField(entry, 'startedAt'),
		stoppedAt: stringField(entry, 'stoppedAt'),
		result: toExecutionResult(entry),
		raw: entry,
	};
}

/** GET /api/v1/executions with X-N8N-API-KEY; newest first. */
export async function listExecutions(
	baseUrl: string,
	apiKey: string,
	query: ListExecutionsQuery = {},
): Promise<PublicExecution[]> {
	const url = new URL('api/v1/executions', baseUrl);
	if (query.workflowId) url.searchParams.set('workflowId', query.workflowId);
	if (query.includeData) url.searchParams.set('includeData', 'true');
	if (query.status) url.searchParams.set('status', query.status);
	url.searchParams.set('limit', String(query.limit ?? 100));
	const response = await httpRequest(url.href, { headers: { 'X-N8N-API-KEY': apiKey } });
	const data = isJsonObject(response.body) ? response.body['data'] : undefined;
	if (response.status !== 200 || !Array.isArray(data)) {
		throw new Error(
			`GET ${url.pathname} failed with HTTP ${response.status}: ${response.text.slice(0, 500)}`,
		);
	}
	return data.filter(isJsonObject).map(toPublicExecution);
}
