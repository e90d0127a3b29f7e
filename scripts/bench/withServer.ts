import { WiroServer, type WiroServerOptions } from '../../dev/wiro-server';

/** Starts a local Wiro server for one measurement and always stops it afterwards. */
export async function withServer<T>(
	options: WiroServerOptions,
	measure: (server: WiroServer) => Promise<T>,
): Promise<T> {
	const server = new WiroServer(options);
	await server.start();
	try {
		return await measure(server);
	} finally {
		await server.stop();
	}
}

/** A prompt that scripts its task on the local server: `#duration=<ms>`, plus any other directive. */
export const scriptedPrompt = (label: string, durationMs: number, extra = ''): string =>
	`${label} #duration=${Math.round(durationMs)}${extra ? ` ${extra}` : ''}`;
