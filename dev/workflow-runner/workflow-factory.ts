import {
	Workflow,
	type IConnections,
	type IDataObject,
	type INode,
	type IWorkflowBase,
	type IWorkflowSettings,
} from 'n8n-workflow';

import { builtInNodeTypes, RunnerNodeTypes, type NodeTypeMap } from './node-types';

export const WORKFLOW_ID = 'runnerWorkflow1';
const WORKFLOW_NAME = 'Workflow runner workflow';

export interface RunnerWorkflow {
	workflow: Workflow;
	/** The saved-workflow shape ExecutionLifecycleHooks wants. */
	workflowData: IWorkflowBase;
	nodeTypes: RunnerNodeTypes;
}

/**
 * Nodes that declare a credential type the test supplies, and have no
 * `credentials` of their own, get a reference to it (as if picked in the UI).
 */
function withCredentials(nodes: INode[], nodeTypes: RunnerNodeTypes, available: string[]): INode[] {
	return nodes.map((node) => {
		if (node.credentials !== undefined) return node;
		const { credentials = [] } = nodeTypes.getByNameAndVersion(
			node.type,
			node.typeVersion,
		).description;
		const usable = credentials.filter((credential) => available.includes(credential.name));
		if (usable.length === 0) return node;
		const entries = usable.map(({ name }) => [
			name,
			{ id: `${name}-test`, name: `${name} (test)` },
		]);
		return { ...node, credentials: Object.fromEntries(entries) };
	});
}

export function createRunnerWorkflow(options: {
	nodes: INode[];
	connections: IConnections;
	nodeTypes: NodeTypeMap;
	credentialTypeNames: string[];
	staticData?: IDataObject;
	settings?: IWorkflowSettings;
	active: boolean;
}): RunnerWorkflow {
	const nodeTypes = new RunnerNodeTypes({ ...builtInNodeTypes, ...options.nodeTypes });
	const nodes = withCredentials(options.nodes, nodeTypes, options.credentialTypeNames);
	const settings: IWorkflowSettings = { executionOrder: 'v1', ...options.settings };
	const { connections, active } = options;
	const workflow = new Workflow({
		id: WORKFLOW_ID,
		name: WORKFLOW_NAME,
		nodes,
		connections,
		active,
		nodeTypes,
		staticData: options.staticData,
		settings,
	});
	const workflowData: IWorkflowBase = {
		id: WORKFLOW_ID,
		name: WORKFLOW_NAME,
		active,
		isArchived: false,
		activeVersionId: null,
		createdAt: new Date(),
		updatedAt: new Date(),
		nodes,
		connections,
		settings,
	};
	return { workflow, workflowData, nodeTypes };
}
