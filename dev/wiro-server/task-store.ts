import { randomBytes, randomUUID } from 'crypto';
import type { ModelSpec } from './catalog';
import type { TaskOutcome, UploadedFile } from './types';

export const LIFECYCLE = [
	'task_queue',
	'task_accept',
	'task_preprocess_start',
	'task_preprocess_end',
	'task_assign',
	'task_start',
	'task_output',
	'task_output_full',
	'task_end',
	'task_postprocess_start',
	'task_postprocess_end',
] as const;

export const STAGE = Object.fromEntries(
	LIFECYCLE.map((status, index) => [status, index]),
) as Record<(typeof LIFECYCLE)[number], number>;

const LAST_STAGE = LIFECYCLE.length - 1;
const STAGE_TASK_START = LIFECYCLE.indexOf('task_start');
const SETUP_MS = 2000;
const POSTPROCESS_MS = 300;

export interface TaskEnd {
	status: 'task_postprocess_end' | 'task_cancel';
	outcome: TaskOutcome;
	at: number;
}

export interface TaskRecord {
	id: string;
	uuid: string;
	token: string;
	projectKey: string;
	projectId: string;
	model: ModelSpec;
	parameters: Record<string, unknown>;
	callbackUrl: string;
	createdAt: number;
	/** Planned ms timestamp at which each LIFECYCLE status is reached. */
	stageAt: number[];
	fail: boolean;
	outputSize: number;
	/** Real video bytes served instead of the generated stream. */
	sample?: Buffer;
	output: { id: string; parentid: string; accesskey: string; name: string };
	uploads: Map<string, UploadedFile>;
	filesDeleted: boolean;
	/** The output file answers 404 although the task lists it (a CDN hiccup). */
	outputUnavailable?: boolean;
	end?: TaskEnd;
	timer?: NodeJS.Timeout;
}

export interface NewTask {
	projectKey: string;
	projectId: string;
	model: ModelSpec;
	parameters: Record<string, unknown>;
	callbackUrl: string;
	durationMs: number;
	queueMs: number;
	outputSize: number;
	sample?: Buffer;
	fail: boolean;
	uploads: Map<string, UploadedFile>;
	uuid: string;
}

const ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

export function randomToken(length = 30): string {
	return Array.from(randomBytes(length), (byte) => ALPHANUMERIC[byte % ALPHANUMERIC.length]).join(
		'',
	);
}

export const newTaskUuid = (): string => randomUUID();

/** Owns the tasks and their end timers; statuses in between are derived from the clock. */
export class TaskStore {
	private readonly records = new Map<string, TaskRecord>();
	private nextId = 2221;

	constructor(private readonly onEnd: (record: TaskRecord) => void) {}

	create(task: NewTask): TaskRecord {
		const createdAt = Date.now();
		const endAt = createdAt + Math.max(task.durationMs, task.queueMs);
		const runStart = createdAt + task.queueMs;
		// Most of a run is the model working (task_start → task_output_full, with progress on the socket);
		// getting ready before it and post-processing (encoding, upload to the CDN) after task_end are short.
		const runMs = endAt - runStart;
		const setupMs = Math.min(SETUP_MS, runMs * 0.1);
		const runEnd = endAt - Math.min(POSTPROCESS_MS, runMs * 0.1);
		const setupStep = setupMs / (STAGE_TASK_START - 1);
		const stageAt = LIFECYCLE.map((_, index) => {
			if (index === 0) return createdAt;
			if (index === LAST_STAGE) return endAt;
			if (index <= STAGE_TASK_START) return Math.round(runStart + setupStep * (index - 1));
			if (index === STAGE_TASK_START + 1) return Math.round(runStart + setupMs);
			return Math.round(runEnd);
		});
		const record: TaskRecord = {
			id: String(this.nextId++),
			uuid: task.uuid,
			token: randomToken(),
			projectKey: task.projectKey,
			projectId: task.projectId,
			model: task.model,
			parameters: task.parameters,
			callbackUrl: task.callbackUrl,
			createdAt,
			stageAt,
			fail: task.fail,
			outputSize: task.outputSize,
			sample: task.sample,
			output: {
				id: randomBytes(16).toString('hex'),
				parentid: randomBytes(16).toString('hex'),
				accesskey: randomToken(),
				name: '0.mp4',
			},
			uploads: task.uploads,
			filesDeleted: false,
		};
		this.records.set(record.id, record);
		record.timer = setTimeout(() => this.finishNaturally(record), endAt - createdAt);
		record.timer.unref();
		return record;
	}

	/** Ends every task whose planned end has passed, so a poll never sees a stale status. */
	settleDue(now = Date.now()): void {
		for (const record of this.records.values()) {
			if (!record.end && record.stageAt[LAST_STAGE] <= now) this.finishNaturally(record);
		}
	}

	find(idOrToken: string, projectKey?: string): TaskRecord | undefined {
		const record =
			this.records.get(idOrToken) ??
			[...this.records.values()].find((candidate) => candidate.token === idOrToken);
		if (!record || (projectKey !== undefined && record.projectKey !== projectKey)) return undefined;
		return record;
	}

	findByUuid(uuid: string): TaskRecord | undefined {
		return [...this.records.values()].find((record) => record.uuid === uuid);
	}

	all(): TaskRecord[] {
		return [...this.records.values()];
	}

	activeCount(projectKey?: string): number {
		return this.all().filter(
			(record) => !record.end && (projectKey === undefined || record.projectKey === projectKey),
		).length;
	}

	/** Returns false when the task had already ended. */
	finish(record: TaskRecord, outcome: TaskOutcome, at = Date.now()): boolean {
		if (record.end) return false;
		clearTimeout(record.timer);
		record.end = {
			status: outcome === 'cancel' ? 'task_cancel' : 'task_postprocess_end',
			outcome,
			at,
		};
		this.onEnd(record);
		return true;
	}

	/** Current lifecycle index (ignoring cancel): the last stage reached by `now`. */
	stageIndex(record: TaskRecord, now = Date.now()): number {
		if (record.end?.status === 'task_postprocess_end') return LAST_STAGE;
		const limit = record.end ? record.end.at : now;
		let index = 0;
		while (index < LAST_STAGE - 1 && record.stageAt[index + 1] <= limit) index++;
		return index;
	}

	/** After this, tasks still end, but only when someone looks (settleDue). */
	stopTimers(): void {
		for (const record of this.records.values()) clearTimeout(record.timer);
	}

	clear(): void {
		this.stopTimers();
		this.records.clear();
	}

	private finishNaturally(record: TaskRecord): void {
		this.finish(record, record.fail ? 'failure' : 'success', record.stageAt[LAST_STAGE]);
	}
}
