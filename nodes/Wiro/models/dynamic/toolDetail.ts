import type { IDataObject } from 'n8n-workflow';

import { readableLabel } from './readable';
import type {
	FileMode,
	ParameterKind,
	ParameterOption,
	WiroModelDefinition,
	WiroParameter,
} from '../types';

const KINDS: Record<string, { kind: ParameterKind; fileMode?: FileMode }> = {
	text: { kind: 'text' },
	textarea: { kind: 'textarea' },
	select: { kind: 'select' },
	range: { kind: 'number' },
	// Not in Wiro's list of types, but in its answers (`float` in the Models page example).
	number: { kind: 'number' },
	float: { kind: 'number' },
	integer: { kind: 'number' },
	fileinput: { kind: 'file', fileMode: 'single' },
	multifileinput: { kind: 'file', fileMode: 'multiple' },
	combinefileinput: { kind: 'file', fileMode: 'combined' },
};

/**
 * A model's parameters from a `Tool/Detail` answer (`tool[0].parameters[].items[]`). Wiro
 * documents the item fields only loosely, so everything is read tolerantly: numbers may come as
 * strings, options as objects or bare values, and an unknown type is offered as text.
 */
export function parseToolDetail(slug: string, answer: IDataObject): WiroModelDefinition {
	const tools = answer.tool;
	const tool = (Array.isArray(tools) ? tools[0] : tools) as IDataObject | undefined;
	const groups = Array.isArray(tool?.parameters) ? (tool.parameters as IDataObject[]) : [];
	const items = groups.flatMap((group) =>
		Array.isArray(group?.items) ? (group.items as IDataObject[]) : [],
	);
	const seen = new Set<string>();
	const parameters: WiroParameter[] = [];
	for (const item of items) {
		const parameter = toParameter(item);
		if (parameter && !seen.has(parameter.id)) {
			seen.add(parameter.id);
			parameters.push(parameter);
		}
	}
	return {
		slug,
		title: text(tool?.title) || slug,
		description: text(tool?.description),
		categories: stringList(tool?.categories),
		parameters,
	};
}

function toParameter(item: IDataObject): WiroParameter | undefined {
	const id = text(item?.id);
	if (!id) return undefined;
	const wiroType = text(item.type).toLowerCase() || 'text';
	const { kind, fileMode } = KINDS[wiroType] ?? { kind: 'text' };
	const parameter: WiroParameter = {
		id,
		name: id,
		label: readableLabel(text(item.label), id),
		kind,
		wiroType,
		required:
			item.required === true ||
			item.required === 'true' ||
			item.required === 1 ||
			item.required === '1',
		note: text(item.note),
	};
	if (fileMode) parameter.fileMode = fileMode;
	if (item.default !== undefined && item.default !== null) parameter.default = text(item.default);
	if (kind === 'select') parameter.options = options(item.options);
	const min = number(item.min);
	const max = number(item.max);
	if (kind === 'number' && min !== undefined) parameter.min = min;
	if (kind === 'number' && max !== undefined) parameter.max = max;
	return parameter;
}

function options(value: unknown): ParameterOption[] {
	if (!Array.isArray(value)) return [];
	return value.flatMap((option: unknown) => {
		if (typeof option === 'string' || typeof option === 'number')
			return [{ value: String(option), label: String(option) }];
		if (typeof option !== 'object' || option === null) return [];
		const { value: optionValue, label } = option as IDataObject;
		if (optionValue === undefined || optionValue === null) return [];
		return [{ value: text(optionValue), label: text(label) || text(optionValue) }];
	});
}

function text(value: unknown): string {
	return typeof value === 'string'
		? value
		: typeof value === 'number' || typeof value === 'boolean'
			? String(value)
			: '';
}

function number(value: unknown): number | undefined {
	if (value === undefined || value === null || value === '') return undefined;
	const parsed = Number(value);
	return Number.isFinite(parsed) ? parsed : undefined;
}

function stringList(value: unknown): string[] {
	if (Array.isArray(value))
		return value.filter((entry): entry is string => typeof entry === 'string');
	if (typeof value === 'string') {
		try {
			return stringList(JSON.parse(value));
		} catch {
			return value
				.split(',')
				.map((entry) => entry.trim())
				.filter(Boolean);
		}
	}
	return [];
}
