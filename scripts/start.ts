/**
 * `npm start`: a real n8n on http://localhost:5678 with this package, SQLite, the example workflows
 * and a ready Wiro credential; runs until Ctrl-C. Data lives in `.n8n-demo/` and survives restarts;
 * the examples and the credential are imported afresh at each start.
 */
import { join } from 'node:path';
import { repoRoot } from '../dev/n8n/wiro';
import { DEV_OWNER, startDevN8n, type DevN8n } from './devN8n';

const DEFAULT_PORT = 5678;
const TRIGGER_WORKFLOW_ID = 'WiroExTrigger001';

function log(line: string): void {
	process.stdout.write(`${line}\n`);
}

function portFromEnv(): number {
	const value = process.env['N8N_PORT'];
	if (value === undefined || value === '') return DEFAULT_PORT;
	const port = Number(value);
	if (!Number.isInteger(port) || port < 1 || port > 65535)
		throw new Error(`N8N_PORT=${value} is not a port number`);
	return port;
}

function banner(dev: DevN8n, editorUrl: string): string {
	const wiro =
		dev.backend.kind === 'local'
			? [
					`  Wiro:      local Wiro-compatible server ${dev.backend.baseUrl} (a task takes ~4 s and makes a small test video;`,
					'             put #fail or #duration=<ms> in a prompt to script the outcome)',
					`             task socket ${dev.backend.server.socketUrl}: the node hears each task end at once`,
				]
			: [`  Wiro:      ${dev.backend.baseUrl} (real tasks, billed by Wiro)`];
	return [
		'',
		`n8n is running with n8n-nodes-wiro: ${editorUrl}`,
		`  Sign in:   ${DEV_OWNER.email} / ${DEV_OWNER.password}   (a local development instance)`,
		...wiro,
		`  Credential "Wiro account" is set up; the example workflows are under Overview:`,
		...dev.workflows.map((workflow) => `    - ${workflow.name}`),
		`  Open one and click "Execute workflow". The Wiro Trigger example is published and listens on`,
		`    ${dev.n8n.webhookUrl('3f6b2a8e-9c1d-4e57-b0a4-2d7c9e815f30/webhook')}`,
		`  Data: ${dev.n8n.userFolder}`,
		'Press Ctrl-C to stop.',
		'',
	].join('\n');
}

async function main(): Promise<void> {
	const port = portFromEnv();
	const editorUrl = `http://localhost:${port}/`;
	const webhookUrl = process.env['N8N_WEBHOOK_URL'];
	const dev = await startDevN8n({
		port,
		userFolder: join(repoRoot(), '.n8n-demo'),
		publish: [TRIGGER_WORKFLOW_ID],
		startServer: true,
		// Webhook and resume URLs stay on 127.0.0.1, where the local Wiro server calls back; real Wiro
		// needs a public address for callbacks: pass it as N8N_WEBHOOK_URL.
		env: { N8N_EDITOR_BASE_URL: editorUrl, ...(webhookUrl ? { N8N_WEBHOOK_URL: webhookUrl } : {}) },
		log,
	});
	log(banner(dev, editorUrl));

	let stopping = false;
	const shutdown = (reason: string, exitCode: number): void => {
		if (stopping) return;
		stopping = true;
		log(
			`\n${reason}: stopping n8n${dev.backend.kind === 'local' ? ' and the local Wiro server' : ''}...`,
		);
		clearInterval(watch);
		dev.stop().then(
			() => {
				log('Stopped.');
				process.exit(exitCode);
			},
			(error: unknown) => {
				process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
				process.exit(1);
			},
		);
	};
	process.on('SIGINT', () => shutdown('Ctrl-C', 0));
	process.on('SIGTERM', () => shutdown('SIGTERM', 0));
	process.on('SIGHUP', () => shutdown('SIGHUP', 0));
	const watch = setInterval(() => {
		if (!dev.n8n.isServerRunning) {
			process.stderr.write(
				`n8n exited on its own; its last output:\n${dev.n8n.serverOutput.slice(-3000)}\n`,
			);
			shutdown('n8n exited', 1);
		}
	}, 2000);
}

main().catch((error: unknown) => {
	process.stderr.write(
		`npm start failed: ${error instanceof Error ? error.message : String(error)}\n`,
	);
	process.exit(1);
});
