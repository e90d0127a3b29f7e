import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

const waitModes = {
	poll: {
		name: 'Wait (Real-Time Updates)',
		value: 'poll',
		description:
			"Follow the task over Wiro's WebSocket and return the video as soon as it ends; polls with a back-off when the socket is unavailable",
	},
	callback: {
		name: 'Pause Until Wiro Calls Back',
		value: 'callback',
		description:
			"Free the n8n worker while Wiro works; the execution resumes on Wiro's callback (one item per run; several items are waited for in real time)",
	},
	none: {
		name: "Don't Wait",
		value: 'none',
		description: 'Return the started task at once (use Task > Wait or the Wiro Trigger later)',
	},
} satisfies Record<string, INodePropertyOptions>;

function waitModeField(options: INodePropertyOptions[]): INodeProperties {
	return {
		displayName: 'Wait for Result',
		name: 'waitMode',
		type: 'options',
		// It decides how the whole run waits (and whether it pauses), so it is chosen, not computed per item.
		noDataExpression: true,
		options,
		default: 'poll',
		description: 'How the node waits for Wiro to finish',
	};
}

/** Generate: wait by polling, pause for the callback, or return the started task at once. */
export const generateWaitModeField = waitModeField([
	waitModes.poll,
	waitModes.callback,
	waitModes.none,
]);

/** Task > Wait always waits, so it has no "Don't Wait". */
export const taskWaitModeField = waitModeField([waitModes.poll, waitModes.callback]);

const option = {
	binaryPropertyName: {
		displayName: 'Binary Property',
		name: 'binaryPropertyName',
		type: 'string',
		default: 'data',
		description: 'Name of the binary property the video is written to; further files get _1, _2…',
	},
	callbackUrl: {
		displayName: 'Callback URL',
		name: 'callbackUrl',
		type: 'string',
		default: '',
		placeholder: 'https://n8n.example.com/webhook/…/webhook',
		description:
			"Wiro POSTs the finished task here (Wiro's callbackUrl), e.g. a Wiro Trigger's production URL",
	},
	download: {
		displayName: 'Download Output',
		name: 'download',
		type: 'boolean',
		default: true,
		description:
			'Whether to download the generated files into binary data (streamed, never held in memory whole)',
	},
	killOnAbandon: {
		displayName: 'Kill Unfinished Task',
		name: 'killOnAbandon',
		type: 'boolean',
		default: true,
		description:
			'Whether to stop the task on Wiro when the wait ends without a result (timeout or stopped execution), so it is not billed',
	},
	maxConcurrency: {
		displayName: 'Max Concurrent Tasks',
		name: 'maxConcurrency',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 20,
		description:
			"How many items run on Wiro at once; when Wiro's own limit is lower, items queue and start as tasks end",
	},
	pollInterval: {
		displayName: 'Poll Interval (Seconds)',
		name: 'pollInterval',
		type: 'number',
		typeOptions: { minValue: 0.2, numberPrecision: 1 },
		default: 1,
		description:
			'Shortest time between two status checks when polling (no WebSocket, or after the task socket said the task is ending); checks grow rarer as a task runs longer',
	},
	timeout: {
		displayName: 'Timeout (Seconds)',
		name: 'timeout',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 1800,
		description: 'How long to wait for the task before giving up',
	},
} satisfies Record<string, INodeProperties>;

/** What the code falls back to when an option is not set: the fields' own defaults. */
export const WAIT_DEFAULTS = {
	binaryPropertyName: option.binaryPropertyName.default,
	download: option.download.default,
	killOnAbandon: option.killOnAbandon.default,
	maxConcurrency: option.maxConcurrency.default,
	pollInterval: option.pollInterval.default,
	timeout: option.timeout.default,
};

function optionsField(options: INodeProperties[]): INodeProperties {
	return {
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [...options].sort((a, b) => a.displayName.localeCompare(b.displayName)),
	};
}

const { callbackUrl, ...waitOptions } = option;

/** Generate's options: how to wait, and a Callback URL for Wiro to call when the task ends. */
export const generateOptionsField = optionsField([callbackUrl, ...Object.values(waitOptions)]);

/** Task > Wait's options: the task was started elsewhere, so its callback URL is already set. */
export const taskWaitOptionsField = optionsField(Object.values(waitOptions));
