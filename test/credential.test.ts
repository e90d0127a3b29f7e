import type { IHttpRequestOptions } from 'n8n-workflow';

import { nextNonce, signatureFor, signRequest, WiroApi } from '../credentials/WiroApi.credentials';

describe('Wiro credential: signing', () => {
	it('matches known answers computed with openssl (echo -n "$SECRET$NONCE" | openssl dgst -sha256 -hmac "$KEY")', () => {
		expect(signatureFor('my-api-key', 's3cr3t', '1734513807')).toBe(
			'a7c26a1e641ef48b886176a5478b47d03df1fe7209db16a23d41eea0fd1d4dbf',
		);
		expect(signatureFor('YOUR_API_KEY', 'XXXXXXXXX', '1700000000')).toBe(
			'1f11013aaed18538d14d83cf80da4d999565ddb534ec2f0b48c50f9979442339',
		);
	});

	it('never repeats a nonce, even for thousands of requests signed at once', async () => {
		const credentials = { authentication: 'signature', apiKey: 'k', apiSecret: 's' };
		const signed = await Promise.all(
			Array.from(
				{ length: 5000 },
				async () => await signRequest(credentials, { url: '/x', headers: {} }),
			),
		);
		const nonces = signed.map((options) => String(options.headers?.['x-nonce']));
		expect(new Set(nonces).size).toBe(5000);
		for (const nonce of nonces) expect(nonce).toMatch(/^\d+$/);
		// Not a seconds timestamp: two nonces made in the same second differ.
		expect(nextNonce()).not.toBe(nextNonce());
	});

	it('signature mode sends key, nonce and a signature that verifies', async () => {
		const options = await signRequest(
			{ authentication: 'signature', apiKey: 'key-1', apiSecret: 'secret-1' },
			{ url: '/Task/Detail', headers: { 'Content-Type': 'application/json' } },
		);
		const headers = options.headers as Record<string, string>;
		expect(headers['x-api-key']).toBe('key-1');
		expect(headers['Content-Type']).toBe('application/json');
		expect(headers['x-signature']).toBe(signatureFor('key-1', 'secret-1', headers['x-nonce']));
		expect(JSON.stringify(options)).not.toContain('secret-1');
	});

	it('API-key-only mode sends the key alone', async () => {
		const options = await signRequest(
			{ authentication: 'apiKey', apiKey: 'key-2', apiSecret: 'unused' },
			{ url: '/x' },
		);
		expect(options.headers).toEqual({ 'x-api-key': 'key-2' });
	});

	it('overwrites the headers of an earlier attempt (n8n re-authenticates the same options on a 401)', async () => {
		const credentials = { authentication: 'signature', apiKey: 'key-3', apiSecret: 'secret-3' };
		const options: IHttpRequestOptions = {
			url: '/x',
			headers: { 'X-Nonce': '1', 'x-signature': 'stale' },
		};
		const first = await signRequest(credentials, options);
		const firstNonce = (first.headers as Record<string, string>)['x-nonce'];
		const second = await signRequest(credentials, first);
		const headers = second.headers as Record<string, string>;
		expect(Object.keys(headers).filter((name) => name.toLowerCase() === 'x-nonce')).toEqual([
			'x-nonce',
		]);
		expect(headers['x-nonce']).not.toBe(firstNonce);
		expect(headers['x-signature']).toBe(signatureFor('key-3', 'secret-3', headers['x-nonce']));
	});

	it('describes its fields as the issue fixes them', () => {
		const credential = new WiroApi();
		expect(credential.name).toBe('wiroApi');
		const byName = Object.fromEntries(
			credential.properties.map((property) => [property.name, property]),
		);
		expect(Object.keys(byName)).toEqual([
			'authentication',
			'apiKey',
			'apiSecret',
			'baseUrl',
			'socketUrl',
		]);
		expect(byName.authentication.default).toBe('signature');
		expect(byName.apiKey.typeOptions?.password).toBe(true);
		expect(byName.apiSecret.typeOptions?.password).toBe(true);
		expect(byName.apiSecret.displayOptions?.show?.authentication).toEqual(['signature']);
		expect(byName.baseUrl.default).toBe('https://api.wiro.ai/v1');
		expect(byName.socketUrl).toMatchObject({
			displayName: 'WebSocket URL',
			type: 'string',
			default: 'wss://socket.wiro.ai/v1',
		});
	});
});
