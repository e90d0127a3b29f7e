/**
 * Runs the local Wiro-compatible server on its own, for manual tries:
 *   npm run build:tools && PORT=8787 node .tools/dev/wiro-server/cli.js
 * (WIRO_LOG=0 silences the request log.)
 */
import { WiroServer } from './index';

async function main(): Promise<void> {
	const apiKey = process.env.WIRO_API_KEY ?? 'test-key';
	const apiSecret = process.env.WIRO_API_SECRET ?? 'test-secret';
	const duration = Number(process.env.TASK_DURATION_MS);
	const server = new WiroServer({
		port: Number(process.env.PORT ?? 8787),
		projects: [
			{ apiKey, apiSecret, mode: 'signature' },
			{ apiKey: 'key-only', mode: 'apiKey' },
		],
		taskDurationMs: Number.isFinite(duration) && duration >= 0 ? duration : undefined,
		log: process.env.WIRO_LOG !== '0',
	});
	await server.start();
	// It is a local fake, so printing its keys is harmless and saves a lookup.
	process.stdout.write(
		[
			`Wiro fake API: ${server.baseUrl}`,
			`  signature project: x-api-key=${apiKey} secret=${apiSecret}`,
			'  api-key project:   x-api-key=key-only',
			'',
		].join('\n'),
	);
	const shutdown = (): void => {
		void server.stop().then(() => process.exit(0));
	};
	process.once('SIGINT', shutdown);
	process.once('SIGTERM', shutdown);
}

main().catch((error: unknown) => {
	process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
	process.exit(1);
});
