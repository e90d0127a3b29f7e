import { randomBytes, randomUUID } from 'node:crypto';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { buildN8nEnv } from './n8n-env';
import { parseExecuteOutput, type ExecutionResult } from './execution-result';
import { findFreePort, findFreePorts } from './free-port';
import { defaultLog, installedN8nVersion, type N8nInstall } from './install';
import type { JsonObject } from './json-guards';
import { logMessages } from './log-messages';
import { runN8nCommand } from './n8n-command';
import { testCredential, type CredentialTestResult } from './credential-test';
import {
	setupOwnerAndApiKey,
	signInOwner,
	type OwnerAccess,
	type OwnerAccount,
} from './owner-setup';
import { trackTempFolder, untrackTempFolder } from './process-cleanup';
import { listExecutions, type ListExecutionsQuery, type PublicExecution } from './public-api';
import { fetchRegisteredTypes, type RegisteredTypes } from './registered-types';
import { outputTail, type LogLine } from './run-command';
import { N8nServerProcess } from './server-process';
import { prepareUserFolder } from './user-folder';
import { waitForWebhook } from './webhook-wait';
import { sleep } from './wait-until';

export interface N8nInstanceOptions {
	install: N8nInstall;
	/** The package folder (package.json with an `n8n` block, and dist/). */
	packageDir: string;
	/** Free ports are picked when left out. */
	port?: number | undefined;
	brokerPort?: number | undefined;
	/** Extra or overriding n8n environment variables. */
	env?: Record<string, string> | undefined;
	/** Reuse this N8N_USER_FOLDER (kept on stop); a temp one otherwise. */
	userFolder?: string | undefined;
	log?: LogLine | undefined;
}

/** The shape `n8n import:credentials` takes; `data` holds the plain fields. */
export interface CredentialToImport {
	id: string;
	name: string;
	type: string;
	data: Record<string, unknown>;
}

/** A workflow as exported by n8n; `id` is kept on import. */
export interface WorkflowToImport extends JsonObject {
	id: string;
	name: string;
	nodes: JsonObject[];
	connections: JsonObject;
}

export interface StartOptions {
	readyTimeoutMs?: number | undefined;
}

const CLI_TIMEOUT_MS = 120_000;
const EXECUTE_TIMEOUT_MS = 180_000;

/**
 * A real n8n with one community package linked in: CLI commands (import,
 * publish, execute) and `n8n start` with the REST and public APIs.
 */
export class N8nInstance {
	private server: N8nServerProcess | undefined;
	private access: OwnerAccess | undefined;
	private importCount = 0;

	private constructor(
		readonly install: N8nInstall,
		readonly env: Record<string, string>,
		readonly port: number,
		readonly brokerPort: number,
		readonly userFolder: string,
		readonly packageName: string,
		private readonly ownsUserFolder: boolean,
		private readonly log: LogLine,
	) {}

	static async create(options: N8nInstanceOptions): Promise<N8nInstance> {
		const prepared = await prepareUserFolder(options.packageDir, options.userFolder);
		if (prepared.isTemporary) trackTempFolder(prepared.userFolder);
		const [freePort = 0, otherFreePort = 0] = await findFreePorts(2);
		const port = options.port ?? freePort;
		const brokerPort = options.brokerPort ?? (otherFreePort !== port ? otherFreePort : freePort);
		const env = buildN8nEnv({
			nodeBin: options.install.nodeBin,
			userFolder: prepared.userFolder,
			port,
			brokerPort,
			encryptionKey: prepared.existingEncryptionKey ?? randomBytes(24).toString('hex'),
			// execute() reads its result from JSON log lines, so this one is not overridable.
			extra: { ...options.env, N8N_LOG_FORMAT: 'json' },
		});
		// n8n 1.x refuses to start when told to disable a module it does not know.
		if ((await installedN8nVersion(options.install)).startsWith('1.'))
			delete env['N8N_DISABLED_MODULES'];
		return new N8nInstance(
			options.install,
			env,
			port,
			brokerPort,
			prepared.userFolder,
			prepared.packageName,
			prepared.isTemporary,
			options.log ?? defaultLog,
		);
	}

	/** `http://127.0.0.1:<port>/` */
	get baseUrl(): string {
		return `http://127.0.0.1:${this.port}/`;
	}

	/** Production webhook URL: `<base>/webhook/<path>` (path may be `<webhookId>/<path>`). */
	webhookUrl(path: string): string {
		return new URL(`webhook/${path.replace(/^\/+/, '')}`, this.baseUrl).href;
	}

