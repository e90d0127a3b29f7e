import { NodeApiError, NodeOperationError, type INode, type JsonObject } from 'n8n-workflow';

/** Wiro's error codes (Error Reference page). */
export const WIRO_CODE = {
	general: 0,
	notFound: 1,
	concurrencyLimit: 96,
	balance: 97,
	signIn: 98,
} as const;

/** What Wiro answered to one call: its HTTP status and body as received (neither when no answer came). */
export interface WiroResponse {
	endpoint: string;
	status?: number;
	body?: JsonObject;
}

/** A failed Wiro call described for a person: never holds request headers or credentials. */
export interface WiroFailure {
	message: string;
	description: string;
	/** Whether the same request may work if sent again (network trouble, 5xx, 429). */
	retryable: boolean;
	/** What Wiro answered; set for every failure of a Wiro call, absent for failures of the node's own. */
	response?: WiroResponse;
	httpCode?: string;
	/** Wiro's `errors[0].code` and `errors[0].message`. */
	wiroCode?: number;
	wiroMessage?: string;
	/** The parameter Wiro named, e.g. `prompt` in "Request parameter [prompt] required". */
	parameter?: string;
}

/** The failure of one Wiro call: always says what Wiro answered (or that nothing came back). */
export type WiroCallFailure = WiroFailure & { response: WiroResponse };

/** The task an error concerns, so that a task which was started is never lost. */
export interface ErrorTask {
	taskId?: string;
	taskToken?: string;
}

export interface WiroErrorOptions {
	itemIndex?: number;
	task?: ErrorTask;
}

/**
 * A Wiro API call that failed: built from Wiro's answer (kept as the error's `errorResponse`),
 * with Wiro's code and message readable as fields.
 */
export class WiroApiError extends NodeApiError {
	readonly wiro: WiroCallFailure;

	readonly task?: ErrorTask;

	constructor(node: INode, failure: WiroCallFailure, options: WiroErrorOptions = {}) {
		super(node, failure.response.body ?? {}, {
			message: failure.message + taskNote(options.task),
			description: failure.description,
			httpCode: failure.httpCode,
			itemIndex: options.itemIndex,
		});
		this.wiro = failure;
		this.task = options.task;
		// The context is what n8n saves with the execution: Wiro's words stay readable there.
		this.context.wiro = {
			endpoint: failure.response.endpoint,
			httpStatus: failure.response.status,
			code: failure.wiroCode,
			message: failure.wiroMessage,
		};
		recordTask(this, options.task);
	}

	get wiroCode(): number | undefined {
		return this.wiro.wiroCode;
	}

	get retryable(): boolean {
		return this.wiro.retryable;
	}

	/** The same answer told differently (e.g. in terms of the model or task it concerns). */
	rephrase(
		changes: Partial<Pick<WiroFailure, 'message' | 'description' | 'retryable'>>,
		options: WiroErrorOptions = {},
	): WiroApiError {
		return new WiroApiError(
			this.node,
			{ ...this.wiro, ...changes },
			{ task: this.task, ...options },
		);
	}
}

/**
 * A failure of the node's own around a task (timeout, stopped execution, failed or cancelled task,
 * download): names the task so the user can pick it up.
 */
export class WiroTaskError extends NodeOperationError {
	readonly task?: ErrorTask;

	constructor(
		node: INode,
		message: string,
		options: WiroErrorOptions & { description?: string } = {},
	) {
		super(node, message + taskNote(options.task), {
			description: options.description,
			itemIndex: options.itemIndex,
		});
		this.task = options.task;
		recordTask(this, options.task);
	}
}

const CREDENTIAL_HINT =
	'Check the API key and secret in the Wiro credential, and that its authentication mode (signature or API key only) matches the Wiro project';

export function describeNetworkFailure(endpoint: string, error: unknown): WiroCallFailure {
	const code = networkCode(error);
	const response = { endpoint };
	if (code === 'ERR_CANCELED') {
		return {
			response,
			message: `The request to Wiro (${endpoint}) was cancelled`,
			description: 'The execution was stopped',
			retryable: false,
		};
	}
	return {
		response,
		message: `Could not reach Wiro (${endpoint}): ${code ?? 'no answer'}`,
		description: "Check the network and the credential's Base URL; the request can be tried again",
		retryable: true,
	};
}

