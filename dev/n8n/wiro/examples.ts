import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { WorkflowToImport } from '../instance';
import { isJsonObject, type JsonObject } from '../json-guards';
import { examplesDir } from './paths';

/** The example workflows in `examples/`, by what they show. */
export const EXAMPLE_FILES = {
	pixverse: 'pixverse-generate-video.json',
	ltxBatch: 'ltx-video-batch.json',
	startThenWait: 'fire-and-forget-then-wait.json',
	trigger: 'wiro-trigger-on-callback.json',
	startWithCallbackUrl: 'start-with-callback-url.json',
	pauseForCallback: 'generate-and-pause-for-callback.json',
	otherModel: 'other-model-image-to-video.json',
} as const;

export type ExampleName = keyof typeof EXAMPLE_FILES;

/** The n8n address the examples are written for (`npm start`). */
export const EXAMPLES_N8N_URL = 'http://localhost:5678/';

/** Name of the Manual Trigger in every example that has one. */
export const MANUAL_TRIGGER_NAME = 'When clicking ‘Execute workflow’';

function parseWorkflow(text: string, file: string): WorkflowToImport {
	const parsed: unknown = JSON.parse(text);
	if (
		!isJsonObject(parsed) ||
		typeof parsed['id'] !== 'string' ||
		typeof parsed['name'] !== 'string' ||
		!Array.isArray(parsed['nodes']) ||
		!isJsonObject(parsed['connections'])
	) {
		throw new Error(`${file} is not an n8n workflow with id, name, nodes and connections`);
	}
	return parsed as WorkflowToImport;
}

export function loadExample(name: ExampleName): WorkflowToImport {
	const file = join(examplesDir(), EXAMPLE_FILES[name]);
	return parseWorkflow(readFileSync(file, 'utf8'), file);
}

/** Every workflow in `examples/`, including any not listed in EXAMPLE_FILES. */
export function loadAllExamples(): WorkflowToImport[] {
	return readdirSync(examplesDir())
		.filter((file) => file.endsWith('.json'))
		.sort()
		.map((file) => parseWorkflow(readFileSync(join(examplesDir(), file), 'utf8'), file));
}

function mapStrings(value: unknown, change: (text: string) => string): unknown {
	if (typeof value === 'string') return change(value);
	if (Array.isArray(value)) return value.map((entry) => mapStrings(entry, change));
	if (isJsonObject(value))
		return Object.fromEntries(
			Object.entries(value).map(([key, entry]) => [key, mapStrings(entry, change)]),
		);
	return value;
}

/**
 * The examples name n8n as `http://localhost:5678/` (the Wiro node's Callback
 * URL option); this points them at another n8n instead.
 */
export function pointAtN8n(workflow: WorkflowToImport, n8nBaseUrl: string): WorkflowToImport {
	if (n8nBaseUrl === EXAMPLES_N8N_URL) return workflow;
	return mapStrings(workflow, (text) =>
		text.split(EXAMPLES_N8N_URL).join(n8nBaseUrl),
	) as WorkflowToImport;
}

export function findNode(workflow: WorkflowToImport, nodeName: string): JsonObject {
	const node = workflow.nodes.find((candidate) => candidate['name'] === nodeName);
	if (!node) throw new Error(`Workflow ${workflow.id} has no node named ${nodeName}`);
	return node;
}

/** A deep copy under a new id and name, for a test-only variant of an example. */
export function copyWorkflow(
	workflow: WorkflowToImport,
	id: string,
	name: string,
): WorkflowToImport {
	const copy = structuredClone(workflow);
	copy.id = id;
	copy.name = name;
	return copy;
}

/** Merges `parameters` into a node's parameters (and `settings` into the node itself). */
export function patchNode(
	workflow: WorkflowToImport,
	nodeName: string,
	parameters: JsonObject,
	settings: JsonObject = {},
): WorkflowToImport {
	const node = findNode(workflow, nodeName);
	const current = isJsonObject(node['parameters']) ? node['parameters'] : {};
	node['parameters'] = { ...current, ...parameters };
	Object.assign(node, settings);
	return workflow;
}

/** Renames a node in place, connections included. */
function renameNode(workflow: WorkflowToImport, from: string, to: string): void {
	findNode(workflow, from)['name'] = to;
	const connections = workflow.connections;
	if (from in connections) {
		connections[to] = connections[from];
		delete connections[from];
	}
	workflow.connections = mapStrings(connections, (text) =>
		text === from ? to : text,
	) as JsonObject;
}

/**
 * Swaps the Manual Trigger for a Webhook trigger (POST, answers at once), so
 * that the running n8n server starts the workflow: a run started by the
 * `n8n execute` CLI cannot pause and resume.
 */
export function startWithWebhook(
	workflow: WorkflowToImport,
	path: string,
	nodeName = 'Start Webhook',
): WorkflowToImport {
	renameNode(workflow, MANUAL_TRIGGER_NAME, nodeName);
	const node = findNode(workflow, nodeName);
	node['type'] = 'n8n-nodes-base.webhook';
	node['typeVersion'] = 2;
	node['webhookId'] = randomUUID();
	node['parameters'] = { httpMethod: 'POST', path, responseMode: 'onReceived', options: {} };
	return workflow;
}

/**
 * Feeds `intoNode` one item per prompt (`{prompt}`) from a Code node named
 * `nodeName`: the existing one (as in the LTX batch example) gets the new
 * prompts, or one is inserted after the Manual Trigger.
 */
export function feedPrompts(
	workflow: WorkflowToImport,
	prompts: string[],
	intoNode: string,
	nodeName = 'Prompts',
): WorkflowToImport {
	const jsCode = `return ${JSON.stringify(prompts.map((prompt) => ({ json: { prompt } })))};`;
	if (workflow.nodes.some((node) => node['name'] === nodeName))
		return patchNode(workflow, nodeName, { jsCode });
	workflow.nodes.push({
		id: randomUUID(),
		name: nodeName,
		type: 'n8n-nodes-base.code',
		typeVersion: 2,
		position: [110, 200],
		parameters: { jsCode },
	});
	workflow.connections[MANUAL_TRIGGER_NAME] = {
		main: [[{ node: nodeName, type: 'main', index: 0 }]],
	};
	workflow.connections[nodeName] = { main: [[{ node: intoNode, type: 'main', index: 0 }]] };
	return patchNode(workflow, intoNode, { prompt: '={{ $json.prompt }}' });
}
