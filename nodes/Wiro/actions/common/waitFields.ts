import type { INodeProperties } from 'n8n-workflow';

const waitModeChoices: INodeProperties = {
	displayName: 'Wait for Result',
	name: 'waitMode',
	type: 'options',
	options: [
		{
			name: 'Wait (Real-Time Updates)',
			value: 'poll',
			description: "Follow the task over Wiro's WebSocket and return the video as soon as it ends; polls with a back-off when the socket is unavailable",
		},
		{
			name: 'Pause Until Wiro Calls Back',
			value: 'callback',
			description: 'Free the n8n worker while Wiro works; the execution resumes on Wiro\'s callback (one item per run; several items are polled)',
		},
		{
			name: "Don't Wait",
			value: 'none',
			description: 'Return the started task at once (use Task > Wait or the Wiro Trigger later)',
		},
	],
	default: 'poll',
	description: 'How the node waits for Wiro to finish',
};

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
		description: "Wiro POSTs the finished task here (Wiro's callbackUrl), e.g. a Wiro Trigger's production URL",
	},
	download: {
		displayName: 'Download Output',
		name: 'download',
		type: 'boolean',
		default: true,
		description: 'Whether to download the generated files into binary data (streamed, never held in memory whole)',
	},
	killOnAbandon: {
		displayName: 'Kill Unfinished Task',
		name: 'killOnAbandon',
		type: 'boolean',
		default: true,
		description: 'Whether to stop the task on Wiro when the wait ends without a result (timeout or stopped execution), so it is not billed',
	},
	maxConcurrency: {
		displayName: 'Max Concurrent Tasks',
		name: 'maxConcurrency',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 20,
		description: "How many items run on Wiro at once; when Wiro's own limit is lower, items queue and start as tasks end",
	},
	pollInterval: {
		displayName: 'Poll Interval (Seconds)',
		name: 'pollInterval',
		type: 'number',
		typeOptions: { minValue: 0.2, numberPrecision: 1 },
		default: 1,
		description: 'Shortest time between two status checks when polling (no WebSocket, or after the task socket said the task is ending); checks grow rarer as a task runs longer',
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

/** How an operation waits; Task > Wait always waits, so it has no "Don't Wait". */
export function waitModeField(withDontWait: boolean): INodeProperties {
	const options = (waitModeChoices.options ?? []).filter((option) => withDontWait || !('value' in option) || option.value !== 'none');
	return { ...waitModeChoices, options };
}

/** The options collection of an operation that waits for a task. */
export function waitOptionsField(withCallbackUrl: boolean): INodeProperties {
	const { callbackUrl, ...rest } = option;
	const options = withCallbackUrl ? { callbackUrl, ...rest } : rest;
	return {
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: Object.values(options).sort((a, b) => a.displayName.localeCompare(b.displayName)),
	};
}
