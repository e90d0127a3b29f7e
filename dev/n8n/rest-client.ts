import { isJsonObject, parseJsonOrUndefined } from './json-guards';

export interface HttpResponse {
	status: number;
	headers: Headers;
	body: unknown;
	text: string;
}

export interface RequestOptions {
	method?: string;
	headers?: Record<string, string>;
	body?: unknown;
	timeoutMs?: number;
}

const DEFAULT_TIMEOUT_MS = 30_000;

/** A small fetch wrapper: JSON in and out, bounded in time, never throws on status. */
export async function httpRequest(
	url: string,
	options: RequestOptions = {},
): Promise<HttpResponse> {
	const headers: Record<string, string> = { accept: 'application/json', ...options.headers };
	let body: string | undefined;
	if (options.body !== undefined) {
		headers['content-type'] ??= 'application/json';
		body = typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
	}
	const response = await fetch(url, {
		method: options.method ?? (body === undefined ? 'GET' : 'POST'),
		headers,
		body: body ?? null,
		signal: AbortSignal.timeout(options.timeoutMs ?? DEFAULT_TIMEOUT_MS),
	});
	const text = await response.text();
	return {
		status: response.status,
		headers: response.headers,
		body: parseJsonOrUndefined(text),
		text,
	};
}

/** n8n's internal REST API wraps results as `{data: …}`. */
export function unwrapRestData(response: HttpResponse, what: string): unknown {
	if (response.status < 200 || response.status >= 300 || !isJsonObject(response.body)) {
		throw new Error(`${what} failed with HTTP ${response.status}: ${response.text.slice(0, 500)}`);
	}
	return response.body['data'];
}

/** The `name=value` part of each Set-Cookie header, joined for a Cookie header. */
export function cookieHeaderFrom(response: HttpResponse): string {
	return response.headers
		.getSetCookie()
		.map((cookie) => cookie.split(';')[0])
		.join('; ');
}
