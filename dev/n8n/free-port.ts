import { createServer } from 'node:net';

/** Asks the kernel for a port that is free on 127.0.0.1 right now. */
export function findFreePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const server = createServer();
		server.unref();
		server.on('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const address = server.address();
			server.close(() => {
				if (address !== null && typeof address === 'object') resolve(address.port);
				else reject(new Error('Could not read the port the kernel picked'));
			});
		});
	});
}

/** Several distinct free ports (the kernel may hand out a port twice otherwise). */
export async function findFreePorts(count: number): Promise<number[]> {
	const ports = new Set<number>();
	for (let attempt = 0; ports.size < count && attempt < count * 20; attempt++) {
		ports.add(await findFreePort());
	}
	if (ports.size < count) throw new Error(`Could not find ${count} distinct free ports`);
	return [...ports];
}