	/** Node type name of a node in our package: `<package name>.<node name>`. */
	nodeType(nodeName: string): string {
		return `${this.packageName}.${nodeName}`;
	}

	private async writeImportFile(kind: string, content: unknown): Promise<string> {
		const folder = join(this.userFolder, 'e2e-imports');
		await mkdir(folder, { recursive: true });
		const file = join(folder, `${kind}-${++this.importCount}.json`);
		await writeFile(file, JSON.stringify(content, null, 2));
		return file;
	}

	/**
	 * Each CLI process gets its own task-runner broker port, so a command can
	 * run while the server (or another command) holds the instance's one.
	 */
	private async cliEnv(): Promise<Record<string, string>> {
		return { ...this.env, N8N_RUNNERS_BROKER_PORT: String(await findFreePort()) };
	}

	/** n8n logs a package it cannot load and carries on; we stop there instead. */
	private packageLoadError(lines: string[]): Error {
		return new Error(
			`n8n could not load ${this.packageName} (is dist/ built?):\n${lines.join('\n')}`,
		);
	}

	private assertPackageLoaded(output: string): void {
		const lines = output
			.split('\n')
			.filter((line) => line.includes('Failed to load package') && line.includes(this.packageName));
		if (lines.length > 0) throw this.packageLoadError(lines.map((line) => line.slice(0, 2000)));
	}

	/** Runs `n8n <args>` with this instance's environment; returns stdout+stderr. */
	async runCli(args: string[], timeoutMs = CLI_TIMEOUT_MS): Promise<string> {
		const env = await this.cliEnv();
		const result = await runN8nCommand({
			install: this.install,
			env,
			args,
			timeoutMs,
			log: this.log,
		});
		const output = `${result.stdout}\n${result.stderr}`;
		this.assertPackageLoaded(output);
		return output;
	}

	async importCredentials(credentials: CredentialToImport[]): Promise<void> {
		const file = await this.writeImportFile('credentials', credentials);
		await this.runCli(['import:credentials', `--input=${file}`]);
	}

	async importWorkflow(workflow: WorkflowToImport): Promise<void> {
		await this.importWorkflows([workflow]);
	}

	/** Several workflows in one `n8n import:workflow` (one cold start instead of many). */
	async importWorkflows(workflows: WorkflowToImport[]): Promise<void> {
		// n8n 1.x stores no workflow without a versionId; 2.x makes one itself.
		const is1x = (await installedN8nVersion(this.install)).startsWith('1.');
		const prepared = is1x
			? workflows.map((workflow) => ({ versionId: randomUUID(), ...workflow }))
			: workflows;
		const file = await this.writeImportFile('workflow', prepared);
		await this.runCli(['import:workflow', `--input=${file}`]);
	}

	/** Activates the workflow's triggers and webhooks at the next `start()`. */
	async publishWorkflow(id: string): Promise<void> {
		await this.runCli(['publish:workflow', `--id=${id}`]);
	}

	/** Ids of the workflows n8n will activate at start (`n8n list:workflow --active=true`). */
	async publishedWorkflowIds(): Promise<string[]> {
		const output = await this.runCli(['list:workflow', '--active=true', '--onlyId']);
		return logMessages(output.split('\n'))
			.map((message) => message.trim())
			.filter((message) => /^[A-Za-z0-9]+$/.test(message));
	}

	/** `n8n execute --id=…`: the workflow must start with a Manual Trigger. */
	async execute(workflowId: string, timeoutMs = EXECUTE_TIMEOUT_MS): Promise<ExecutionResult> {
		const result = await runN8nCommand({
			install: this.install,
			env: await this.cliEnv(),
			args: ['execute', `--id=${workflowId}`],
			timeoutMs,
			log: this.log,
			allowFailure: true,
		});
		const output = `${result.stdout}\n${result.stderr}`;
		this.assertPackageLoaded(output);
		const parsed = parseExecuteOutput(output);
		if (!parsed)
			throw new Error(
				`n8n execute printed no execution (exit ${result.exitCode}):\n${outputTail(result)}`,
			);
		return parsed;
	}

	/** Node type names from `n8n export:nodes` (no server needed; no credentials). */
	async exportNodeTypeNames(): Promise<string[]> {
		const file = join(this.userFolder, 'e2e-imports', `nodes-${Date.now()}.json`);
		await mkdir(join(this.userFolder, 'e2e-imports'), { recursive: true });
		await this.runCli(['export:nodes', `--output=${file}`]);
		const parsed: unknown = JSON.parse(await readFile(file, 'utf8'));
		if (!Array.isArray(parsed)) throw new Error('export:nodes wrote no list');
		const names = parsed.map((entry: unknown) =>
			typeof entry === 'object' &&
			entry !== null &&
			'name' in entry &&
			typeof entry.name === 'string'
				? entry.name
				: '',
		);
		return [...new Set(names.filter((name) => name !== ''))].sort();
	}

