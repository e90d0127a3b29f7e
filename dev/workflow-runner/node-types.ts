import {
	NodeConnectionTypes,
	NodeHelpers,
	UnexpectedError,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
	type INodeTypes,
	type ITriggerFunctions,
	type ITriggerResponse,
	type IVersionedNodeType,
} from 'n8n-workflow';

export const MANUAL_TRIGGER_TYPE = 'n8n-nodes-base.manualTrigger';
export const ITEMS_SOURCE_TYPE = 'n8n-nodes-runner.itemsSource';

export type NodeTypeMap = Record<string, INodeType | IVersionedNodeType>;

/** What a test node states of itself; the rest is the same for every one-in, one-out node. */
export type TestNodeSummary = Pick<INodeTypeDescription, 'name' | 'displayName' | 'description'> &
	Partial<Pick<INodeTypeDescription, 'properties' | 'credentials'>>;

/** The description of a one-input, one-output test node (version 1, no parameters unless given). */
export function testNodeDescription(summary: TestNodeSummary): INodeTypeDescription {
	return {
		group: ['transform'],
		version: 1,
		defaults: { name: summary.displayName },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		properties: [],
		...summary,
	};
}

/** Behaves like n8n's Manual Trigger: one empty item when the run starts. */
class ManualTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Manual Trigger',
		name: 'manualTrigger',
		group: ['trigger'],
		version: 1,
		description: 'Starts the workflow when the test runs it',
		defaults: { name: 'Manual Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		properties: [],
	};

	async trigger(this: ITriggerFunctions): Promise<ITriggerResponse> {
		const manualTriggerFunction = async () => {
			this.emit([this.helpers.returnJsonArray([{}])]);
		};
		return { manualTriggerFunction };
	}
}

function parseItems(value: unknown): IDataObject[] {
	const parsed: unknown = typeof value === 'string' ? JSON.parse(value) : value;
	if (!Array.isArray(parsed)) throw new UnexpectedError('Items source: "items" must be an array');
	return parsed.filter(
		(entry): entry is IDataObject => typeof entry === 'object' && entry !== null,
	);
}

/** Emits the JSON items stored in its `items` parameter (a JSON string). */
class ItemsSource implements INodeType {
	description = testNodeDescription({
		displayName: 'Items',
		name: 'itemsSource',
		description: 'Emits fixed test items',
		properties: [{ displayName: 'Items', name: 'items', type: 'json', default: '[]' }],
	});

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const items = parseItems(this.getNodeParameter('items', 0));
		return [items.map((json) => ({ json, pairedItem: { item: 0 } }))];
	}
}

export const builtInNodeTypes: NodeTypeMap = {
	[MANUAL_TRIGGER_TYPE]: new ManualTrigger(),
	[ITEMS_SOURCE_TYPE]: new ItemsSource(),
};

/** The INodeTypes registry n8n-core asks for node classes by type name. */
export class RunnerNodeTypes implements INodeTypes {
	constructor(private readonly types: NodeTypeMap) {}

	getByName(nodeType: string): INodeType | IVersionedNodeType {
		const type = this.types[nodeType];
		if (type === undefined) {
			throw new UnexpectedError(`Unknown node type "${nodeType}": pass it in nodeTypes`);
		}
		return type;
	}

	getByNameAndVersion(nodeType: string, version?: number): INodeType {
		return NodeHelpers.getVersionedNodeType(this.getByName(nodeType), version);
	}

	getKnownTypes(): IDataObject {
		return {};
	}
}
