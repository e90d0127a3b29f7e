import { createHmac, timingSafeEqual } from 'crypto';
import type { IncomingHttpHeaders } from 'http';
import type { WiroProject } from './types';

export const AUTH_MESSAGES = {
	unknownKey: 'Project authorization is not founded.',
	signatureRequired:
		'Project requires signature authentication. x-signature and x-nonce headers are required.',
	invalid: 'Project authorization is not valid.',
} as const;

export type AuthResult = { ok: true; project: WiroProject } | { ok: false; message: string };

/** hex(HMAC-SHA256(key = apiKey, message = apiSecret + nonce)), as wiro-api.md specifies. */
export function wiroSignature(apiKey: string, apiSecret: string, nonce: string): string {
	return createHmac('sha256', apiKey)
		.update(apiSecret + nonce)
		.digest('hex');
}

export class Authenticator {
	private readonly usedNonces = new Map<string, Set<string>>();

	constructor(private readonly projects: () => WiroProject[]) {}

	check(headers: IncomingHttpHeaders): AuthResult {
		const apiKey = single(headers['x-api-key']);
		const project = this.projects().find((candidate) => candidate.apiKey === apiKey);
		if (!apiKey || !project) return { ok: false, message: AUTH_MESSAGES.unknownKey };
		if (project.mode === 'apiKey') return { ok: true, project };

		const nonce = single(headers['x-nonce']);
		const signature = single(headers['x-signature']);
		if (!nonce || !signature) return { ok: false, message: AUTH_MESSAGES.signatureRequired };
		const expected = Buffer.from(wiroSignature(project.apiKey, project.apiSecret ?? '', nonce));
		const given = Buffer.from(signature.toLowerCase());
		if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
			return { ok: false, message: AUTH_MESSAGES.invalid };
		}
		const used = this.usedNonces.get(project.apiKey) ?? new Set<string>();
		if (used.has(nonce)) return { ok: false, message: AUTH_MESSAGES.invalid };
		used.add(nonce);
		this.usedNonces.set(project.apiKey, used);
		return { ok: true, project };
	}

	forgetNonces(): void {
		this.usedNonces.clear();
	}
}

function single(value: string | string[] | undefined): string | undefined {
	return Array.isArray(value) ? value[0] : value;
}
