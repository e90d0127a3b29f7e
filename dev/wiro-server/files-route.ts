import type { ServerResponse } from 'http';
import { createOutputStream } from './output-bytes';
import type { TaskStore } from './task-store';

/** GET/HEAD /files/<uuid>/<name>: a task's generated output or an uploaded input, like a CDN (no auth). */
export function serveFile(
	store: TaskStore,
	pathname: string,
	method: string,
	res: ServerResponse,
): void {
	const [, , uuid, encodedName] = pathname.split('/');
	const record = uuid ? store.findByUuid(uuid) : undefined;
	const name = safeDecode(encodedName ?? '');
	if (!record || record.filesDeleted || name === undefined) return notFound(res);

	if (
		name === record.output.name &&
		record.end?.outcome === 'success' &&
		!record.outputUnavailable
	) {
		res.writeHead(200, { 'content-type': 'video/mp4', 'content-length': record.outputSize });
		if (method === 'HEAD') return void res.end();
		if (record.sample) return void res.end(record.sample);
		const stream = createOutputStream(record.uuid, record.outputSize);
		res.on('close', () => stream.destroy());
		stream.pipe(res);
		return;
	}
	const upload = record.uploads.get(name);
	if (!upload) return notFound(res);
	res.writeHead(200, { 'content-type': upload.contentType, 'content-length': upload.size });
	res.end(method === 'HEAD' ? undefined : upload.data);
}

function notFound(res: ServerResponse): void {
	res.writeHead(404, { 'content-type': 'text/plain' });
	res.end('Not Found');
}

function safeDecode(text: string): string | undefined {
	try {
		return decodeURIComponent(text);
	} catch {
		return undefined;
	}
}
