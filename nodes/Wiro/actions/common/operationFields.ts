import {
	updateDisplayOptions,
	type INodeProperties,
	type INodePropertyOptions,
} from 'n8n-workflow';

import type { WiroOperation, WiroResource } from '../node.type';

/** Fields shown only for one operation of one resource. */
export function forOperation<R extends WiroResource>(
	resource: R,
	operation: WiroOperation<R>,
	properties: INodeProperties[],
): INodeProperties[] {
	return updateDisplayOptions(
		{ show: { resource: [resource], operation: [operation] } },
		properties,
	);
}

/** The Operation field of a resource, with one option for each of its operations (sorted by name). */
export function operationField<R extends WiroResource>(
	resource: R,
	options: Record<WiroOperation<R>, Omit<INodePropertyOptions, 'value'>>,
	defaultOperation: WiroOperation<R>,
): INodeProperties {
	const entries: Array<[string, Omit<INodePropertyOptions, 'value'>]> = Object.entries(options);
	return {
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: [resource] } },
		options: entries
			.map(([value, option]) => ({ ...option, value }))
			.sort((a, b) => a.name.localeCompare(b.name)),
		default: defaultOperation,
	};
}
