import { Credentials } from 'n8n-core';
import {
	ICredentialsHelper,
	isExpression,
	UnexpectedError,
	type IAuthenticateGeneric,
	type ICredentialDataDecryptedObject,
	type ICredentialType,
	type IDataObject,
	type IHttpRequestHelper,
	type IHttpRequestOptions,
	type INode,
	type INodeCredentialsDetails,
	type INodeProperties,
	type IRequestOptionsSimplified,
	type Workflow,
} from 'n8n-workflow';

/** One entry per `authenticate` call: what the request looked like afterwards. */
export interface AuthenticatedRequest {
	credentialType: string;
	nodeName?: string;
	url?: string;
	method?: string;
	headers: Record<string, unknown>;
	qs: Record<string, unknown>;
	options: IHttpRequestOptions;
}

const requestLog: AuthenticatedRequest[] = [];

/** Requests authenticated so far in this test file (oldest first). */
export function credentialRequests(): readonly AuthenticatedRequest[] {
	return requestLog;
}

export function clearCredentialRequests(): void {
	requestLog.length = 0;
}

function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Credential fields are plain JSON values; drop what cannot be stored. */
function toCredentialData(source: Record<string, unknown>): ICredentialDataDecryptedObject {
	const data: ICredentialDataDecryptedObject = {};
	for (const [key, value] of Object.entries(source)) {
		if (value === undefined || value === null) continue;
		if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
			data[key] = value;
		} else if (typeof value === 'object') {
			data[key] = value as IDataObject;
		}
	}
	return data;
}

function record(type: string, options: IHttpRequestOptions, node?: INode): void {
	requestLog.push({
		credentialType: type,
		nodeName: node?.name,
		url: options.url,
		method: options.method,
		headers: isRecord(options.headers) ? { ...options.headers } : {},
		qs: isRecord(options.qs) ? { ...options.qs } : {},
		options: { ...options },
	});
}

/**
 * Test stand-in for the CLI's CredentialsHelper: credentials come from memory,
 * `authenticate` follows n8n's rules (function: awaited with the request
 * options; generic object: `{{$credentials.x}}` expressions resolved into
 * headers/qs/body/auth of the same options object).
 */
export class RunnerCredentialsHelper extends ICredentialsHelper {
	constructor(
		private readonly types: Record<string, ICredentialType>,
		private readonly store: Record<string, ICredentialDataDecryptedObject>,
	) {
		super();
	}

	private typeOf(name: string): ICredentialType {
		const type = this.types[name];
		if (type === undefined) {
			throw new UnexpectedError(`Unknown credential type "${name}": pass it in credentialTypes`);
		}
		return type;
	}

	getParentTypes(name: string): string[] {
		const parents = this.types[name]?.extends ?? [];
		return parents.flatMap((parent) => [parent, ...this.getParentTypes(parent)]);
	}

