import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { DEFAULT_MAX_CONCURRENCY } from './batch';

/** The generate and wait options, read from the `options` collection with their defaults. */
export interface WaitOptions {
	pollIntervalMs: number;
	timeoutMs: number;
	download: boolean;
	binaryPropertyName: string;
	killOnAbandon: boolean;
	maxConcurrency: number;
	callbackUrl?: string;
}

export const WAIT_DEFAULTS = {
	pollInterval: 1,
	timeout: 1800,
	download: true,
	binaryPropertyName: 'data',
	killOnAbandon: true,
	maxConcurrency: DEFAULT_MAX_CONCURRENCY,
} as const;

/** Never poll less often than this, however long the task has been running. */
const MAX_POLL_INTERVAL_MS = 60_000;

export function readWaitOptions(context: IExecuteFunctions, itemIndex: number): WaitOptions {
	const options = context.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const pollIntervalMs = Number(options.pollInterval ?? WAIT_DEFAULTS.pollInterval) * 1000;
	const callbackUrl = String(options.callbackUrl ?? '').trim();
	return {
		pollIntervalMs,
		timeoutMs: Number(options.timeout ?? WAIT_DEFAULTS.timeout) * 1000,
		download: options.download !== false,
		binaryPropertyName: String(options.binaryPropertyName || WAIT_DEFAULTS.binaryPropertyName),
		killOnAbandon: options.killOnAbandon !== false,
		maxConcurrency: Number(options.maxConcurrency ?? WAIT_DEFAULTS.maxConcurrency),
		callbackUrl: callbackUrl === '' ? undefined : callbackUrl,
	};
}

export function maxPollIntervalMs(options: WaitOptions): number {
	return Math.max(options.pollIntervalMs, MAX_POLL_INTERVAL_MS);
}
