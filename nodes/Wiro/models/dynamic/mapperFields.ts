import type { ResourceMapperField } from 'n8n-workflow';

import type { WiroParameter } from './types';

/**
 * Wiro's parameters as resource mapper fields: text and textarea as strings, select as options
 * with Wiro's labels, numbers (range) as numbers with Wiro's limits in the name (the mapper has no
 * min/max; the node checks them before a task starts), file inputs as a string that takes a URL or
 * the name of a binary field. Required is Wiro's; defaults are Wiro's.
 */
export function toMapperFields(parameters: WiroParameter[]): ResourceMapperField[] {
	return parameters.map((parameter) => ({
		id: parameter.id,
		displayName: fieldName(parameter),
		required: parameter.required,
		defaultMatch: false,
		canBeUsedToMatch: false,
		display: true,
		removed: false,
		...typeAndDefault(parameter),
	}));
}

/** The field's name in the editor: Wiro's label, with what it accepts when the type alone does not say. */
export function fieldName(parameter: WiroParameter): string {
	if (parameter.kind === 'file') {
		return `${parameter.label} (${parameter.fileMode === 'single' ? 'URL or Binary Field' : 'URLs or Binary Fields, Comma-Separated'})`;
	}
	if (parameter.kind === 'number' && parameter.min !== undefined && parameter.max !== undefined) {
		return `${parameter.label} (${parameter.min} to ${parameter.max})`;
	}
	return parameter.label;
}

function typeAndDefault(parameter: WiroParameter): Pick<ResourceMapperField, 'type' | 'options' | 'defaultValue'> {
	const fallback = parameter.default;
	switch (parameter.kind) {
		case 'select': {
			const options = (parameter.options ?? []).map((option) => ({ name: option.label || '(None)', value: option.value }));
			const known = options.some((option) => option.value === fallback);
			return { type: 'options', options, ...(known ? { defaultValue: fallback } : {}) };
		}
		case 'number': {
			const value = fallback === undefined || fallback.trim() === '' ? NaN : Number(fallback);
			return { type: 'number', ...(Number.isFinite(value) ? { defaultValue: value } : {}) };
		}
		default:
			return { type: 'string', ...(fallback !== undefined && fallback !== '' ? { defaultValue: fallback } : {}) };
	}
}
