import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { WAIT_DEFAULTS } from '../actions/common/waitFields';

/** The generate and wait options, read from the `options` collection with their defaults. */
export interface WaitOptions {
	pollIntervalMs: number;
	timeoutMs: number;
	download: boolean;
	binaryPropertyName: string;
	killOnAbandon: boolean;
	callbackUrl?: string;
}

/** Never poll less often than this, however long the task has been running. */
const MAX_POLL_INTERVAL_MS = 60_000;

export function readWaitOptions(context: IExecuteFunctions, itemIndex: number): WaitOptions {
	const options = context.getNodeParameter('options', itemIndex, {});
	const callbackUrl = String(options.callbackUrl ?? '').trim();
	return {
		pollIntervalMs: Number(options.pollInterval ?? WAIT_DEFAULTS.pollInterval) * 1000,
		timeoutMs: Number(options.timeout ?? WAIT_DEFAULTS.timeout) * 1000,
		...downloadOptionsOf(options),
		killOnAbandon: options.killOnAbandon !== false,
		callbackUrl: callbackUrl === '' ? undefined : callbackUrl,
	};
}

/** Whether and where to put the output files, from an `options` collection (also read by the callback webhook). */
export function downloadOptionsOf(options: IDataObject): {
	download: boolean;
	binaryPropertyName: string;
} {
	return {
		download: options.download !== false,
		binaryPropertyName: String(options.binaryPropertyName || WAIT_DEFAULTS.binaryPropertyName),
	};
}

export function maxPollIntervalMs(options: WaitOptions): number {
	return Math.max(options.pollIntervalMs, MAX_POLL_INTERVAL_MS);
}