	isCredentialUsableByNode(credentialType: string, nodeType: string): boolean {
		const type = this.types[credentialType];
		if (!type?.restrictToSupportedNodes) return true;
		const shortName = nodeType.split('.').pop() ?? nodeType;
		return (type.supportedNodes ?? []).some((name) => name === nodeType || name === shortName);
	}

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		requestOptions: IHttpRequestOptions | IRequestOptionsSimplified,
		workflow?: Workflow,
		node?: INode,
	): Promise<IHttpRequestOptions> {
		const { authenticate } = this.typeOf(typeName);
		// n8n passes the same object through; both request shapes carry these fields.
		let options = requestOptions as IHttpRequestOptions;
		if (typeof authenticate === 'function') {
			options = await authenticate(credentials, options);
		} else if (authenticate !== undefined) {
			if (!workflow || !node) {
				throw new UnexpectedError('Workflow and node are required for generic authentication');
			}
			applyGeneric(authenticate, options, (value) => resolve(value, credentials, workflow, node));
		}
		record(typeName, options, node);
		return options;
	}

	async preAuthentication(
		helpers: IHttpRequestHelper,
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		_node: INode,
		credentialsExpired: boolean,
	): Promise<ICredentialDataDecryptedObject | undefined> {
		const type = this.typeOf(typeName);
		const expirable = type.properties.find(
			(property) => property.type === 'hidden' && property.typeOptions?.expirable === true,
		);
		if (!expirable || typeof type.preAuthentication !== 'function') return undefined;
		if (credentials[expirable.name] !== '' && !credentialsExpired) return undefined;
		const output = await type.preAuthentication.call(helpers, credentials);
		if (output[expirable.name] === undefined) return undefined;
		const refreshed = toCredentialData(output);
		this.store[typeName] = { ...this.store[typeName], ...refreshed };
		return Object.assign(credentials, refreshed);
	}

	async runPreAuthentication(
		helpers: IHttpRequestHelper,
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
	): Promise<ICredentialDataDecryptedObject | undefined> {
		const { preAuthentication } = this.typeOf(typeName);
		if (typeof preAuthentication !== 'function') return undefined;
		return toCredentialData(await preAuthentication.call(helpers, credentials));
	}

	async getCredentials(details: INodeCredentialsDetails, type: string): Promise<Credentials> {
		const credentials = new Credentials(details, type);
		await credentials.setData(this.decrypted(type));
		return credentials;
	}

	async getDecrypted(
		...args: Parameters<ICredentialsHelper['getDecrypted']>
	): Promise<ICredentialDataDecryptedObject> {
		return this.decrypted(args[2]);
	}

	async updateCredentials(
		_details: INodeCredentialsDetails,
		type: string,
		data: ICredentialDataDecryptedObject,
	): Promise<void> {
		this.store[type] = { ...data };
	}

	async updateCredentialsOauthTokenData(
		_details: INodeCredentialsDetails,
		type: string,
		data: ICredentialDataDecryptedObject,
	): Promise<void> {
		this.store[type] = { ...this.store[type], ...data };
	}

	getCredentialsProperties(type: string): INodeProperties[] {
		const own = this.typeOf(type);
		const inherited = (own.extends ?? []).flatMap((parent) =>
			this.getCredentialsProperties(parent),
		);
		const ownNames = new Set(own.properties.map((property) => property.name));
		return [...inherited.filter((property) => !ownNames.has(property.name)), ...own.properties];
	}

	/** Stored data with property defaults filled in, as n8n does on decrypt. */
	private decrypted(type: string): ICredentialDataDecryptedObject {
		const data = this.store[type];
		if (data === undefined) {
			throw new UnexpectedError(`No test credentials of type "${type}": pass them in credentials`);
		}
		const defaults: Record<string, unknown> = {};
		for (const property of this.getCredentialsProperties(type)) {
			if (property.type !== 'notice') defaults[property.name] = property.default;
		}
		return { ...toCredentialData(defaults), ...data };
	}
}

function resolve(
	value: unknown,
	credentials: ICredentialDataDecryptedObject,
	workflow: Workflow,
	node: INode,
): unknown {
	if (!isExpression(value)) return value;
	const resolved = workflow.expression.getSimpleParameterValue(
		node,
		value,
		'internal',
		{ $credentials: credentials },
		undefined,
		'',
	);
	return resolved ? String(resolved) : '';
}

/** `{headers: {Authorization: '=Bearer {{$credentials.token}}'}}` style auth. */
function applyGeneric(
	authenticate: IAuthenticateGeneric,
	options: IHttpRequestOptions,
	resolveValue: (value: unknown) => unknown,
): void {
	const target = options as unknown as Record<string, unknown>;
	for (const [section, entries] of Object.entries(authenticate.properties)) {
		if (!isRecord(entries)) continue;
		const existing = target[section];
		const bucket: Record<string, unknown> = isRecord(existing) ? existing : {};
		target[section] = bucket;
		for (const [key, value] of Object.entries(entries)) {
			bucket[String(resolveValue(key))] = resolveValue(value);
		}
	}
}
