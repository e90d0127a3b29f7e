import type {
	IDataObject,
	IExecuteFunctions,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	IN8nHttpFullResponse,
	IWebhookFunctions,
} from 'n8n-workflow';

import { WIRO_DEFAULT_BASE_URL } from '../../../credentials/WiroApi.credentials';
import { describeHttpFailure, describeNetworkFailure, describeWiroFailure, toNodeError } from './errors';
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
 * credential, with a JSON body or, for models that get files, a multipart one. Resolves with the answer when Wiro says `result: true`; otherwise throws a
 * NodeApiError whose message says what happened (describeFailure() reads back whether trying
 * again may help and Wiro's code). The error never carries the request, so no secret leaks.
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
	let response: IN8nHttpFullResponse;
	try {
		response = (await context.helpers.httpRequestWithAuthentication.call(
			options.ignoreCancel ? withoutCancelSignal(context) : context,
			WIRO_CREDENTIAL,
			request,
		)) as IN8nHttpFullResponse;
	} catch (error) {
		throw toNodeError(context.getNode(), describeNetworkFailure(endpoint, error));
	}
	const answer = parseAnswer(response.body);
	if (response.statusCode >= 300) {
		throw toNodeError(context.getNode(), describeHttpFailure(endpoint, response.statusCode, answer));
	}
	if (!answer || answer.result === false) {
		throw toNodeError(context.getNode(), describeWiroFailure(endpoint, answer));
	}
	return answer;
}

function encodeBody(body: WiroRequestBody): Pick<IHttpRequestOptions, 'body' | 'headers' | 'disableFollowRedirect'> {
	if (!(body instanceof MultipartBody)) return { body };
	const multipart = body.encode();
	// Following redirects would keep a copy of every byte sent, to send it again after a 307.
	return { body: multipart.body, headers: { 'content-type': multipart.contentType }, disableFollowRedirect: true };
}

function parseAnswer(body: unknown): IDataObject | undefined {
	if (typeof body === 'string') {
		try {
			const parsed: unknown = JSON.parse(body);
			return typeof parsed === 'object' && parsed !== null ? (parsed as IDataObject) : undefined;
		} catch {
			return undefined;
		}
	}
	return typeof body === 'object' && body !== null ? (body as IDataObject) : undefined;
}

/**
 * n8n attaches the execution's cancel signal to every authenticated request made with the node's
 * own context. Killing a task after the user pressed stop must still reach Wiro, so that request
 * runs with a view of the context that offers everything the helper needs except that signal.
 */
function withoutCancelSignal(context: WiroContext): IExecuteFunctions {
	const view: Pick<IExecuteFunctions, 'getCredentials' | 'getNode' | 'helpers' | 'logger'> = {
		getCredentials: context.getCredentials.bind(context),
		getNode: context.getNode.bind(context),
		helpers: context.helpers as IExecuteFunctions['helpers'],
		logger: context.logger,
	};
	return view as IExecuteFunctions;
}

export { describeFailure, isRetryable, toNodeError, WIRO_CODE, type WiroFailure } from './errors';
export { bufferPart, MultipartBody, withBodyField, type FilePart, type MultipartEntry, type WiroRequestBody } from './multipart';
