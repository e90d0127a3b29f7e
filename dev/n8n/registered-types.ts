import { isJsonObject, stringField, type JsonObject } from './json-guards';
import { httpRequest } from './rest-client';

export interface RegisteredTypes {
	/** Node type names, e.g. `n8n-nodes-base.webhook`, `n8n-nodes-wiro.wiro`. */
	nodes: string[];
	/** Credential type names, e.g. `wiroApi`. */
	credentials: string[];
	/** Full descriptions by node type name (last version listed wins). */
	nodeDescriptions: Map<string, JsonObject>;
}

async function fetchTypeFile(baseUrl: string, cookie: string, file: string): Promise<JsonObject[]> {
	const response = await httpRequest(new URL(`types/${file}`, baseUrl).href, {
		headers: { cookie },
		timeoutMs: 60_000,
	});
	if (response.status !== 200 || !Array.isArray(response.body)) {
		throw new Error(
			`GET /types/${file} failed with HTTP ${response.status}: ${response.text.slice(0, 300)}`,
		);
	}
	return response.body.filter(isJsonObject);
}

function namesOf(entries: JsonObject[]): string[] {
	const names = entries
		.map((entry) => stringField(entry, 'name'))
		.filter((name): name is string => name !== undefined);
	return [...new Set(names)].sort();
}

/**
 * The editor's own lists of what this n8n has loaded: /types/nodes.json and
 * /types/credentials.json, written at startup and served to a logged-in user.
 */
export async function fetchRegisteredTypes(
	baseUrl: string,
	cookie: string,
): Promise<RegisteredTypes> {
	const [nodes, credentials] = await Promise.all([
		fetchTypeFile(baseUrl, cookie, 'nodes.json'),
		fetchTypeFile(baseUrl, cookie, 'credentials.json'),
	]);
	const nodeDescriptions = new Map<string, JsonObject>();
	for (const node of nodes) {
		const name = stringField(node, 'name');
		if (name) nodeDescriptions.set(name, node);
	}
	return { nodes: namesOf(nodes), credentials: namesOf(credentials), nodeDescriptions };
}
