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

export interface OwnerAccount {
	email: string;
	firstName: string;
	lastName: string;
	password: string;
}

export const DEFAULT_OWNER: OwnerAccount = {
	email: 'owner@example.com',
	firstName: 'E2E',
	lastName: 'Owner',
	// n8n wants 8+ characters with a digit and an upper-case letter.
	password: 'E2e-Password-123',
};

/** Logs in with the owner, creating it first on a fresh instance. */
async function ownerSessionCookie(restUrl: string, owner: OwnerAccount): Promise<string> {
	const setup = await httpRequest(`${restUrl}/owner/setup`, { body: owner });
	if (setup.status === 200) return cookieHeaderFrom(setup);
	// A reused user folder already has an owner: log in instead.
	const login = await httpRequest(`${restUrl}/login`, {
		body: { emailOrLdapLoginId: owner.email, password: owner.password },
	});
	unwrapRestData(
		login,
		`owner setup (HTTP ${setup.status}: ${setup.text.slice(0, 200)}), then login`,
	);
	return cookieHeaderFrom(login);
}

async function createApiKey(restUrl: string, cookie: string): Promise<string> {
	const scopes = unwrapRestData(
		await httpRequest(`${restUrl}/api-keys/scopes`, { headers: { cookie } }),
		'GET /rest/api-keys/scopes',
	);
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

/** Creates the owner on a fresh instance, or signs in as it; returns the session cookie. */
export async function signInOwner(
	baseUrl: string,
	owner: OwnerAccount = DEFAULT_OWNER,
): Promise<string> {
	const cookie = await ownerSessionCookie(new URL('rest', baseUrl).href, owner);
	if (!cookie.includes('n8n-auth=')) throw new Error('n8n did not set its n8n-auth cookie');
	return cookie;
}

/**
 * POST /rest/owner/setup {email, firstName, lastName, password} sets the
 * `n8n-auth` cookie; POST /rest/api-keys {label, scopes, expiresAt} with it
 * answers `{data: {rawApiKey}}`. Scopes are all those the owner role may grant.
 */
export async function setupOwnerAndApiKey(
	baseUrl: string,
	owner: OwnerAccount = DEFAULT_OWNER,
): Promise<OwnerAccess> {
	const cookie = await signInOwner(baseUrl, owner);
	const apiKey = await createApiKey(new URL('rest', baseUrl).href, cookie);
	return { email: owner.email, password: owner.password, cookie, apiKey };
}
