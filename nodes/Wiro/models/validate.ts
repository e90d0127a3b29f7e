import type { FilePart } from '../transport/multipart';
import type { FieldProblem, WiroParameter } from './types';

/** Reads a binary field of the input item; undefined when the item has no such field. */
export type BinaryReader = (fieldName: string) => Promise<FilePart | undefined>;

export type FileEntry = { url: string } | { file: FilePart };

/** A checked value: what to send (nothing when it is absent), or the problem with it. */
export type Checked = { value?: string | number; files?: FileEntry[] } | { problem: FieldProblem };

/**
 * Where the model's fields are. A curated model's fixed fields always hold a value and every one
 * is sent, as the seeds' bodies are; Other Model's parameters sit in the mapper, may be left out,
 * and an empty one is not sent. The words of a problem say where to look.
 */
export interface FieldPlace {
	fixed: boolean;
	slug: string;
}

/**
 * Checks one value against Wiro's description of the parameter (required, number and limits,
 * select choices, files found), so a mistake is reported by field name before a paid task starts.
 */
export async function checkValue(
	parameter: WiroParameter,
	raw: unknown,
	place: FieldPlace,
	readBinary: BinaryReader,
): Promise<Checked> {
	const empty = raw === undefined || raw === null || (typeof raw === 'string' && raw.trim() === '');
	const textual =
		parameter.kind === 'text' || parameter.kind === 'textarea' || parameter.kind === 'select';
	if (empty) {
		if (parameter.required) return missing(parameter, place);
		// An empty text or choice is a value Wiro's own form sends; an empty number or file is no value.
		if (place.fixed && textual) return { value: String(raw ?? '') };
		if (!place.fixed) return raw === '' && textual ? { value: '' } : {};
	}
	switch (parameter.kind) {
		case 'number':
			return checkNumber(parameter, raw, place);
		case 'select':
			return checkChoice(parameter, String(raw), place);
		case 'file':
			return await checkFiles(parameter, String(raw), place, readBinary);
		default:
			return { value: String(raw) };
	}
}

const where = (place: FieldPlace): string => (place.fixed ? '' : ' under Model Parameters');

function missing(parameter: WiroParameter, place: FieldPlace): Checked {
	const { label } = parameter;
	if (place.fixed)
		return problem(
			parameter,
			`'${label}' is empty`,
			`Enter a value for '${label}', or an expression that gives one`,
		);
	const hint =
		parameter.kind === 'file'
			? ': a URL (https://…) or the name of a binary field of the input item'
			: '';
	return problem(
		parameter,
		`'${label}' is required by ${place.slug}`,
		`Set '${label}'${where(place)}${hint}`,
	);
}

function checkNumber(parameter: WiroParameter, raw: unknown, place: FieldPlace): Checked {
	const { label, min, max } = parameter;
	const value =
		typeof raw === 'number'
			? raw
			: typeof raw === 'string' && raw.trim() !== ''
				? Number(raw.trim())
				: NaN;
	if (!Number.isFinite(value))
		return problem(
			parameter,
			`'${label}' must be a number, got ${JSON.stringify(raw)}`,
			`Enter a number for '${label}'${where(place)}`,
		);
	const outside = (min !== undefined && value < min) || (max !== undefined && value > max);
	if (!outside && (!parameter.integer || Number.isInteger(value))) return { value };
	const kind = parameter.integer ? 'a whole number' : 'a number';
	const limits =
		min !== undefined && max !== undefined
			? `from ${min} to ${max}`
			: min !== undefined
				? `of at least ${min}`
				: max !== undefined
					? `of at most ${max}`
					: '';
	const message = `'${label}' must be ${[kind, limits].filter(Boolean).join(' ')}, got ${value}`;
	// A fixed field's limits read "between": the words its users have seen since the first release.
	const fix =
		place.fixed && min !== undefined && max !== undefined ? `between ${min} and ${max}` : limits;
	return problem(
		parameter,
		message,
		`Enter ${[kind, fix].filter(Boolean).join(' ')} for '${label}'${where(place)}`,
	);
}

function checkChoice(parameter: WiroParameter, value: string, place: FieldPlace): Checked {
	const allowed = parameter.options ?? [];
	if (allowed.length === 0 || allowed.some((option) => option.value === value)) return { value };
	const choices = allowed.map((option) => option.value || "'' (none)").join(', ');
	return problem(
		parameter,
		`'${parameter.label}' cannot be ${JSON.stringify(value)}`,
		`Choose one of ${choices} for '${parameter.label}'${where(place)}`,
	);
}

async function checkFiles(
	parameter: WiroParameter,
	raw: string,
	place: FieldPlace,
	readBinary: BinaryReader,
): Promise<Checked> {
	// One URL may contain commas; lists are comma-separated (URLs there must not).
	const names =
		parameter.fileMode === 'single'
			? [raw.trim()]
			: raw
					.split(',')
					.map((name) => name.trim())
					.filter(Boolean);
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
				`Enter a URL (https://…) or the name of one of the input item's binary fields (e.g. data) for '${parameter.label}'${where(place)}`,
			);
		}
		entries.push({ file });
	}
	return { files: entries };
}

function problem(
	parameter: WiroParameter,
	message: string,
	description: string,
): { problem: FieldProblem } {
	return { problem: { field: parameter.name, message, description } };
}
