import type { IDataObject } from 'n8n-workflow';

/** A file to upload: its bytes, the name Wiro sees and its type. */
export interface FilePart {
	data: Buffer;
	fileName: string;
	mimeType: string;
}

export type MultipartEntry = { name: string; value: string } | { name: string; file: FilePart };

/**
 * A `multipart/form-data` body kept as data (its entries in the order Wiro receives them) and
 * turned into Node's own FormData only when sent, so tests can read what goes out.
 * Wiro wants multipart when a model gets files (Model Parameters page).
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

	toFormData(): FormData {
		const form = new FormData();
		for (const entry of this.entries) {
			if ('file' in entry) {
				form.append(entry.name, new Blob([entry.file.data], { type: entry.file.mimeType }), entry.file.fileName);
			} else {
				form.append(entry.name, entry.value);
			}
		}
		return form;
	}
}

/** What `wiroRequest` sends: a JSON object, or multipart form data. */
export type WiroRequestBody = IDataObject | MultipartBody;

/** The body with one more field (e.g. `callbackUrl`), whatever its encoding. */
export function withBodyField(body: WiroRequestBody, name: string, value: string): WiroRequestBody {
	if (!(body instanceof MultipartBody)) return { ...body, [name]: value };
	const copy = new MultipartBody();
	copy.entries.push(...body.entries, { name, value });
	return copy;
}
