import type { IncomingMessage } from 'http';
import type { FileDescriptor, UploadedFile } from './types';

export interface ParsedBody {
	fields: Record<string, unknown>;
	files: Record<string, UploadedFile>;
	raw: string;
	/** False when the body could not be parsed for its declared content type. */
	valid: boolean;
}

const MAX_BODY_BYTES = 64 * 1024 * 1024;

export function readBody(req: IncomingMessage): Promise<Buffer> {
	return new Promise((resolve, reject) => {
		const chunks: Buffer[] = [];
		let total = 0;
		req.on('data', (chunk: Buffer) => {
			total += chunk.length;
			if (total > MAX_BODY_BYTES) {
				reject(new Error('body too large'));
				req.destroy();
				return;
			}
			chunks.push(chunk);
		});
		req.on('end', () => resolve(Buffer.concat(chunks)));
		req.on('error', reject);
	});
}

export function parseBody(contentType: string | undefined, data: Buffer): ParsedBody {
	const raw = data.toString('utf8');
	const type = (contentType ?? '').toLowerCase();
	if (data.length === 0) return { fields: {}, files: {}, raw, valid: true };
	if (type.startsWith('multipart/form-data')) {
		const boundary = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType ?? '');
		if (!boundary) return invalid(raw);
		return parseMultipart(data, boundary[1] ?? boundary[2], raw);
	}
	if (type.startsWith('application/x-www-form-urlencoded')) return parseUrlEncoded(raw);
	// JSON is the documented body; without a content type, try JSON and then a form.
	const json = parseJson(raw);
	if (json || type.includes('json')) return json ?? invalid(raw);
	return parseUrlEncoded(raw);
}

/** The body as a request log keeps it: files as descriptors, unparsable bodies as text. */
export function recordableBody(body: ParsedBody): Record<string, unknown> | string {
	if (!body.valid) return body.raw;
	const files: Record<string, FileDescriptor> = {};
	for (const [name, file] of Object.entries(body.files)) {
		files[name] = { filename: file.filename, contentType: file.contentType, size: file.size };
	}
	return { ...body.fields, ...files };
}

function invalid(raw: string): ParsedBody {
	return { fields: {}, files: {}, raw, valid: false };
}

function parseJson(raw: string): ParsedBody | undefined {
	try {
		const value: unknown = JSON.parse(raw);
		if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
		return { fields: value as Record<string, unknown>, files: {}, raw, valid: true };
	} catch {
		return undefined;
	}
}

function parseUrlEncoded(raw: string): ParsedBody {
	const fields: Record<string, unknown> = {};
	for (const [key, value] of new URLSearchParams(raw)) fields[key] = value;
	return { fields, files: {}, raw, valid: true };
}

function parseMultipart(data: Buffer, boundary: string, raw: string): ParsedBody {
	const fields: Record<string, unknown> = {};
	const files: Record<string, UploadedFile> = {};
	const delimiter = Buffer.from(`--${boundary}`);
	let position = data.indexOf(delimiter);
	if (position < 0) return invalid(raw);
	while (position >= 0) {
		const partStart = position + delimiter.length;
		if (data.subarray(partStart, partStart + 2).toString() === '--') break;
		const next = data.indexOf(delimiter, partStart);
		if (next < 0) return invalid(raw);
		// A part sits between "\r\n" after the delimiter and "\r\n" before the next one.
		const part = data.subarray(partStart + 2, next - 2);
		const headerEnd = part.indexOf('\r\n\r\n');
		if (headerEnd < 0) return invalid(raw);
		const headers = part.subarray(0, headerEnd).toString('utf8');
		const content = part.subarray(headerEnd + 4);
		const name = /name="([^"]*)"/i.exec(headers)?.[1];
		const filename = /filename="([^"]*)"/i.exec(headers)?.[1];
		if (name !== undefined) {
			if (filename !== undefined) {
				const contentType = /content-type:\s*([^\r\n]+)/i.exec(headers)?.[1]?.trim();
				files[name] = {
					filename,
					contentType: contentType ?? 'application/octet-stream',
					size: content.length,
					data: Buffer.from(content),
				};
			} else {
				fields[name] = content.toString('utf8');
			}
		}
		position = next;
	}
	return { fields, files, raw, valid: true };
}
