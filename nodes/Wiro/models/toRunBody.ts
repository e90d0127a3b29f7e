import type { IDataObject } from 'n8n-workflow';

import type { FieldProblem, ModelField, WiroModel } from './types';

export type RunBodyResult = { body: IDataObject } | { problem: FieldProblem };

/**
 * Turns a model's parameter values into the body of `POST /Run/{slug}`, checking each value first
 * so that a mistake is reported by field name before any (paid) task is started.
 */
export function toRunBody(model: WiroModel, read: (name: string) => unknown): RunBodyResult {
	const body: IDataObject = {};
	for (const field of model.fields) {
		const converted = convertField(field, read(field.property.name));
		if ('problem' in converted) return converted;
		body[field.apiName] = converted.value;
	}
	const problem = model.crossCheck?.(body);
	return problem ? { problem } : { body };
}

function convertField(field: ModelField, raw: unknown): { value: string | number } | { problem: FieldProblem } {
	const label = field.property.displayName;
	if (field.property.required && (raw === undefined || raw === null || String(raw).trim() === '')) {
		return problem(field, `'${label}' is empty`, `Enter a value for '${label}', or an expression that gives one`);
	}
	if (field.send === 'number' || field.property.type === 'number') {
		const value = typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : raw;
		if (typeof value !== 'number' || !Number.isFinite(value)) {
			return problem(field, `'${label}' must be a number, got ${JSON.stringify(raw)}`, `Enter a number for '${label}'`);
		}
		const range = field.range;
		if (range && (value < range.min || value > range.max || (range.integer && !Number.isInteger(value)))) {
			const kind = range.integer ? 'a whole number' : 'a number';
			return problem(
				field,
				`'${label}' must be ${kind} from ${range.min} to ${range.max}, got ${value}`,
				`Enter ${kind} between ${range.min} and ${range.max} for '${label}'`,
			);
		}
		return { value: field.send === 'string' ? String(value) : value };
	}
	return { value: String(raw ?? '') };
}

function problem(field: ModelField, message: string, description: string): { problem: FieldProblem } {
	return { problem: { field: field.property.name, message, description } };
}
