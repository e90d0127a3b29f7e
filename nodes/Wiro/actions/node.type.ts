import type { AllEntities } from 'n8n-workflow';

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
