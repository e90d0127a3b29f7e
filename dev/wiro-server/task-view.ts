import { LIFECYCLE, STAGE, type TaskRecord } from './task-store';
import type { AnswerOutput, Task, TaskOutput } from './types';

const unixSeconds = (ms: number): string => String(Math.floor(ms / 1000));
const money = (usd: number): string => usd.toFixed(12);

/** The URL of a task's first output file; throws for a task without one (e.g. an LLM's answer). */
export function outputFileUrl(task: Task): string {
	const url = task.outputs[0]?.url;
	if (url === undefined) throw new Error(`task ${task.id} has no output file`);
	return url;
}

export function outputUrl(origin: string, uuid: string, name: string): string {
	return `${origin}/files/${uuid}/${encodeURIComponent(name)}`;
}

/** The task as Task/Detail, Cancel, Kill and callbacks show it at `now`. */
export function toWireTask(
	record: TaskRecord,
	stageIndex: number,
	origin: string,
	now: number,
): Task {
	const { end, model } = record;
	const limit = end ? end.at : now;
	const succeeded = end?.outcome === 'success';
	const failed = end?.outcome === 'failure';
	const reachedAll = end?.status === 'task_postprocess_end';
	const stageTime = (status: (typeof LIFECYCLE)[number]): string => {
		const index = STAGE[status];
		if (!reachedAll && index > stageIndex) return '0';
		return unixSeconds(Math.min(record.stageAt[index], limit));
	};
	const answer = model.produces === 'answer' ? answerOf(record) : undefined;
	const outputs = !succeeded
		? []
		: answer
			? [answer]
			: record.filesDeleted
				? []
				: [outputEntry(record, origin)];
	const elapsedMs = limit - record.createdAt;
	return {
		id: record.id,
		uuid: record.uuid,
		name: '',
		socketaccesstoken: record.token,
		parameters: record.parameters,
		debugoutput: answer ? answer.content.raw : debugOutput(stageIndex, succeeded),
		debugerror: failed ? 'RuntimeError: video generation failed (prompt directive #fail)\n' : '',
		starttime: stageTime('task_start'),
		endtime: stageTime('task_end'),
		elapsedseconds: Math.ceil(elapsedMs / 1000).toFixed(4),
		status: end ? end.status : LIFECYCLE[stageIndex],
		cps: money(model.cps),
		totalcost: totalCost(record, stageIndex),
		projectid: record.projectId,
		modelid: model.modelid,
		description: '',
		basemodelid: '0',
		runtype: 'model',
		modelfolderid: '',
		modelfileid: '',
		callbackurl: record.callbackUrl,
		createtime: unixSeconds(record.createdAt),
		canceltime: end?.status === 'task_cancel' ? unixSeconds(end.at) : '0',
		assigntime: stageTime('task_assign'),
		accepttime: stageTime('task_accept'),
		preprocessstarttime: stageTime('task_preprocess_start'),
		preprocessendtime: stageTime('task_preprocess_end'),
		postprocessstarttime: stageTime('task_postprocess_start'),
		postprocessendtime: stageTime('task_postprocess_end'),
		pexit: end ? (failed ? '1' : '0') : '',
		categories: JSON.stringify(model.categories),
		modelslugowner: model.slugowner,
		modelslugproject: model.slugproject,
		outputs,
		size: outputs.length && !answer ? String(record.outputSize) : '0',
	};
}

function outputEntry(record: TaskRecord, origin: string): TaskOutput {
	const madeAt = unixSeconds(record.stageAt[STAGE.task_output_full]);
	return {
		id: record.output.id,
		name: record.output.name,
		contenttype: 'video/mp4',
		parentid: record.output.parentid,
		uuid: record.uuid,
		size: String(record.outputSize),
		addedtime: madeAt,
		modifiedtime: madeAt,
		accesskey: record.output.accesskey,
		foldercount: '0',
		filecount: '0',
		url: outputUrl(origin, record.uuid, record.output.name),
	};
}

/** An LLM's answer, made from the prompt: two thinking phases, each followed by a part of the answer. */
export function answerOf(record: TaskRecord): AnswerOutput {
	const prompt = String(record.parameters.prompt ?? '');
	const thinking = [`The user wrote: ${prompt}`, 'Checking the reply before sending it.'];
	const answer = [`You said "${prompt}".`, 'Anything else?'];
	const raw = thinking
		.flatMap((thought, index) => [`<think>${thought}</think>`, answer[index]])
		.join('\n');
	return { contenttype: 'raw', content: { prompt, raw, thinking, answer } };
}

/** Failed runs are not billed; a killed run pays for the seconds it used. */
function totalCost(record: TaskRecord, stageIndex: number): string {
	const { end, model } = record;
	if (!end || end.outcome === 'failure') return '0';
	if (end.outcome === 'success') return money(model.totalcost);
	if (stageIndex < STAGE.task_start) return '0';
	return money(
		Math.min(model.totalcost, (model.cps * (end.at - record.stageAt[STAGE.task_start])) / 1000),
	);
}

function debugOutput(stageIndex: number, succeeded: boolean): string {
	const lines: string[] = [];
	if (stageIndex >= STAGE.task_start) lines.push('Loading model weights...');
	if (stageIndex >= STAGE.task_output) lines.push('Generating frames...');
	if (succeeded) lines.push('Saved 0.mp4');
	return lines.map((line) => `${line}\n`).join('');
}
