import type { ModelSpec, ToolItem } from './catalog';
import type { UploadedFile } from './types';

export type ValidationResult = { ok: true } | { ok: false; message: string };

const isAbsent = (value: unknown): boolean => value === undefined || value === null;

/** Checks a Run request against the model's items; the first problem wins, in item order. */
export function validateRun(
	model: ModelSpec,
	fields: Record<string, unknown>,
	files: Record<string, UploadedFile>,
): ValidationResult {
	for (const item of model.items) {
		const problem =
			item.type === 'fileinput'
				? checkFileInput(item, fields, files)
				: checkValue(item, fields[item.id]);
		if (problem) return { ok: false, message: problem };
	}
	const crossProblem = model.crossCheck?.(fields);
	return crossProblem ? { ok: false, message: crossProblem } : { ok: true };
}

function checkValue(item: ToolItem, value: unknown): string | undefined {
	const name = `Request parameter [${item.id}]`;
	switch (item.type) {
		case 'text':
		case 'textarea': {
			if (isAbsent(value) || (typeof value === 'string' && value.trim() === '')) {
				return item.required ? `${name} required` : undefined;
			}
			const acceptsNumber = item.type === 'text';
			if (typeof value === 'string' || (acceptsNumber && typeof value === 'number'))
				return undefined;
			return `${name} must be string`;
		}
		case 'select': {
			if (isAbsent(value)) return item.required ? `${name} required` : undefined;
			const text = typeof value === 'number' ? String(value) : value;
			const allowed = (item.options ?? []).map((option) => option.value);
			if (typeof text === 'string' && allowed.includes(text)) return undefined;
			return `${name} must be one of: ${allowed.filter((v) => v !== '').join(', ')}`;
		}
		case 'number':
		case 'range': {
			if (isAbsent(value) || value === '') return item.required ? `${name} required` : undefined;
			const number = toNumber(value);
			if (number === undefined) return `${name} must be integer or float`;
			if (
				item.min !== undefined &&
				item.max !== undefined &&
				(number < item.min || number > item.max)
			) {
				return `${name} must be between ${item.min} and ${item.max}`;
			}
			return undefined;
		}
		default:
			return undefined;
	}
}

function checkFileInput(
	item: ToolItem,
	fields: Record<string, unknown>,
	files: Record<string, UploadedFile>,
): string | undefined {
	if (files[item.id]) return undefined;
	const urlField = `${item.id}Url`;
	const url = fields[urlField];
	if (isAbsent(url) || url === '')
		return item.required ? `Request parameter [${item.id}] required` : undefined;
	if (typeof url === 'string' && /^https?:\/\/\S+$/i.test(url)) return undefined;
	return `Request parameter [${urlField}] must be a valid url`;
}

function toNumber(value: unknown): number | undefined {
	if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
	if (typeof value === 'string' && value.trim() !== '') {
		const number = Number(value);
		return Number.isFinite(number) ? number : undefined;
	}
	return undefined;
}
