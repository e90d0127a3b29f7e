import { findModel, MODELS, toolDetail, toolSummary } from './catalog';
import { parseDirectives } from './directives';
import type { ParsedBody } from './body';
import { newTaskUuid, type TaskRecord, type TaskStore } from './task-store';
import { outputUrl, toWireTask } from './task-view';
import type { ResolvedOptions, Task, UploadedFile, WiroProject, WiroStats } from './types';
import { validateRun } from './validate';

export interface ApiContext {
	store: TaskStore;
	stats: WiroStats;
	options: ResolvedOptions;
	origin: string;
	project: WiroProject;
	projectId: string;
}

export interface ApiReply {
	status: number;
	body: unknown;
	/** Set by Run when it created a task. */
	created?: TaskRecord;
}

type Handler = (ctx: ApiContext, body: ParsedBody, route: string[]) => ApiReply;

const NO_TASK = 'There is no task yet.';
const DEFAULT_QUEUE_SHARE = 0.1;
const MAX_DEFAULT_QUEUE_MS = 250;

export function wiroError(code: number, message: string, status = 200): ApiReply {
	return { status, body: { result: false, errors: [{ code, message }] } };
}

/** Finds the handler for a path below /v1 (already split on "/"), or undefined for "Error parsing url.". */
export function routeFor(segments: string[]): Handler | undefined {
	const [group, action, ...rest] = segments;
	if (group === 'Run' && action && rest.length === 1 && rest[0]) return run;
	if (rest.length > 0) return undefined;
	const key = `${group}/${action}`;
	const handlers: Record<string, Handler> = {
		'Task/Detail': detail,
		'Task/Cancel': cancel,
		'Task/Kill': kill,
		'Task/InputOutputDelete': deleteFiles,
		'Tool/List': toolList,
		'Tool/Detail': toolDetailHandler,
	};
	return handlers[key];
}

export function viewTask(
	ctx: Pick<ApiContext, 'store' | 'origin' | 'options'>,
	record: TaskRecord,
): Task {
	const now = Date.now();
	const task = toWireTask(record, ctx.store.stageIndex(record, now), ctx.origin, now);
	if (!ctx.options.callbackUrlInDetail) delete task.callbackurl;
	return task;
}

function run(ctx: ApiContext, body: ParsedBody, [, owner, slug]: string[]): ApiReply {
	ctx.stats.run++;
	const model = findModel(owner, slug);
	if (!model) return wiroError(1, 'slug-owner-project-not-exist');
	const { fields, files } = body;
	const validation = validateRun(model, fields, files);
	if (!validation.ok) return wiroError(0, validation.message);

	const limit = ctx.project.concurrencyLimit;
	if (limit !== undefined && ctx.store.activeCount(ctx.project.apiKey) >= limit) {
		ctx.stats.rejected96++;
		return wiroError(
			96,
			`You have reached your concurrent task limit. With your current balance, you can run up to ${limit} tasks at the same time.`,
		);
	}

	const uuid = newTaskUuid();
	const { callbackUrl, ...parameters } = fields;
	const uploads = new Map<string, UploadedFile>();
	for (const item of model.items) {
		const file = files[item.id];
		if (item.type !== 'fileinput' || !file) continue;
		const storedName = `${item.id}-${file.filename}`;
		uploads.set(storedName, file);
		parameters[item.id] = outputUrl(ctx.origin, uuid, storedName);
	}
	const directives = parseDirectives(fields.prompt);
	const durationMs = directives.durationMs ?? ctx.options.taskDurationMs;
	const record = ctx.store.create({
		uuid,
		projectKey: ctx.project.apiKey,
		projectId: ctx.projectId,
		model,
		parameters,
		callbackUrl: typeof callbackUrl === 'string' ? callbackUrl : '',
		durationMs,
		queueMs:
			directives.queueMs ??
			Math.min(MAX_DEFAULT_QUEUE_MS, Math.round(durationMs * DEFAULT_QUEUE_SHARE)),
		outputSize: directives.sizeBytes ?? ctx.options.sampleVideo?.length ?? ctx.options.outputSize,
		sample: directives.sizeBytes === undefined ? ctx.options.sampleVideo : undefined,
		fail: directives.fail,
		uploads,
	});
	ctx.stats.tasksCreated++;
	ctx.stats.peakActive = Math.max(ctx.stats.peakActive, ctx.store.activeCount());
	return {
		status: 200,
		body: { errors: [], taskid: record.id, socketaccesstoken: record.token, result: true },
		created: record,
	};
}

