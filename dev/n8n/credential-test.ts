import { isJsonObject, stringField } from './json-guards';
import { httpRequest, unwrapRestData } from './rest-client';

export interface CredentialTestResult {
	/** n8n's verdict: 'OK' or 'Error'. */
	status: string;
	message: string;
}

interface CredentialToTest {
	id: string;
	name: string;
	type: string;
	data: Record<string, unknown>;
}

/**
 * POST /rest/credentials/test {credentials: {id, name, type, data}}: n8n 2.x
 * finds the stored credential by id (the caller must be allowed to read it),
 * merges `data` over it and runs the credential type's `test` request.
 * Answers `{data: {status, message}}`.
 */
export async function testCredential(
	baseUrl: string,
	cookie: string,
	credential: CredentialToTest,
): Promise<CredentialTestResult> {
	const response = await httpRequest(new URL('rest/credentials/test', baseUrl).href, {
		headers: { cookie },
		body: { credentials: credential },
		timeoutMs: 60_000,
	});
	const data = unwrapRestData(response, 'POST /rest/credentials/test');
	if (!isJsonObject(data))
		throw new Error(
			`POST /rest/credentials/test answered no result: ${response.text.slice(0, 300)}`,
		);
	return {
		status: stringField(data, 'status') ?? 'unknown',
		message: stringField(data, 'message') ?? '',
	};
}
