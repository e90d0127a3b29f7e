/**
 * Real-time waiting in a real n8n (2.41.1 on Node.js 24, whose global WebSocket the node uses):
 * one generation with the credential's WebSocket URL pointing at the local server's task socket,
 * checked at the server: the task was registered on the socket, Task/Detail was asked only a few
 * times (polling a 6 s task asks about six times), the connection was closed, and n8n stored the video.
 */
import { ensureN8n, type N8nInstance } from '../dev/n8n';
import {
	copyWorkflow,
	loadExample,
	patchNode,
	pointAtN8n,
	prepareWiroN8n,
	wiroCredential,
} from '../dev/n8n/wiro';
import { expectVideoItem, itemsOf } from './support/videoItems';
import { log, MINUTE, SETUP_TIMEOUT_MS } from './support/suiteSetup';
import { waitFor, WiroServer } from '../dev/wiro-server';

jest.setTimeout(3 * MINUTE);

const WORKFLOW_ID = 'E2eSocketWait001';
const NODE = 'Generate PixVerse Video';

let wiro: WiroServer;
let n8n: N8nInstance;

beforeAll(async () => {
	const install = await ensureN8n({ log });
	wiro = new WiroServer({ taskDurationMs: 1500, outputSize: 96 * 1024 });
	await wiro.start();
	const workflow = patchNode(
		copyWorkflow(loadExample('pixverse'), WORKFLOW_ID, 'E2E: wait over the task socket'),
		NODE,
		{
			prompt: 'A heron lifting off a misty lake #duration=6000',
		},
	);
	n8n = await prepareWiroN8n({
		install,
		credential: wiroCredential({
			apiKey: 'test-key',
			apiSecret: 'test-secret',
			baseUrl: wiro.baseUrl,
			socketUrl: wiro.socketUrl,
		}),
		workflows: (n8nBaseUrl) => [pointAtN8n(workflow, n8nBaseUrl)],
		log,
	});
}, SETUP_TIMEOUT_MS);

afterAll(async () => {
	await n8n?.stop();
	await wiro?.stop();
});

test('a generation waits over the task socket: registered there, few Task/Detail calls, connection closed, video stored', async () => {
	const run = await n8n.execute(WORKFLOW_ID);
	expect(run.status).toBe('success');
	const items = itemsOf(run, NODE);
	expect(items).toHaveLength(1);
	await expectVideoItem(n8n, items[0]!);

	const token = String(items[0]!.json['taskToken']);
	expect(wiro.stats.socketConnections).toBe(1);
	expect(wiro.stats.socketRegistrations).toBe(1);
	const details = wiro.requests.filter(
		(request) =>
			request.path === '/v1/Task/Detail' &&
			typeof request.body === 'object' &&
			request.body['tasktoken'] === token,
	);
	expect(details.length).toBeGreaterThanOrEqual(1);
	expect(details.length).toBeLessThanOrEqual(3);
	await waitFor(() => wiro.openSocketConnections === 0, 5000);
});
