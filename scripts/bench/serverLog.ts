import type { RecordedRequest, WiroServer } from '../../dev/wiro-server';

const DETAIL_PATH = '/v1/Task/Detail';

function namesTask(request: RecordedRequest, token: string, id: string | undefined): boolean {
	if (request.path !== DETAIL_PATH || typeof request.body !== 'object') return false;
	return request.body.tasktoken === token || (id !== undefined && request.body.taskid === id);
}

/** Task/Detail requests the server received about one task, failed ones included. */
export function detailRequestsFor(server: WiroServer, token: string): RecordedRequest[] {
	const id = server.getTask(token)?.id;
	return server.requests.filter((request) => namesTask(request, token, id));
}

/** Detail calls per task, for every task the server holds. */
export function detailCallsPerTask(server: WiroServer): number[] {
	const counts = new Map<string, number>();
	const idToToken = new Map(server.tasks().map((task) => [task.id, task.socketaccesstoken]));
	for (const request of server.requests) {
		if (request.path !== DETAIL_PATH || typeof request.body !== 'object') continue;
		const token = String(
			request.body.tasktoken ?? idToToken.get(String(request.body.taskid)) ?? '',
		);
		counts.set(token, (counts.get(token) ?? 0) + 1);
	}
	return server.tasks().map((task) => counts.get(task.socketaccesstoken) ?? 0);
}
