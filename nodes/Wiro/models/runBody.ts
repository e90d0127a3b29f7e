import type { IDataObject } from 'n8n-workflow';

import { MultipartBody, type WiroRequestBody } from '../transport/multipart';
import { checkValue, type BinaryReader, type FieldPlace, type FileEntry } from './validate';
import type { FieldProblem, RunnableModel, WiroParameter } from './types';

export interface RunValues {
	/** The value of a parameter, from its n8n field or mapper entry. */
	read: (parameter: WiroParameter) => unknown;
	place: FieldPlace;
	readBinary: BinaryReader;
	/** Values for parameters the model does not list (an older schema in the mapper): sent as given. */
	extras?: IDataObject;
}

/** A model and where its values are, before they are checked (the file reader comes last). */
export type ModelRun = { model: RunnableModel } & Omit<RunValues, 'readBinary'>;

/**
 * The body of `POST /Run/{slug}` for any model, curated or read from Wiro: every value checked
 * first, then the model's cross-field rules. Without files the body is JSON (numbers as numbers);
 * with files it is multipart, following Wiro's `{id}Url` rules.
 */
export async function toRunBody(
	model: RunnableModel,
	values: RunValues,
): Promise<{ body: WiroRequestBody } | { problem: FieldProblem }> {
	const plain: IDataObject = {};
	const files: Array<{ parameter: WiroParameter; entries: FileEntry[] }> = [];
	for (const parameter of model.parameters) {
		const checked = await checkValue(
			parameter,
			values.read(parameter),
			values.place,
			values.readBinary,
		);
		if ('problem' in checked) return checked;
		if (checked.files) files.push({ parameter, entries: checked.files });
		else if (checked.value !== undefined) plain[parameter.id] = checked.value;
	}
	const known = new Set(model.parameters.map((parameter) => parameter.id));
	for (const [id, value] of Object.entries(values.extras ?? {})) {
		if (
			!known.has(id) &&
			(typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
		) {
			plain[id] = typeof value === 'boolean' ? String(value) : value;
		}
	}
	const problem = model.crossCheck?.(plain);
	if (problem) return { problem };
	if (files.length === 0) return { body: plain };
	const body = new MultipartBody();
	for (const [id, value] of Object.entries(plain)) body.text(id, String(value));
	for (const { parameter, entries } of files) addFiles(body, parameter, entries);
	return { body };
}

/** Wiro's rules (Model Parameters page): `{id}` and `{id}Url` both present, one of them empty, except for combined inputs. */
function addFiles(body: MultipartBody, parameter: WiroParameter, entries: FileEntry[]): void {
	const { id } = parameter;
	if (parameter.fileMode === 'combined') {
		for (const entry of entries) {
			if ('file' in entry) body.file(id, entry.file);
			else body.text(id, entry.url);
		}
		return;
	}
	const uploads = entries.flatMap((entry) => ('file' in entry ? [entry.file] : []));
	const urls = entries.flatMap((entry) => ('url' in entry ? [entry.url] : []));
	if (uploads.length === 0) body.text(id, '');
	for (const file of uploads) body.file(id, file);
	body.text(`${id}Url`, urls.join(','));
}
