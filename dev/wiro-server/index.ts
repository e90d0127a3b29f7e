/**
 * A local stand-in for https://api.wiro.ai/v1, built from docs/wiro-api.md.
 *
 * Prompt directives (anywhere in the `prompt` text) let a workflow script the outcome
 * without access to the server:
 *   #fail           the task ends at task_postprocess_end with pexit "1", outputs [],
 *                   totalcost "0" and a debugerror
 *   #duration=<ms>  total time from task_queue to the terminal status (default: taskDurationMs)
 *   #size=<bytes>   size of the output file 0.mp4 (default: outputSize)
 *   #queue=<ms>     time spent in task_queue, the only cancellable status
 *                   (default: 10% of the duration, at most 250 ms)
 */
export { WiroServer } from './server';
export { waitFor } from './wait';
export { expectedOutputBytes, outputDigest } from './output-bytes';
export { wiroSignature, AUTH_MESSAGES } from './auth';
export { LTX_NUMBER_RANGES, MOTION_RANGE, MODELS } from './catalog';
export { LIFECYCLE } from './task-store';
export { answerOf, outputFileUrl } from './task-view';
export type { ModelSpec, ToolItem, ToolOption } from './catalog';
export type {
	AnswerOutput,
	CallbackShape,
	RecordedRequest,
	ResolvedOptions,
	SocketFaults,
	SocketRevision,
	Task,
	TaskOutcome,
	TaskOutput,
	WiroFaults,
	WiroProject,
	WiroServerOptions,
	WiroStats,
} from './types';