	async start(options: StartOptions = {}): Promise<void> {
		if (this.server?.isRunning) return;
		this.server = await N8nServerProcess.start({
			install: this.install,
			env: this.env,
			baseUrl: this.baseUrl,
			logFile: join(this.userFolder, `n8n-server-${Date.now()}.log`),
			log: this.log,
			readyTimeoutMs: options.readyTimeoutMs ?? 120_000,
		});
		const loadErrors = this.server.packageLoadErrors.filter((line) =>
			line.includes(this.packageName),
		);
		if (loadErrors.length > 0) {
			await this.stopServer();
			throw this.packageLoadError(loadErrors);
		}
	}

	/** Whether `n8n start` is up (false before start() and after it exited or was stopped). */
	get isServerRunning(): boolean {
		return this.server?.isRunning ?? false;
	}

	/** The server's recent output, for failure messages. */
	get serverOutput(): string {
		return this.server?.output ?? '';
	}

	/** Stops the server but keeps the user folder, so `start()` can follow. */
	async stopServer(): Promise<void> {
		await this.server?.stop();
		this.server = undefined;
		this.access = undefined;
	}

	/** Stops the server and deletes the temp user folder. */
	async stop(): Promise<void> {
		await this.stopServer();
		if (this.ownsUserFolder) {
			await rm(this.userFolder, { recursive: true, force: true });
			untrackTempFolder(this.userFolder);
		}
	}

	private requireServer(): void {
		if (!this.server?.isRunning) throw new Error('n8n is not running: call start() first');
	}

	/** Creates the owner (or signs in as it), without an API key; returns the session cookie. */
	async signInOwner(owner?: OwnerAccount): Promise<string> {
		this.requireServer();
		return signInOwner(this.baseUrl, owner);
	}

	/** Creates the owner (or logs in) and an API key; cached until the server stops. */
	async setupOwnerAndApiKey(owner?: OwnerAccount): Promise<OwnerAccess> {
		this.requireServer();
		this.access ??= await setupOwnerAndApiKey(this.baseUrl, owner);
		return this.access;
	}

	/**
	 * What the credential dialog's test does: POST /rest/credentials/test with
	 * the stored credential's id and the data to try (plain values replace the
	 * stored ones), as the owner.
	 */
	async testCredential(credential: CredentialToImport): Promise<CredentialTestResult> {
		const { cookie } = await this.setupOwnerAndApiKey();
		return testCredential(this.baseUrl, cookie, credential);
	}

	async listExecutions(query: ListExecutionsQuery = {}): Promise<PublicExecution[]> {
		const { apiKey } = await this.setupOwnerAndApiKey();
		return listExecutions(this.baseUrl, apiKey, query);
	}

	/** Polls the public API until an execution matches, newest first. */
	async waitForExecution(
		predicate: (execution: PublicExecution) => boolean,
		timeoutMs: number,
		query: ListExecutionsQuery = { includeData: true },
	): Promise<PublicExecution> {
		const deadline = Date.now() + timeoutMs;
		let seen: PublicExecution[] = [];
		while (Date.now() < deadline) {
			seen = await this.listExecutions(query);
			const match = seen.find(predicate);
			if (match) return match;
			await sleep(500);
		}
		const summary =
			seen.map((execution) => `${execution.id}:${execution.status}`).join(', ') || 'none';
		throw new Error(`No matching execution after ${timeoutMs} ms (seen: ${summary})`);
	}

	/** Waits until this n8n serves the production webhook at `path` (see webhook-wait.ts). */
	async waitForWebhook(path: string, method = 'POST', timeoutMs = 60_000): Promise<void> {
		this.requireServer();
		await waitForWebhook({
			url: this.webhookUrl(path),
			method,
			timeoutMs,
			log: this.log,
			details: () => `n8n's recent output:\n${this.serverOutput.slice(-6000)}`,
		});
	}

	/** Node and credential types this running n8n has registered. */
	async getNodeTypes(): Promise<RegisteredTypes> {
		const { cookie } = await this.setupOwnerAndApiKey();
		return fetchRegisteredTypes(this.baseUrl, cookie);
	}
}
