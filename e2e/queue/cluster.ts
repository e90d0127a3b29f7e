import { randomBytes } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { N8nInstance, type N8nInstall } from '../../dev/n8n';
import { findFreePorts } from '../../dev/n8n/free-port';
import type { LogLine } from '../../dev/n8n/run-command';
import { mainOnlyEnv, sharedQueueEnv, workerEnv } from './queue-env';
import { logMessages } from '../../dev/n8n';
import { waitForWebhook } from '../../dev/n8n/webhook-wait';
import { startRole } from './role-process';
import type { ManagedProcess, PostgresServer, RedisServer, Tracker } from './services';

export interface QueueClusterOptions {
	install: N8nInstall;
	packageDir: string;
	redis: RedisServer;
	postgres: PostgresServer;
	/** Logs and the shared binary data folder go here. */
	runDir: string;
	/** Imports and publishing through the main's CLI, before any process starts. */
	prepare: (main: N8nInstance, webhookBaseUrl: string) => Promise<void>;
	log: LogLine;
	/** Told every user folder and process group, to clean up if the test process dies. */
	tracker?: Tracker | undefined;
}

/**
 * n8n in queue mode: `n8n start` (editor and API; production webhooks off),
 * `n8n worker` (runs the executions) and `n8n webhook` (receives webhooks,
 * callbacks and resume calls), each with its own user folder with the package
 * linked in, sharing Redis, PostgreSQL, the encryption key and a binary data
 * folder.
 */
export class QueueCluster {
	private worker: ManagedProcess | undefined;
	private webhook: ManagedProcess | undefined;

	private constructor(
		readonly main: N8nInstance,
		private readonly workerInstance: N8nInstance,
		private readonly webhookInstance: N8nInstance,
		readonly binaryDataDir: string,
	) {}

	/** `http://127.0.0.1:<webhook process port>/`: N8N_WEBHOOK_URL of every process. */
	get webhookBaseUrl(): string {
		return this.webhookInstance.baseUrl;
	}

	/** Production webhook URL on the webhook process. */
	webhookUrl(path: string): string {
		return new URL(`webhook/${path.replace(/^\/+/, '')}`, this.webhookBaseUrl).href;
	}

	/** Waits until the webhook process serves POST `path` (the main activates published workflows in the background). */
	async waitForWebhook(path: string, log: LogLine): Promise<void> {
		await waitForWebhook({
			url: this.webhookUrl(path),
			method: 'POST',
			timeoutMs: 60_000,
			log,
			details: () =>
				[
					`webhook process:\n${this.webhookMessages().slice(-40).join('\n')}`,
					`main:\n${this.mainMessages().slice(-40).join('\n')}`,
				].join('\n'),
		});
	}

	workerMessages(): string[] {
		return logMessages(this.worker?.lines ?? []);
	}

	webhookMessages(): string[] {
		return logMessages(this.webhook?.lines ?? []);
	}

	mainMessages(): string[] {
		return logMessages(this.main.serverOutput.split('\n'));
	}

	static async start(options: QueueClusterOptions): Promise<QueueCluster> {
		const ports = await findFreePorts(6);
		const take = (): number => {
			const value = ports.shift();
			if (value === undefined) throw new Error('findFreePorts returned too few ports');
			return value;
		};
		const [mainPort, mainBroker, workerHealth, workerBroker, webhookPort, webhookBroker] = [
			take(),
			take(),
			take(),
			take(),
			take(),
			take(),
		];
		const binaryDataDir = join(options.runDir, 'binary-data');
		await mkdir(binaryDataDir, { recursive: true });
		const shared = sharedQueueEnv({
			redis: options.redis,
			postgres: options.postgres,
			encryptionKey: randomBytes(24).toString('hex'),
			binaryDataDir,
			webhookBaseUrl: `http://127.0.0.1:${String(webhookPort)}/`,
		});
		const base = { install: options.install, packageDir: options.packageDir, log: options.log };
		const instances: N8nInstance[] = [];
		const create = async (
			listenPort: number,
			brokerPort: number,
			env: Record<string, string>,
		): Promise<N8nInstance> => {
			const instance = await N8nInstance.create({ ...base, port: listenPort, brokerPort, env });
			instances.push(instance);
			options.tracker?.trackFolder(instance.userFolder);
			return instance;
		};
		let cluster: QueueCluster | undefined;
		try {
			const main = await create(mainPort, mainBroker, { ...shared, ...mainOnlyEnv() });
			const worker = await create(workerHealth, workerBroker, {
				...shared,
				...workerEnv(workerHealth),
			});
			const webhook = await create(webhookPort, webhookBroker, shared);
			cluster = new QueueCluster(main, worker, webhook, binaryDataDir);
			await options.prepare(main, cluster.webhookBaseUrl);
			// The main first: it registers the published workflows' webhooks the webhook process looks up.
			await main.start();
			await cluster.startRoles(options.runDir, options.log, options.tracker);
			return cluster;
		} catch (error) {
			if (cluster) await cluster.stop();
			else for (const instance of instances) await instance.stop();
			throw error;
		}
	}

	private async startRoles(
		logDir: string,
		log: LogLine,
		tracker: Tracker | undefined,
	): Promise<void> {
		const [worker, webhook] = await Promise.allSettled([
			startRole(this.workerInstance, 'worker', logDir, log, tracker),
			startRole(this.webhookInstance, 'webhook', logDir, log, tracker),
		]);
		if (worker.status === 'fulfilled') this.worker = worker.value;
		if (webhook.status === 'fulfilled') this.webhook = webhook.value;
		if (worker.status === 'rejected') throw worker.reason;
		if (webhook.status === 'rejected') throw webhook.reason;
	}

	/** Fails with the process's output when the worker or webhook process died. */
	assertRunning(): void {
		this.worker?.assertRunning();
		this.webhook?.assertRunning();
		if (!this.main.isServerRunning)
			throw new Error(`n8n start exited:\n${this.main.serverOutput.slice(-3000)}`);
	}

	/** Stops every process and deletes the user folders; never throws. */
	async stop(): Promise<void> {
		await Promise.allSettled([this.webhook?.stop(), this.worker?.stop(), this.main.stopServer()]);
		await Promise.allSettled([
			this.main.stop(),
			this.workerInstance.stop(),
			this.webhookInstance.stop(),
		]);
	}
}
