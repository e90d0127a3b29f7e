import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';
import type { INodeProperties, INodeTypeDescription } from 'n8n-workflow';

import { Wiro } from '../nodes/Wiro/Wiro.node';
import { WiroTrigger } from '../nodes/WiroTrigger/WiroTrigger.node';

const descriptions: Record<string, INodeTypeDescription> = {
	'n8n-nodes-wiro.wiro': new Wiro().description,
	'n8n-nodes-wiro.wiroTrigger': new WiroTrigger().description,
};
const folder = join(__dirname, '..', 'examples');
const examples = readdirSync(folder).filter((file) => file.endsWith('.json'));

interface ExampleNode {
	name: string;
	type: string;
	parameters: Record<string, unknown>;
	credentials?: Record<string, { id: string }>;
}

function isShown(property: INodeProperties, parameters: Record<string, unknown>): boolean {
	const show = property.displayOptions?.show ?? {};
	return Object.entries(show).every(([name, values]) => {
		const value = parameters[name] ?? descriptionsDefault(name);
		return (values ?? []).includes(value as string);
	});
}

function descriptionsDefault(name: string): unknown {
	return descriptions['n8n-nodes-wiro.wiro'].properties.find(
		(property) => property.name === name && !property.displayOptions,
	)?.default;
}

describe('example workflows', () => {
	it('exist for each model, the task flow, the trigger and callback waiting', () => {
		expect(examples.length).toBeGreaterThanOrEqual(6);
	});

	it.each(examples)('%s only sets parameters the node shows for those settings', (file) => {
		const workflow = JSON.parse(readFileSync(join(folder, file), 'utf8')) as {
			id: string;
			nodes: ExampleNode[];
			connections: Record<string, unknown>;
		};
		expect(workflow.id).toMatch(/^\w+$/);
		const ours = workflow.nodes.filter((node) => descriptions[node.type]);
		expect(ours.length).toBeGreaterThan(0);
		for (const node of ours) {
			const properties = descriptions[node.type].properties;
			for (const name of Object.keys(node.parameters)) {
				const shown = properties.filter(
					(property) => property.name === name && isShown(property, node.parameters),
				);
				expect({ node: node.name, name, shown: shown.length > 0 }).toEqual({
					node: node.name,
					name,
					shown: true,
				});
			}
			expect(node.credentials?.wiroApi?.id).toBe('wiroLocalCred01');
		}
		for (const source of Object.keys(workflow.connections)) {
			expect(workflow.nodes.map((node) => node.name)).toContain(source);
		}
	});
});
