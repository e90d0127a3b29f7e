import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const PACKAGE_JSON = {
	name: 'n8n-nodes-smoke',
	version: '0.0.1',
	license: 'MIT',
	keywords: ['n8n-community-node-package'],
	n8n: {
		n8nNodesApiVersion: 1,
		nodes: ['dist/nodes/Smoke.node.js'],
		credentials: ['dist/credentials/SmokeApi.credentials.js'],
	},
};

/** Outputs {hello: <greeting>, tokenLength}; the greeting "boom" makes it throw. */
const SMOKE_NODE = `class Smoke {
	constructor() {
		this.description = {
			displayName: 'Smoke', name: 'smoke', group: ['transform'], version: 1,
			description: 'Says hello', defaults: { name: 'Smoke' }, inputs: ['main'], outputs: ['main'],
			credentials: [{ name: 'smokeApi', required: false }],
			properties: [{ displayName: 'Greeting', name: 'greeting', type: 'string', default: 'world' }],
		};
	}
	async execute() {
		let tokenLength = null;
		try {
			tokenLength = String((await this.getCredentials('smokeApi')).token).length;
		} catch {}
		return [this.getInputData().map((item, index) => {
			const greeting = this.getNodeParameter('greeting', index);
			if (greeting === 'boom') throw new Error('boom requested');
			return { json: { hello: greeting, tokenLength, input: item.json }, pairedItem: { item: index } };
		})];
	}
}
module.exports = { Smoke };
`;

const SMOKE_CREDENTIAL = `class SmokeApi {
	constructor() {
		this.name = 'smokeApi';
		this.displayName = 'Smoke API';
		this.properties = [{ displayName: 'Token', name: 'token', type: 'string', typeOptions: { password: true }, default: '' }];
	}
}
module.exports = { SmokeApi };
`;

/** Writes a minimal community package (plain JS) into a new temp folder. */
export async function writeSmokePackage(): Promise<string> {
	const dir = await mkdtemp(join(tmpdir(), 'n8n-nodes-smoke-'));
	await mkdir(join(dir, 'dist', 'nodes'), { recursive: true });
	await mkdir(join(dir, 'dist', 'credentials'), { recursive: true });
	await writeFile(join(dir, 'package.json'), JSON.stringify(PACKAGE_JSON, null, 2));
	await writeFile(join(dir, 'dist', 'nodes', 'Smoke.node.js'), SMOKE_NODE);
	await writeFile(join(dir, 'dist', 'credentials', 'SmokeApi.credentials.js'), SMOKE_CREDENTIAL);
	return dir;
}
