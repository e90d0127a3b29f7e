/**
 * README screenshots from the real n8n editor: the `npm start` setup (always with the local Wiro
 * server, so the pictures do not depend on an account), signed in as its owner, in headless Debian
 * Chromium. Writes docs/images/*.png. Run: npm run build && npm run build:tools &&
 * node .tools/scripts/screenshots/index.js
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { findFreePort } from '../../dev/n8n';
import { loadExample, repoRoot, WIRO_CREDENTIAL_NAME, type ExampleName } from '../../dev/n8n/wiro';
import { DEV_OWNER, startDevN8n, type DevN8n } from '../devN8n';
import { launchChromium, type Page } from './browser';

const VIEWPORT = { width: 1440, height: 900 };
/** Tall enough for a node's whole parameter list. */
const NODE_VIEWPORT = { width: 1440, height: 1350 };
const TRIGGER_WORKFLOW_ID = 'WiroExTrigger001';
/** Node ids fixed in the example files. */
const NODE_SHOTS: Array<{ file: string; example: ExampleName; node: string }> = [
	{ file: 'node-pixverse.png', example: 'pixverse', node: 'Generate PixVerse Video' },
	{ file: 'node-ltx-video.png', example: 'ltxBatch', node: 'Generate LTX Videos' },
	{ file: 'node-other-model.png', example: 'otherModel', node: 'Animate Image' },
	{ file: 'node-wiro-trigger.png', example: 'trigger', node: 'Wiro Trigger' },
];
const EXECUTION_EXAMPLE: ExampleName = 'ltxBatch';
const EXECUTION_NODE = 'Generate LTX Videos';

function log(line: string): void {
	process.stdout.write(`${line}\n`);
}

function nodeId(example: ExampleName, nodeName: string): { workflowId: string; nodeId: string } {
	const workflow = loadExample(example);
	const node = workflow.nodes.find((candidate) => candidate['name'] === nodeName);
	if (!node || typeof node['id'] !== 'string')
		throw new Error(`${example} has no node ${nodeName}`);
	return { workflowId: workflow.id, nodeId: node['id'] };
}

/** Closes the tours, banners and "what's new" pop-ups a fresh instance may show. */
async function dismissPopups(page: Page): Promise<void> {
	for (const label of ['Got it', 'Dismiss', 'Close', 'Skip']) {
		const button = page.getByRole('button', { name: label }).first();
		if (await button.isVisible().catch(() => false))
			await button.click({ timeout: 2000 }).catch(() => undefined);
	}
}

async function open(page: Page, url: string, waitFor: string): Promise<void> {
	await page.goto(url, { waitUntil: 'networkidle', timeout: 60_000 });
	await page.locator(waitFor).first().waitFor({ state: 'visible', timeout: 30_000 });
	await dismissPopups(page);
}

async function save(page: Page, file: string): Promise<void> {
	// Let animations, fonts, icons and option lists loaded from the API settle.
	await page.waitForTimeout(1500);
	const path = join(repoRoot(), 'docs', 'images', file);
	await page.screenshot({ path });
	log(`wrote docs/images/${file}`);
}

async function finishedExecutionId(dev: DevN8n, workflowId: string): Promise<string> {
	const run = await dev.n8n.execute(workflowId);
	if (run.status !== 'success')
		throw new Error(`${workflowId} ended with ${run.status}: ${String(run.error?.['message'])}`);
	await dev.n8n.setupOwnerAndApiKey(DEV_OWNER);
	const [latest] = await dev.n8n.listExecutions({ workflowId, status: 'success', limit: 1 });
	if (!latest) throw new Error(`No finished execution of ${workflowId}`);
	return latest.id;
}

async function main(): Promise<void> {
	await mkdir(join(repoRoot(), 'docs', 'images'), { recursive: true });
	const port = await findFreePort();
	const dev = await startDevN8n({
		port,
		startServer: true,
		localWiroOnly: true,
		publish: [TRIGGER_WORKFLOW_ID],
		log,
	});
	const browser = await launchChromium().catch(async (error: unknown) => {
		await dev.stop();
		throw error;
	});
	try {
		const base = dev.n8n.baseUrl;
		const executionId = await finishedExecutionId(dev, loadExample(EXECUTION_EXAMPLE).id);
		const cookie = await dev.n8n.signInOwner(DEV_OWNER);
		const context = await browser.newContext({
			viewport: VIEWPORT,
			deviceScaleFactor: 1,
			colorScheme: 'light',
		});
		await context.addCookies(
			cookie.split('; ').map((pair) => {
				const [name = '', ...value] = pair.split('=');
				return { name, value: value.join('='), url: base };
			}),
		);
		const page = await context.newPage();

		await page.setViewportSize(NODE_VIEWPORT);
		for (const shot of NODE_SHOTS) {
			const { workflowId, nodeId: id } = nodeId(shot.example, shot.node);
			await open(page, `${base}workflow/${workflowId}/${id}`, '[data-test-id="ndv"]');
			await save(page, shot.file);
		}
		await page.setViewportSize(VIEWPORT);

		await open(page, `${base}home/credentials`, `text=${WIRO_CREDENTIAL_NAME}`);
		await page.getByText(WIRO_CREDENTIAL_NAME, { exact: true }).first().click();
		await page
			.locator('[role="dialog"]:visible')
			.first()
			.waitFor({ state: 'visible', timeout: 30_000 });
		await save(page, 'credential.png');

		const { workflowId, nodeId: executedNode } = nodeId(EXECUTION_EXAMPLE, EXECUTION_NODE);
		await open(
			page,
			`${base}workflow/${workflowId}/executions/${executionId}`,
			'[data-test-id="canvas-node"]',
		);
		await save(page, 'execution.png');
		await open(
			page,
			`${base}workflow/${workflowId}/executions/${executionId}/${executedNode}`,
			'[data-test-id="ndv"]',
		);
		await save(page, 'execution-output.png');
	} finally {
		await browser.close();
		await dev.stop();
	}
}

main().then(
	() => process.exit(0),
	(error: unknown) => {
		process.stderr.write(
			`screenshots failed: ${error instanceof Error ? error.message : String(error)}\n`,
		);
		process.exit(1);
	},
);