function findTask(
	ctx: ApiContext,
	fields: Record<string, unknown>,
	keys: string[],
): TaskRecord | undefined {
	for (const key of keys) {
		const value = fields[key];
		if ((typeof value === 'string' && value !== '') || typeof value === 'number') {
			return ctx.store.find(String(value), ctx.project.apiKey);
		}
	}
	return undefined;
}

function detail(ctx: ApiContext, body: ParsedBody): ApiReply {
	const record = findTask(ctx, body.fields, ['tasktoken', 'taskid']);
	if (!record) return wiroError(1, NO_TASK);
	return {
		status: 200,
		body: { total: '1', errors: [], tasklist: [viewTask(ctx, record)], result: true },
	};
}

function cancel(ctx: ApiContext, body: ParsedBody): ApiReply {
	ctx.stats.cancel++;
	const record = findTask(ctx, body.fields, ['tasktoken', 'taskid']);
	if (!record) return wiroError(1, NO_TASK);
	if (record.end || ctx.store.stageIndex(record) > 0)
		return wiroError(1, 'Task is not in a cancellable state.');
	ctx.store.finish(record, 'cancel');
	return { status: 200, body: { errors: [], tasklist: [viewTask(ctx, record)], result: true } };
}

function kill(ctx: ApiContext, body: ParsedBody): ApiReply {
	ctx.stats.kill++;
	const record = findTask(ctx, body.fields, ['tasktoken', 'taskid', 'socketaccesstoken']);
	if (!record) return wiroError(1, NO_TASK);
	if (record.end) return wiroError(1, 'Task could not be killed: task is not running');
	ctx.store.finish(record, 'cancel');
	return { status: 200, body: { errors: [], tasklist: [viewTask(ctx, record)], result: true } };
}

function deleteFiles(ctx: ApiContext, body: ParsedBody): ApiReply {
	ctx.stats.deleteFiles++;
	const record = findTask(ctx, body.fields, ['tasktoken']);
	if (!record) return wiroError(1, NO_TASK);
	record.filesDeleted = true;
	return { status: 200, body: { errors: [], result: true } };
}

function toolList(_ctx: ApiContext, body: ParsedBody): ApiReply {
	const { start, limit, search, categories } = body.fields;
	const wanted = toStringList(categories);
	const needle = typeof search === 'string' ? search.toLowerCase() : '';
	const matching = MODELS.filter((model) => {
		const text = [model.slugowner, model.slugproject, model.title, model.description]
			.join(' ')
			.toLowerCase();
		const inCategory =
			wanted.length === 0 || wanted.some((category) => model.categories.includes(category));
		return text.includes(needle) && inCategory;
	});
	const first = toCount(start, 0);
	const page = matching.slice(first, first + toCount(limit, 20));
	return {
		status: 200,
		body: { result: true, errors: [], total: String(matching.length), tool: page.map(toolSummary) },
	};
}

function toolDetailHandler(_ctx: ApiContext, body: ParsedBody): ApiReply {
	const { slugowner, slugproject } = body.fields;
	const model = findModel(String(slugowner ?? ''), String(slugproject ?? ''));
	if (!model) return wiroError(1, 'slug-owner-project-not-exist');
	return { status: 200, body: { result: true, errors: [], tool: [toolDetail(model)] } };
}

function toStringList(value: unknown): string[] {
	if (Array.isArray(value))
		return value.filter((entry): entry is string => typeof entry === 'string');
	if (typeof value === 'string' && value.trim() !== '') {
		// Forms send arrays as JSON text or comma lists.
		if (value.trim().startsWith('[')) {
			try {
				return toStringList(JSON.parse(value));
			} catch {
				return [];
			}
		}
		return value
			.split(',')
			.map((entry) => entry.trim())
			.filter(Boolean);
	}
	return [];
}

function toCount(value: unknown, fallback: number): number {
	const number = Number(value);
	return value === undefined || value === '' || !Number.isFinite(number) || number < 0
		? fallback
		: Math.floor(number);
}
