import {
	NodeConnectionTypes,
	type INodeType,
	type INodeTypeDescription,
	type IWebhookFunctions,
	type IWebhookResponseData,
} from 'n8n-workflow';

import { unregisteredWebhookMethods } from '../Wiro/helpers/callback';
import { WIRO_ICON } from '../Wiro/wiroIcon';
import { handleCallback } from './handleCallback';

export class WiroTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Wiro Trigger',
		name: 'wiroTrigger',
		icon: WIRO_ICON,
		group: ['trigger'],
		version: 1,
		subtitle: '={{ "On " + $parameter["triggerOn"].join(", ") }}',
		description: 'Starts the workflow when Wiro calls back with a finished task',
		defaults: { name: 'Wiro Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{ name: 'wiroApi', required: true, displayOptions: { show: { verify: [true] } } },
		],
		webhooks: [
			{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', path: 'webhook' },
		],
		properties: [
			{
				displayName:
					"Give this trigger's Production URL to Wiro as the callback URL: in the Wiro node, Options > Callback URL, or as callbackUrl in any Run request. Publish the workflow first.",
				name: 'notice',
				type: 'notice',
				default: '',
			},
			{
				displayName: 'Trigger On',
				name: 'triggerOn',
				type: 'multiOptions',
				options: [
					{
						name: 'Cancelled',
						value: 'cancelled',
						description: 'The task was cancelled or killed',
					},
					{
						name: 'Failed',
						value: 'failed',
						description: 'The task ended with a non-zero exit code',
					},
					{ name: 'Succeeded', value: 'succeeded', description: 'The task ended with its video' },
				],
				default: ['succeeded', 'failed'],
				description: 'Which task outcomes start the workflow',
			},
			{
				displayName: 'Verify With Wiro',
				name: 'verify',
				type: 'boolean',
				default: true,
				description:
					"Whether to confirm each callback with Wiro's Task/Detail before starting the workflow. Wiro signs no callbacks: when off, anyone who knows this URL can start the workflow with a made-up task, and only outputs on Wiro's CDN (https, wiro.ai) are downloaded.",
			},
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add Option',
				default: {},
				options: [
					{
						displayName: 'Binary Property',
						name: 'binaryPropertyName',
						type: 'string',
						default: 'data',
						description: 'Name of the binary property the video is written to',
					},
					{
						displayName: 'Download Output',
						name: 'download',
						type: 'boolean',
						default: true,
						description:
							'Whether to download the video of a succeeded task into binary data (streamed)',
					},
				],
			},
		],
	};

	webhookMethods = unregisteredWebhookMethods;

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		return await handleCallback.call(this);
	}
}
