import type { INodeProperties, NodePropertyTypes, ResourceMapperField } from 'n8n-workflow';

import type { CuratedInput, CuratedModel, WiroParameter } from './types';

/**
 * Wiro's description of a model's inputs as n8n fields. A curated model gets fixed fields (its
 * display names, the seeds' defaults; the registry scopes them to the model with
 * updateDisplayOptions); any other model gets resource mapper fields built the same way from what
 * Wiro's Tool/Detail says.
 */
export function fixedFields(model: CuratedModel): INodeProperties[] {
	return model.inputs.map((input) => ({
		displayName: input.label,
		name: input.name ?? input.id,
		type: PROPERTY_TYPES[input.type],
		...(input.rows ? { typeOptions: { rows: input.rows } } : {}),
		...(input.options
			? { options: input.options.map(({ label, value }) => ({ name: label, value })) }
			: {}),
		...(input.required ? { required: true } : {}),
		default: input.default,
		description: input.description,
	}));
}

const PROPERTY_TYPES: Record<CuratedInput['type'], NodePropertyTypes> = {
	text: 'string',
	textarea: 'string',
	select: 'options',
	number: 'number',
};

/** A curated model's inputs as the validator and body builder read any model's. */
export function curatedParameters(model: CuratedModel): WiroParameter[] {
	return model.inputs.map((input) => ({
		id: input.id,
		name: input.name ?? input.id,
		label: input.label,
		kind: input.type,
		wiroType: input.type,
		required: input.required === true,
		note: input.description,
		default: String(input.default),
		...(input.options ? { options: input.options } : {}),
		...(input.min !== undefined ? { min: input.min } : {}),
		...(input.max !== undefined ? { max: input.max } : {}),
		...(input.integer ? { integer: true } : {}),
	}));
}

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

function typeAndDefault(
	parameter: WiroParameter,
): Pick<ResourceMapperField, 'type' | 'options' | 'defaultValue'> {
	const fallback = parameter.default;
	switch (parameter.kind) {
		case 'select': {
			const options = (parameter.options ?? []).map((option) => ({
				name: option.label || '(None)',
				value: option.value,
			}));
			const known = options.some((option) => option.value === fallback);
			return { type: 'options', options, ...(known ? { defaultValue: fallback } : {}) };
		}
		case 'number': {
			const value = fallback === undefined || fallback.trim() === '' ? NaN : Number(fallback);
			return { type: 'number', ...(Number.isFinite(value) ? { defaultValue: value } : {}) };
		}
		default:
			return {
				type: 'string',
				...(fallback !== undefined && fallback !== '' ? { defaultValue: fallback } : {}),
			};
	}
}
