import type { IDataObject } from 'n8n-workflow';

import { MultipartBody, type FilePart, type WiroRequestBody } from '../../transport/multipart';
import type { FieldProblem } from '../types';
import type { WiroModelDefinition, WiroParameter } from './types';

/** Reads a binary field of the input item; undefined when the item has no such field. */
export type BinaryReader = (fieldName: string) => Promise<FilePart | undefined>;

type Value = string | number;
type FileEntry = { url: string } | { file: FilePart };
type Checked = { value?: Value; files?: FileEntry[] } | { problem: FieldProblem };

const WHERE = 'under Model Parameters';

/**
 * The body of `POST /Run/{slug}` for a model read from Wiro, from the resource mapper's values.
 * Each value is checked against Wiro's description first (required, number limits, select
 * options, files found), so a mistake is reported by field name before a paid task starts.
 * Without files the body is JSON; with files it is multipart, following Wiro's `{id}Url` rules.
 * Values for parameters Wiro does not list (an older schema) are sent as given.
 */
export async function toDynamicRunBody(
	model: WiroModelDefinition,
	values: IDataObject,
	readBinary: BinaryReader,
): Promise<{ body: WiroRequestBody } | { problem: FieldProblem }> {
	const plain: Record<string, Value> = {};
	const files: Array<{ parameter: WiroParameter; entries: FileEntry[] }> = [];
	for (const parameter of model.parameters) {
		const checked = await check(model, parameter, values[parameter.id], readBinary);
		if ('problem' in checked) return checked;
		if (checked.files) files.push({ parameter, entries: checked.files });
		else if (checked.value !== undefined) plain[parameter.id] = checked.value;
	}
	const known = new Set(model.parameters.map((parameter) => parameter.id));
	for (const [id, value] of Object.entries(values)) {
		if (!known.has(id) && (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')) {
			plain[id] = typeof value === 'boolean' ? String(value) : value;
		}
	}
	if (files.length === 0) return { body: plain };
	const body = new MultipartBody();
	for (const [id, value] of Object.entries(plain)) body.text(id, String(value));
	for (const { parameter, entries } of files) addFiles(body, parameter, entries);
	return { body };
}

async function check(model: WiroModelDefinition, parameter: WiroParameter, raw: unknown, readBinary: BinaryReader): Promise<Checked> {
	const label = parameter.label;
	const empty = raw === undefined || raw === null || (typeof raw === 'string' && raw.trim() === '');
	if (empty) {
		if (parameter.required) return problem(parameter, `'${label}' is required by ${model.slug}`, `Set '${label}' ${WHERE}${parameter.kind === 'file' ? ': a URL (https://…) or the name of a binary field of the input item' : ''}`);
		// An empty text or choice is a value Wiro's own form sends; an empty number or file is no value.
		return raw === '' && (parameter.kind === 'text' || parameter.kind === 'textarea' || parameter.kind === 'select') ? { value: '' } : {};
	}
	switch (parameter.kind) {
		case 'number':
			return checkNumber(parameter, raw);
		case 'select': {
			const value = String(raw);
			const allowed = parameter.options ?? [];
			if (allowed.length === 0 || allowed.some((option) => option.value === value)) return { value };
			const choices = allowed.map((option) => option.value || "'' (none)").join(', ');
			return problem(parameter, `'${label}' cannot be ${JSON.stringify(value)}`, `Choose one of ${choices} for '${label}' ${WHERE}`);
		}
		case 'file':
			return await checkFiles(parameter, String(raw), readBinary);
		default:
			return { value: String(raw) };
	}
}

function checkNumber(parameter: WiroParameter, raw: unknown): Checked {
	const label = parameter.label;
	const value = typeof raw === 'number' ? raw : Number(String(raw).trim());
	if (!Number.isFinite(value)) return problem(parameter, `'${label}' must be a number, got ${JSON.stringify(raw)}`, `Enter a number for '${label}' ${WHERE}`);
	const { min, max } = parameter;
	if ((min !== undefined && value < min) || (max !== undefined && value > max)) {
		const limits = min !== undefined && max !== undefined ? `from ${min} to ${max}` : min !== undefined ? `of at least ${min}` : `of at most ${max}`;
		return problem(parameter, `'${label}' must be a number ${limits}, got ${value}`, `Enter a number ${limits} for '${label}' ${WHERE}`);
	}
	return { value };
}

async function checkFiles(parameter: WiroParameter, raw: string, readBinary: BinaryReader): Promise<Checked> {
	// One URL may contain commas; lists are comma-separated (URLs there must not).
	const names = parameter.fileMode === 'single' ? [raw.trim()] : raw.split(',').map((name) => name.trim()).filter(Boolean);
	const entries: FileEntry[] = [];
	for (const name of names) {
		if (/^https?:\/\//i.test(name)) {
			entries.push({ url: name });
			continue;
		}
		const file = await readBinary(name);
		if (!file) {
			return problem(
				parameter,
				`'${parameter.label}' names the binary field '${name}', which the input item does not have`,
				`Enter a URL (https://…) or the name of one of the input item's binary fields (e.g. data) for '${parameter.label}' ${WHERE}`,
			);
		}
		entries.push({ file });
	}
	return { files: entries };
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

function problem(parameter: WiroParameter, message: string, description: string): { problem: FieldProblem } {
	return { problem: { field: parameter.id, message, description } };
}
