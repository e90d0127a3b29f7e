import type { IDataObject } from 'n8n-workflow';

/** The parts of an express Request that n8n's webhook layer fills in. */
export interface WebhookRequestDouble {
	method: string;
	url: string;
	path: string;
	headers: Record<string, string>;
	body: unknown;
	rawBody: Buffer;
	query: IDataObject;
	params: IDataObject;
	get(name: string): string | undefined;
	header(name: string): string | undefined;
}

export interface RequestInput {
	method: string;
	path: string;
	body?: unknown;
	rawBody?: Buffer | string;
	headers?: Record<string, string>;
	query?: IDataObject;
	params?: IDataObject;
}

function lowerCaseKeys(headers: Record<string, string>): Record<string, string> {
	return Object.fromEntries(
		Object.entries(headers).map(([key, value]) => [key.toLowerCase(), value]),
	);
}

/**
 * Like express after n8n's body parsers: `body` parsed, `rawBody` the exact
 * bytes. Give `rawBody` to control the bytes (signatures); `body` is then
 * parsed from it for JSON content types.
 */
export function makeRequest(input: RequestInput): WebhookRequestDouble {
	const headers = lowerCaseKeys(input.headers ?? {});
	const isText = typeof input.body === 'string' || Buffer.isBuffer(input.body);
	if (input.body !== undefined && !isText) headers['content-type'] ??= 'application/json';
	let rawBody = Buffer.alloc(0);
	if (input.rawBody !== undefined) rawBody = Buffer.from(input.rawBody);
	else if (isText) rawBody = Buffer.from(String(input.body));
	else if (input.body !== undefined) rawBody = Buffer.from(JSON.stringify(input.body));
	let body = input.body;
	if (
		body === undefined &&
		input.rawBody !== undefined &&
		headers['content-type']?.includes('json')
	) {
		body = JSON.parse(rawBody.toString('utf8'));
	}
	const query = input.query ?? {};
	const params = new URLSearchParams();
	for (const [key, value] of Object.entries(query)) params.append(key, String(value));
	const search = params.toString();
	const lookup = (name: string) => headers[name.toLowerCase()];
	return {
		method: input.method,
		url: search ? `${input.path}?${search}` : input.path,
		path: input.path,
		headers,
		body: body ?? {},
		rawBody,
		query,
		params: input.params ?? {},
		get: lookup,
		header: lookup,
	};
}

/** Records what a node writes to the express Response. */
export class ResponseRecorder {
	statusCode = 200;
	headers: Record<string, string> = {};
	body: unknown = undefined;
	ended = false;
	headersSent = false;

	status(code: number): this {
		this.statusCode = code;
		return this;
	}

	sendStatus(code: number): this {
		return this.status(code).end(String(code));
	}

	setHeader(name: string, value: unknown): this {
		this.headers[name.toLowerCase()] = String(value);
		return this;
	}

	set(field: string | Record<string, unknown>, value?: unknown): this {
		const fields = typeof field === 'string' ? { [field]: value } : field;
		for (const [name, entry] of Object.entries(fields)) this.setHeader(name, entry);
		return this;
	}

	header(field: string | Record<string, unknown>, value?: unknown): this {
		return this.set(field, value);
	}

	getHeader(name: string): string | undefined {
		return this.headers[name.toLowerCase()];
	}

	type(contentType: string): this {
		return this.setHeader('content-type', contentType);
	}

	writeHead(code: number, headers?: Record<string, unknown>): this {
		this.statusCode = code;
		return headers ? this.set(headers) : this;
	}

	write(chunk: unknown): boolean {
		const text = Buffer.isBuffer(chunk) ? chunk.toString('utf8') : String(chunk);
		this.body = typeof this.body === 'string' ? this.body + text : text;
		return true;
	}

	json(body: unknown): this {
		this.headers['content-type'] ??= 'application/json';
		return this.end(body);
	}

	send(body?: unknown): this {
		return this.end(body);
	}

	redirect(url: string): this {
		return this.status(302).setHeader('location', url).end();
	}

	end(body?: unknown): this {
		if (body !== undefined) this.body = body;
		this.ended = true;
		this.headersSent = true;
		return this;
	}
}
