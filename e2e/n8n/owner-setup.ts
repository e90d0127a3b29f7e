import { isJsonObject, stringField } from './json-guards';
import { cookieHeaderFrom, httpRequest, unwrapRestData } from './rest-client';

export interface OwnerAccess {
	email: string;
	password: string;
	/** Cookie header carrying n8n's `n8n-auth` session, for /rest and /types. */
	cookie: string;
	/** Value for the X-N8N-API-KEY header of the public API (/api/v1). */
	apiKey: string;
}

export const DEFAULT_OWNER = {
	email: 'owner@example.com',
	firstName: 'E2E',
	lastName: 'Owner',
	// n8n wants 8+ characters with a digit and an upper-case letter.
	password: 'E2e-Password-123',
};

/** Logs in with the owner, creating it first on a fresh instance. */
async function ownerSessionCookie(restUrl: string): Promise<string> {
	const setup = await httpRequest(`${restUrl}/owner/setup`, { body: DEFAULT_OWNER });
	if (setup.status === 200) return cookieHeaderFrom(setup);
	// A reused user folder already has an owner: log in instead.
	const login = await httpRequest(`${restUrl}/login`, {
		body: { emailOrLdapLoginId: DEFAULT_OWNER.email, password: DEFAULT_OWNER.password },
	});
	unwrapRestData(login, `owner setup (HTTP ${setup.status}: ${setup.text.slice(0, 200)}), then login`);
	return cookieHeaderFrom(login);
}

async function createApiKey(restUrl: string, cookie: string): Promise<string> {
	const scopes = unwrapRestData(await httpRequest(`${restUrl}/api-keys/scopes`, { headers: { cookie } }), 'GET /rest/api-keys/scopes');
	if (!Array.isArray(scopes)) throw new Error('GET /rest/api-keys/scopes did not return a list');
	const created = unwrapRestData(
		await httpRequest(`${restUrl}/api-keys`, {
			headers: { cookie },
			body: { label: `e2e ${Date.now()}`, scopes, expiresAt: null },
		}),
		'POST /rest/api-keys',
	);
	const apiKey = isJsonObject(created) ? stringField(created, 'rawApiKey') : undefined;
	if (!apiKey) throw new Error('POST /rest/api-keys returned no rawApiKey');
	return apiKey;
}

/**
 * POST /rest/owner/setup {email, firstName, lastName, password} sets the
 * `n8n-auth` cookie; POST /rest/api-keys {label, scopes, expiresAt} with it
 * answers `{data: {rawApiKey}}`. Scopes are all those the owner role may grant.
 */
export async function setupOwnerAndApiKey(baseUrl: string): Promise<OwnerAccess> {
	const restUrl = new URL('rest', baseUrl).href;
	const cookie = await ownerSessionCookie(restUrl);
	if (!cookie.includes('n8n-auth=')) throw new Error('n8n did not set its n8n-auth cookie');
	const apiKey = await createApiKey(restUrl, cookie);
	return { email: DEFAULT_OWNER.email, password: DEFAULT_OWNER.password, cookie, apiKey };
}
