/**
 * Whether a URL is on Wiro's CDN: https on the default port, host `wiro.ai` or a subdomain of it,
 * no user info. Only such URLs are downloaded from a callback body that was not verified with Wiro,
 * so an unauthenticated request cannot make n8n fetch an address of the attacker's choosing.
 */
export function isWiroCdnUrl(url: string): boolean {
	let parsed: URL;
	try {
		parsed = new URL(url);
	} catch {
		return false;
	}
	if (
		parsed.protocol !== 'https:' ||
		parsed.port !== '' ||
		parsed.username !== '' ||
		parsed.password !== ''
	)
		return false;
	const host = parsed.hostname;
	return host === 'wiro.ai' || host.endsWith('.wiro.ai');
}
