import type {
	IDataObject,
	IExecuteFunctions,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	IN8nHttpFullResponse,
	IWebhookFunctions,
	JsonObject,
} from 'n8n-workflow';

import { WIRO_DEFAULT_BASE_URL } from '../../../credentials/WiroApi.credentials';
import {
	describeHttpFailure,
	describeNetworkFailure,
	describeWiroFailure,
	isJsonObject,
	WiroApiError,
} from './errors';
import { MultipartBody, type WiroRequestBody } from './multipart';

export type WiroContext = IExecuteFunctions | IWebhookFunctions | ILoadOptionsFunctions;

export const WIRO_CREDENTIAL = 'wiroApi';
const REQUEST_TIMEOUT_MS = 60_000;

/** The answer of a Wiro call that worked: `result` was not false. */
export type WiroAnswer = IDataObject;

export interface WiroRequestOptions {
	/** Send even after the user stopped the execution (to kill a task nobody will wait for). */
	ignoreCancel?: boolean;
}

/** The credential's Base URL without a trailing slash. */
export async function wiroBaseUrl(context: WiroContext): Promise<string> {
	const credentials = await context.getCredentials(WIRO_CREDENTIAL);
	return String(credentials.baseUrl || WIRO_DEFAULT_BASE_URL).replace(/\/+$/, '');
}

/**
 * The one way this package talks to Wiro's API: `POST {baseUrl}/{endpoint}` signed by the
 * credential, with a JSON body or, for models that get files, a multipart one. Resolves with the
 * answer when Wiro says `result: true`; otherwise throws a WiroApiError built from Wiro's answer
 * (its code, message, HTTP status, and whether trying again may help). The error never carries
 * the request, so no secret leaks.
 */
export async function wiroRequest(
	context: WiroContext,
	endpoint: string,
	body: WiroRequestBody,
	options: WiroRequestOptions = {},
): Promise<WiroAnswer> {
	const request: IHttpRequestOptions = {
		method: 'POST',
		url: `${await wiroBaseUrl(context)}/${endpoint}`,
		...encodeBody(body),
		json: true,
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
		timeout: REQUEST_TIMEOUT_MS,
	};
	const sent = await context.helpers.httpRequestWithAuthentication
		.call(options.ignoreCancel ? withoutCancelSignal(context) : context, WIRO_CREDENTIAL, request)
		.then(
			(response: IN8nHttpFullResponse) => ({ response }),
			(error: unknown) => ({ error }),
		);
	if ('error' in sent)
		throw new WiroApiError(context.getNode(), describeNetworkFailure(endpoint, sent.error));
	const { response } = sent;
	const answer = parseAnswer(response.body);
	if (response.statusCode >= 300) {
		throw new WiroApiError(
			context.getNode(),
			describeHttpFailure(endpoint, response.statusCode, answer),
		);
	}
	if (!answer || answer.result === false) {
		throw new WiroApiError(
			context.getNode(),
			describeWiroFailure(endpoint, response.statusCode, answer),
		);
	}
	return answer;
}

function encodeBody(
	body: WiroRequestBody,
): Pick<IHttpRequestOptions, 'body' | 'headers' | 'disableFollowRedirect'> {
	if (!(body instanceof MultipartBody)) return { body };
	const multipart = body.encode();
	// Following redirects would keep a copy of every byte sent, to send it again after a 307.
	return {
		body: multipart.body,
		headers: { 'content-type': multipart.contentType },
		disableFollowRedirect: true,
	};
}

function parseAnswer(body: unknown): JsonObject | undefined {
	if (typeof body !== 'string') return isJsonObject(body) ? body : undefined;
	try {
		const parsed: unknown = JSON.parse(body);
		return isJsonObject(parsed) ? parsed : undefined;
	} catch {
		return undefined;
	}
}

/**
 * n8n attaches the execution's cancel signal to an authenticated request when the context it is
 * called with has `getExecutionCancelSignal`. Killing a task after the user pressed stop must still
 * reach Wiro, so that request runs with a view of the context that hides only that method.
 */
function withoutCancelSignal(context: WiroContext): WiroContext {
	return new Proxy(context, {
		has: (target, key) => key !== 'getExecutionCancelSignal' && key in target,
		get: (target, key, receiver) =>
			key === 'getExecutionCancelSignal' ? undefined : Reflect.get(target, key, receiver),
	});
}

export {
	isJsonObject,
	taskOfError,
	WIRO_CODE,
	WiroApiError,
	WiroTaskError,
	type ErrorTask,
} from './errors';
export {
	bufferPart,
	MultipartBody,
	withBodyField,
	type FilePart,
	type MultipartEntry,
	type WiroRequestBody,
} from './multipart';
