import { updateDisplayOptions, type AllEntities, type INodeProperties, type INodePropertyOptions } from 'n8n-workflow';

/** Every resource of the node with its operations: the router, the fields and the options follow from it. */
type NodeMap = {
	video: 'generate';
	task: 'cancel' | 'deleteFiles' | 'get' | 'kill' | 'wait';
};

export type WiroType = AllEntities<NodeMap>;
export type WiroResource = keyof NodeMap;
export type WiroOperation<R extends WiroResource> = NodeMap[R];

/** One entry per resource and operation: a missing or misspelt operation does not compile. */
export type PerOperation<T> = { [E in WiroType as E['resource']]: Record<E['operation'], T> };

/** Fields shown only for one operation of one resource. */
export function forOperation<R extends WiroResource>(resource: R, operation: WiroOperation<R>, properties: INodeProperties[]): INodeProperties[] {
	return updateDisplayOptions({ show: { resource: [resource], operation: [operation] } }, properties);
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
		options: entries.map(([value, option]) => ({ ...option, value })).sort((a, b) => a.name.localeCompare(b.name)),
		default: defaultOperation,
	};
}
