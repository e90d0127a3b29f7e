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
		const publish = options.publish ?? [];
		for (const id of publish) await n8n.publishWorkflow(id);
		if (publish.length > 0) {
			// n8n's publish command catches a database error and only logs it: check what it stored.
			const published = new Set(await n8n.publishedWorkflowIds());
			const missing = publish.filter((id) => !published.has(id));
			if (missing.length > 0)
				throw new Error(`n8n did not publish workflow(s) ${missing.join(', ')}`);
		}
		return n8n;
	} catch (error) {
		await n8n.stop();
		throw error;
	}
}
