import type { CredentialToImport } from '../instance';

/** The id and name every example workflow refers to. */
export const WIRO_CREDENTIAL_ID = 'wiroLocalCred01';
export const WIRO_CREDENTIAL_NAME = 'Wiro account';
export const WIRO_CREDENTIAL_TYPE = 'wiroApi';

export interface WiroCredentialFields {
	apiKey: string;
	/** Left out for a key-only project. */
	apiSecret?: string | undefined;
	/** Wiro's own URL when left out. */
	baseUrl?: string | undefined;
	/** The task socket (the credential's WebSocket URL); Wiro's own when left out, '' turns it off. */
	socketUrl?: string | undefined;
}

/** The credential the examples use, as `n8n import:credentials` takes it. */
export function wiroCredential(fields: WiroCredentialFields): CredentialToImport {
	const data: Record<string, unknown> = {
		authentication: fields.apiSecret === undefined ? 'apiKey' : 'signature',
		apiKey: fields.apiKey,
	};
	if (fields.apiSecret !== undefined) data['apiSecret'] = fields.apiSecret;
	if (fields.baseUrl !== undefined) data['baseUrl'] = fields.baseUrl;
	if (fields.socketUrl !== undefined) data['socketUrl'] = fields.socketUrl;
	return { id: WIRO_CREDENTIAL_ID, name: WIRO_CREDENTIAL_NAME, type: WIRO_CREDENTIAL_TYPE, data };
}
