import {
	NodeConnectionTypes,
	UnexpectedError,
	type IConnections,
	type IDataObject,
	type INode,
} from 'n8n-workflow';

import { ITEMS_SOURCE_TYPE, MANUAL_TRIGGER_TYPE } from './node-types';

export const TRIGGER_NODE_NAME = 'Manual Trigger';
export const ITEMS_NODE_NAME = 'Items';

export interface WorkflowShape {
	nodes: INode[];
	connections?: IConnections;
	items?: IDataObject[];
}

export interface AssembledWorkflow {
	nodes: INode[];
	connections: IConnections;
	startNode: INode;
}

/** A version-1 node for a test workflow; its id is its name (unique in a workflow). */
export function workflowNode(
	name: string,
	type: string,
	parameters: INode['parameters'],
	x = 0,
): INode {
	return { id: name, name, type, typeVersion: 1, position: [x, 0], parameters };
}

function link(connections: IConnections, from: string, to: string): void {
	const outputs = (connections[from] ??= {});
	const main = (outputs[NodeConnectionTypes.Main] ??= []);
	const first = (main[0] ??= []);
	first.push({ node: to, type: NodeConnectionTypes.Main, index: 0 });
}

/**
 * Manual Trigger -> (Items) -> nodes[0] -> nodes[1] ... unless the test gives
 * its own connections (then only the lead-in is added) or starts with its own
 * Manual Trigger node (then nothing is added).
 */
export function assembleWorkflow(shape: WorkflowShape): AssembledWorkflow {
	const given = shape.nodes.map((node, index) => ({
		...node,
		position: node.position ?? [(index + 2) * 220, 0],
	}));
	const [first] = given;
	if (first === undefined) throw new UnexpectedError('runWorkflow needs at least one node');
	const connections: IConnections = structuredClone(shape.connections ?? {});
	if (shape.connections === undefined) {
		given.slice(1).forEach((node, index) => link(connections, given[index].name, node.name));
	}
	if (first.type === MANUAL_TRIGGER_TYPE) {
		if (shape.items !== undefined) {
			throw new UnexpectedError('Pass either `items` or your own Manual Trigger node, not both');
		}
		return { nodes: given, connections, startNode: first };
	}

	const taken = new Set(given.map((node) => node.name));
	for (const name of [TRIGGER_NODE_NAME, ITEMS_NODE_NAME]) {
		if (taken.has(name))
			throw new UnexpectedError(`Node name "${name}" is reserved by the workflow runner`);
	}
	const trigger = workflowNode(TRIGGER_NODE_NAME, MANUAL_TRIGGER_TYPE, {});
	const lead: INode[] = [trigger];
	if (shape.items !== undefined) {
		lead.push(
			workflowNode(ITEMS_NODE_NAME, ITEMS_SOURCE_TYPE, { items: JSON.stringify(shape.items) }, 220),
		);
	}
	const chain = [...lead, first];
	chain.slice(1).forEach((node, index) => link(connections, chain[index].name, node.name));
	return { nodes: [...lead, ...given], connections, startNode: trigger };
}
