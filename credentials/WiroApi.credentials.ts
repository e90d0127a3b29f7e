import { createHmac, randomInt } from 'crypto';
import type {
	IAuthenticate,
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestOptions,
	INodeProperties,
	Icon,
} from 'n8n-workflow';

export const WIRO_DEFAULT_BASE_URL = 'https://api.wiro.ai/v1';
export const WIRO_DEFAULT_SOCKET_URL = 'wss://socket.wiro.ai/v1';

let lastNonce = 0;

/**
 * A nonce that never repeats in this process and is very unlikely to repeat across processes:
 * microseconds since the epoch plus a random offset, strictly increasing. A seconds timestamp
 * would repeat for two requests sent in the same second, which Wiro refuses as a replay.
 */
export function nextNonce(): string {
	const candidate = Date.now() * 1000 + randomInt(0, 1000);
	lastNonce = Math.max(candidate, lastNonce + 1);
	return String(lastNonce);
}

/** hex(HMAC-SHA256(key = API key, message = API secret + nonce)), as Wiro's Authentication page specifies. */
export function signatureFor(apiKey: string, apiSecret: string, nonce: string): string {
	return createHmac('sha256', apiKey)
		.update(apiSecret + nonce)
		.digest('hex');
}

/** Sets Wiro's auth headers on every request, overwriting any from an earlier attempt (n8n retries a 401 once). */
export async function signRequest(
	credentials: ICredentialDataDecryptedObject,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const apiKey = String(credentials.apiKey ?? '');
	const headers: Record<string, string> = {};
	for (const [name, value] of Object.entries(requestOptions.headers ?? {})) {
		if (!['x-api-key', 'x-nonce', 'x-signature'].includes(name.toLowerCase()))
			headers[name] = String(value);
	}
	headers['x-api-key'] = apiKey;
	if (credentials.authentication !== 'apiKey') {
		const nonce = nextNonce();
		headers['x-nonce'] = nonce;
		headers['x-signature'] = signatureFor(apiKey, String(credentials.apiSecret ?? ''), nonce);
	}
	requestOptions.headers = headers;
	return requestOptions;
}

export class WiroApi implements ICredentialType {
	name = 'wiroApi';

	displayName = 'Wiro API';

	icon: Icon = { light: 'file:../nodes/Wiro/wiro.svg', dark: 'file:../nodes/Wiro/wiro.dark.svg' };

	documentationUrl = 'https://wiro.ai/docs/authentication';

	properties: INodeProperties[] = [
		{
			displayName: 'Authentication',
			name: 'authentication',
			type: 'options',
			options: [
				{
					name: 'Signature (API Key and Secret)',
					value: 'signature',
					description: 'Every request is signed with HMAC-SHA256 and a fresh nonce (recommended)',
				},
				{
					name: 'API Key Only',
					value: 'apiKey',
					description: 'For Wiro projects created with API-key-only authentication',
				},
			],
			default: 'signature',
			description: 'Must match how the Wiro project was created',
		},
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
			description: "The project's API key from the Wiro dashboard",
		},
		{
			displayName: 'API Secret',
			name: 'apiSecret',
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
			description: "The project's API secret; it never leaves n8n, only signatures made with it do",
			displayOptions: { show: { authentication: ['signature'] } },
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: WIRO_DEFAULT_BASE_URL,
			description: 'Change only to reach Wiro through a proxy or a local Wiro-compatible server',
		},
		{
			displayName: 'WebSocket URL',
			name: 'socketUrl',
			type: 'string',
			default: WIRO_DEFAULT_SOCKET_URL,
			description:
				"Wiro's task socket: a running node hears at once when its task ends instead of polling. Leave empty to turn real-time updates off (the node then polls).",
		},
	];

	authenticate: IAuthenticate = signRequest;

	// Task/Detail on a task that cannot exist proves key and secret without starting a paid task:
	// bad credentials answer 401, good ones answer 200 with "There is no task yet.".
	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.baseUrl.replace(/\\/+$/, "")}}',
			url: '/Task/Detail',
			method: 'POST',
			body: { taskid: '0' },
			json: true,
		},
		rules: [
			{
				type: 'responseSuccessBody',
				properties: {
					key: 'errors[0].code',
					value: 98,
					message: 'Wiro asks to sign in: check the API key and the authentication mode',
				},
			},
		],
	};
}
