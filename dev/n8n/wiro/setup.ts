import type { N8nInstall } from '../install';
import { N8nInstance, type CredentialToImport, type WorkflowToImport } from '../instance';
import type { LogLine } from '../run-command';
import { repoRoot } from './paths';

export interface WiroN8nOptions {
	install: N8nInstall;
	credential: CredentialToImport;
	/** Imported in one go; ids are kept. */
	workflows: (n8nBaseUrl: string) => WorkflowToImport[];
	/** Workflows whose triggers and webhooks are live once the server starts. */
	publish?: string[] | undefined;
	port?: number | undefined;
	/** Reuse this N8N_USER_FOLDER (kept on stop); a temp one otherwise. */
	userFolder?: string | undefined;
	env?: Record<string, string> | undefined;
	log?: LogLine | undefined;
}

/**
 * A real n8n with this repository's package linked in, the Wiro credential
 * and the given workflows imported and published: what the e2e suite,
 * `npm start`, `npm run demo` and the screenshot script all start from.
 * The server is not started yet (imports and publishing must come first).
 */
export async function prepareWiroN8n(options: WiroN8nOptions): Promise<N8nInstance> {
	const n8n = await N8nInstance.create({
		install: options.install,
		packageDir: repoRoot(),
		port: options.port,
		userFolder: options.userFolder,
		env: options.env,
		log: options.log,
	});
	try {
		await n8n.importCredentials([options.credential]);
		await n8n.importWorkflows(options.workflows(n8n.baseUrl));
		for (const id of options.publish ?? []) await n8n.publishWorkflow(id);
		return n8n;
	} catch (error) {
		await n8n.stop();
		throw error;
	}
}
