import { randomBytes } from 'crypto';
import type { IDataObject } from 'n8n-workflow';

/**
 * A file to upload: the name Wiro sees, its type, its exact size, and how to read its bytes.
 * `read` is called each time the body is sent (n8n may send a request again after a 401), so a
 * file in n8n's binary store is streamed from there and never held whole in memory.
 */
export interface FilePart {
	fileName: string;
	mimeType: string;
	size: number;
	read: () => Promise<AsyncIterable<Uint8Array> | Iterable<Uint8Array>>;
}

/** A file part for bytes already in memory. */
export function bufferPart(data: Buffer, fileName: string, mimeType: string): FilePart {
	return { fileName, mimeType, size: data.length, read: async () => [data] };
}

export type MultipartEntry = { name: string; value: string } | { name: string; file: FilePart };

/**
 * A `multipart/form-data` body kept as data (its entries in the order Wiro receives them), so
 * tests can read what goes out, and encoded only when sent. Wiro wants multipart when a model
 * gets files (Model Parameters page).
 */
export class MultipartBody {
	readonly entries: MultipartEntry[] = [];

	text(name: string, value: string): this {
		this.entries.push({ name, value });
		return this;
	}

	file(name: string, file: FilePart): this {
		this.entries.push({ name, file });
		return this;
	}

	/** The body to send, and its content type with the boundary. */
	encode(): { body: MultipartStream; contentType: string } {
		const body = new MultipartStream(this.entries, `----n8nWiro${randomBytes(12).toString('hex')}`);
		return { body, contentType: body.type };
	}
}

/**
 * The encoded body in the shape n8n's httpRequest (axios) streams without buffering it: a Blob,
 * which axios reads through `stream()` with `size` as the content length. Node's own Blob and
 * FormData need every byte in memory first; this one reads each file only while it is sent.
 */
export class MultipartStream {
	readonly size: number;
	readonly type: string;

	constructor(
		private readonly entries: MultipartEntry[],
		private readonly boundary: string,
	) {
		this.type = `multipart/form-data; boundary=${boundary}`;
		this.size =
			entries.reduce(
				(total, entry) => total + partHead(entry, boundary).length + contentSize(entry) + 2,
				0,
			) + closing(boundary).length;
	}

	get [Symbol.toStringTag](): string {
		return 'Blob';
	}

	async *stream(): AsyncGenerator<Uint8Array> {
		for (const entry of this.entries) {
			yield partHead(entry, this.boundary);
			if ('file' in entry) {
				let sent = 0;
				for await (const chunk of await entry.file.read()) {
					sent += chunk.length;
					yield chunk;
				}
				// The content length was promised up front: a file that changed size would corrupt the body.
				if (sent !== entry.file.size)
					throw new Error(
						`The file '${entry.file.fileName}' has ${sent} bytes, not the ${entry.file.size} expected`,
					);
			} else {
				yield Buffer.from(entry.value, 'utf8');
			}
			yield CRLF;
		}
		yield closing(this.boundary);
	}
}

const CRLF = Buffer.from('\r\n');

// Names are escaped as browsers do (WHATWG multipart/form-data encoding).
const escapeName = (name: string): string =>
	name.replace(/\r/g, '%0D').replace(/\n/g, '%0A').replace(/"/g, '%22');

function partHead(entry: MultipartEntry, boundary: string): Buffer {
	const disposition = `Content-Disposition: form-data; name="${escapeName(entry.name)}"`;
	const head =
		'file' in entry
			? `${disposition}; filename="${escapeName(entry.file.fileName)}"\r\nContent-Type: ${entry.file.mimeType.replace(/[\r\n]/g, '')}`
			: disposition;
	return Buffer.from(`--${boundary}\r\n${head}\r\n\r\n`, 'utf8');
}

function contentSize(entry: MultipartEntry): number {
	return 'file' in entry ? entry.file.size : Buffer.byteLength(entry.value, 'utf8');
}

const closing = (boundary: string): Buffer => Buffer.from(`--${boundary}--\r\n`);

/** What `wiroRequest` sends: a JSON object, or multipart form data. */
export type WiroRequestBody = IDataObject | MultipartBody;

/** The body with one more field (e.g. `callbackUrl`), whatever its encoding. */
export function withBodyField(body: WiroRequestBody, name: string, value: string): WiroRequestBody {
	if (!(body instanceof MultipartBody)) return { ...body, [name]: value };
	const copy = new MultipartBody();
	copy.entries.push(...body.entries, { name, value });
	return copy;
}
