import { ensureN8n, N8nInstance } from './n8n';
import { wiroCredential } from './n8n/wiro/credential';
import { loadExample } from './n8n/wiro/examples';
import { WiroServer } from '../test/server';

async function main() {
	const t0 = Date.now();
	const lap = (l: string) => console.log(`LAP ${l} ${((Date.now() - t0) / 1000).toFixed(1)}`);
	const install = await ensureN8n();
	const wiro = new WiroServer({ taskDurationMs: 1500 });
	await wiro.start();
	const n8n = await N8nInstance.create({ install, packageDir: '/work/main' });
	console.log('user folder', n8n.userFolder);
	try {
		await n8n.importCredentials([wiroCredential({ apiKey: 'test-key', apiSecret: 'test-secret', baseUrl: wiro.baseUrl })]);
		lap('cred');
		await n8n.importWorkflow(loadExample('pixverse'));
		lap('import');
		const r = await n8n.execute('WiroExPixverse01');
		lap('execute');
		console.log(JSON.stringify(r.runData['Generate PixVerse Video'], null, 1).slice(0, 3000));
		await n8n.start();
		lap('start');
		const r2 = await n8n.execute('WiroExPixverse01');
		lap('execute while server');
		console.log(r2.status);
		const ex = await n8n.listExecutions({ includeData: false });
		console.log(ex.map((e) => [e.id, e.status, e.mode]));
	} finally {
		await n8n.stopServer();
		await wiro.stop();
	}
}
main().catch((e) => { console.error(e); process.exitCode = 1; });
