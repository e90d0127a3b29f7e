import { NodeApiError, type IDataObject, type INode, type JsonObject } from 'n8n-workflow';

/** Wiro's error codes (Error Reference page). */
export const WIRO_CODE = { general: 0, notFound: 1, concurrencyLimit: 96, balance: 97, signIn: 98 } as const;

/** A failed Wiro call described for a person: never holds request headers or credentials. */
export interface WiroFailure {
	message: string;
	description: string;
	/** Whether the same request may work if sent again (network trouble, 5xx, 429). */
	retryable: boolean;
	httpCode?: string;
	wiroCode?: number;
	/** The parameter Wiro named, e.g. `prompt` in "Request parameter [prompt] required". */
	parameter?: string;
}

const CREDENTIAL_HINT =
	'Check the API key and secret in the Wiro credential, and that its authentication mode (signature or API key only) matches the Wiro project';

export function describeNetworkFailure(endpoint: string, error: unknown): WiroFailure {
	const code = networkCode(error);
	if (code === 'ERR_CANCELED') {
		return { message: `The request to Wiro (${endpoint}) was cancelled`, description: 'The execution was stopped', retryable: false };
	}
	return {
		message: `Could not reach Wiro (${endpoint}): ${code ?? 'no answer'}`,
		description: "Check the network and the credential's Base URL; the request can be tried again",
		retryable: true,
	};
}

export function describeHttpFailure(endpoint: string, status: number, answer: IDataObject | undefined): WiroFailure {
	const wiroMessage = firstError(answer)?.message;
	const httpCode = String(status);
	if (status === 401 || status === 403) {
		return { message: `Wiro refused the credentials: ${wiroMessage ?? `HTTP ${status}`}`, description: CREDENTIAL_HINT, retryable: false, httpCode };
	}
	if (status === 404) {
		return {
			message: `Wiro has no endpoint ${endpoint}`,
			description: "Check the credential's Base URL: it should be https://api.wiro.ai/v1 or a compatible server ending in /v1",
			retryable: false,
			httpCode,
		};
	}
	return {
		message: `Wiro answered HTTP ${status} to ${endpoint}${wiroMessage ? `: ${wiroMessage}` : ''}`,
		description: status === 429 || status >= 500 ? 'Wiro is busy or having trouble; try again shortly' : 'Check the values sent to Wiro',
		retryable: status === 429 || status >= 500,
		httpCode,
	};
}

export function describeWiroFailure(endpoint: string, answer: IDataObject | undefined): WiroFailure {
	const error = firstError(answer);
	if (!error) {
		return { message: `Wiro sent an answer to ${endpoint} that could not be read`, description: 'Try again; if it persists, check the Base URL', retryable: true };
	}
	const wiroCode = error.code;
	const base = { wiroCode, retryable: false, httpCode: '200' };
	switch (wiroCode) {
		case WIRO_CODE.concurrencyLimit:
			return { ...base, message: `Wiro's concurrent task limit is reached: ${error.message}`, description: 'Wait for running tasks to end, lower the node\'s concurrency, or raise the Wiro balance' };
		case WIRO_CODE.balance:
			return { ...base, message: 'The Wiro balance is too low to run this task', description: 'Top up the balance in the Wiro dashboard, then run again' };
		case WIRO_CODE.signIn:
			return { ...base, message: `Wiro asks to sign in: ${error.message}`, description: CREDENTIAL_HINT };
		case WIRO_CODE.notFound:
			return { ...base, message: `Wiro: ${error.message}`, description: endpoint.startsWith('Run/') ? 'Check the model: Wiro does not offer it to this project' : 'Check the task ID or token: Wiro has no such task in this project' };
		default: {
			const parameter = /\[([^\]]+)\]/.exec(error.message)?.[1];
			return {
				...base,
				parameter,
				message: parameter ? `Wiro rejected the parameter '${parameter}': ${error.message}` : `Wiro rejected the request: ${error.message}`,
				description: parameter ? `Fix the value of '${parameter}' and run again` : 'Check the values sent to Wiro',
			};
		}
	}
}

/** Wraps a failure as the error n8n shows, with the task it concerns so nothing started is lost. */
export function toNodeError(
	node: INode,
	failure: WiroFailure,
	extra: { itemIndex?: number; task?: { taskId?: string; taskToken?: string } } = {},
): NodeApiError {
	const taskNote = extra.task?.taskId || extra.task?.taskToken ? ` (task ${extra.task.taskId ?? '?'}, token ${extra.task.taskToken ?? '?'})` : '';
	const error = new NodeApiError(node, { message: failure.message } as JsonObject, {
		message: failure.message + taskNote,
		description: failure.description,
		httpCode: failure.httpCode,
		itemIndex: extra.itemIndex,
	});
	error.context.wiro = { ...failure } as unknown as IDataObject;
	if (extra.task) error.context.task = extra.task;
	return error;
}

/** The failure behind an error raised by wiroRequest, if it was one. */
export function describeFailure(error: unknown): WiroFailure | undefined {
	if (!(error instanceof NodeApiError)) return undefined;
	return error.context.wiro as unknown as WiroFailure | undefined;
}

export function isRetryable(error: unknown): boolean {
	return describeFailure(error)?.retryable === true;
}

function firstError(answer: IDataObject | undefined): { code?: number; message: string } | undefined {
	const errors = answer?.errors;
	if (!Array.isArray(errors) || errors.length === 0) return undefined;
	const first = errors[0] as IDataObject;
	const code = Number(first.code);
	return { code: Number.isFinite(code) ? code : undefined, message: String(first.message ?? '') };
}

function networkCode(error: unknown): string | undefined {
	let current: unknown = error;
	for (let depth = 0; depth < 4 && typeof current === 'object' && current !== null; depth++) {
		const { code, cause } = current as { code?: unknown; cause?: unknown };
		if (typeof code === 'string' && /^[A-Z_]+$/.test(code)) return code;
		current = cause;
	}
	return undefined;
}