export function describeHttpFailure(
	endpoint: string,
	status: number,
	body: JsonObject | undefined,
): WiroCallFailure {
	const error = firstError(body);
	const base = {
		response: { endpoint, status, body },
		httpCode: String(status),
		wiroCode: error?.code,
		wiroMessage: error?.message,
	};
	if (status === 401 || status === 403) {
		return {
			...base,
			message: `Wiro refused the credentials: ${error?.message ?? `HTTP ${status}`}`,
			description: CREDENTIAL_HINT,
			retryable: false,
		};
	}
	if (status === 404) {
		return {
			...base,
			message: `Wiro has no endpoint ${endpoint}`,
			description:
				"Check the credential's Base URL: it should be https://api.wiro.ai/v1 or a compatible server ending in /v1",
			retryable: false,
		};
	}
	const busy = status === 429 || status >= 500;
	return {
		...base,
		message: `Wiro answered HTTP ${status} to ${endpoint}${error?.message ? `: ${error.message}` : ''}`,
		description: busy
			? 'Wiro is busy or having trouble; try again shortly'
			: 'Check the values sent to Wiro',
		retryable: busy,
	};
}

/** A 2xx answer with `result: false` (how Wiro reports every failure but authentication). */
export function describeWiroFailure(
	endpoint: string,
	status: number,
	body: JsonObject | undefined,
): WiroCallFailure {
	const error = firstError(body);
	const response = { endpoint, status, body };
	if (!error) {
		return {
			response,
			message: `Wiro sent an answer to ${endpoint} that could not be read`,
			description: 'Try again; if it persists, check the Base URL',
			retryable: true,
		};
	}
	const base = {
		response,
		wiroCode: error.code,
		wiroMessage: error.message,
		retryable: false,
		httpCode: String(status),
	};
	switch (error.code) {
		case WIRO_CODE.concurrencyLimit:
			return {
				...base,
				message: `Wiro's concurrent task limit is reached: ${error.message}`,
				description:
					"Wait for running tasks to end, lower the node's concurrency, or raise the Wiro balance",
			};
		case WIRO_CODE.balance:
			return {
				...base,
				message: 'The Wiro balance is too low to run this task',
				description: 'Top up the balance in the Wiro dashboard, then run again',
			};
		case WIRO_CODE.signIn:
			return {
				...base,
				message: `Wiro asks to sign in: ${error.message}`,
				description: CREDENTIAL_HINT,
			};
		case WIRO_CODE.notFound:
			return {
				...base,
				message: `Wiro: ${error.message}`,
				description: endpoint.startsWith('Run/')
					? 'Check the model: Wiro does not offer it to this project'
					: 'Check the task ID or token: Wiro has no such task in this project',
			};
		default: {
			const parameter = /\[([^\]]+)\]/.exec(error.message)?.[1];
			return {
				...base,
				parameter,
				message: parameter
					? `Wiro rejected the parameter '${parameter}': ${error.message}`
					: `Wiro rejected the request: ${error.message}`,
				description: parameter
					? `Fix the value of '${parameter}' and run again`
					: 'Check the values sent to Wiro',
			};
		}
	}
}

/** The task an error names, if any (for continueOnFail items). */
export function taskOfError(error: unknown): ErrorTask | undefined {
	return error instanceof WiroApiError || error instanceof WiroTaskError ? error.task : undefined;
}

function taskNote(task: ErrorTask | undefined): string {
	return task?.taskId || task?.taskToken
		? ` (task ${task.taskId ?? '?'}, token ${task.taskToken ?? '?'})`
		: '';
}

/** The task stays findable in what n8n saves with the execution. */
function recordTask(error: WiroApiError | WiroTaskError, task: ErrorTask | undefined): void {
	if (task) error.context.task = { ...task };
}

function firstError(body: JsonObject | undefined): { code?: number; message: string } | undefined {
	const errors = body?.errors;
	if (!Array.isArray(errors)) return undefined;
	const first = errors[0];
	if (!isJsonObject(first)) return undefined;
	const code = Number(first.code);
	return { code: Number.isFinite(code) ? code : undefined, message: String(first.message ?? '') };
}

export function isJsonObject(value: unknown): value is JsonObject {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function networkCode(error: unknown): string | undefined {
	let current: unknown = error;
	for (let depth = 0; depth < 4 && current instanceof Object; depth++) {
		const code: unknown = Reflect.get(current, 'code');
		if (typeof code === 'string' && /^[A-Z_]+$/.test(code)) return code;
		current = Reflect.get(current, 'cause');
	}
	return undefined;
}
