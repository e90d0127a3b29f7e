import { delimiter, dirname } from 'node:path';

export interface N8nEnvSettings {
	nodeBin: string;
	userFolder: string;
	port: number;
	brokerPort: number;
	/** Fixed so credentials imported once stay readable across restarts. */
	encryptionKey: string;
	extra?: Record<string, string>;
}

/**
 * Variables of the caller that must not leak into n8n and change its
 * behaviour. Jest sets NODE_ENV=test, which silences n8n's logger (and so the
 * output `n8n execute` is read from).
 */
const NOT_INHERITED_PREFIXES = ['N8N_', 'DB_', 'EXECUTIONS_', 'JEST_'];
const NOT_INHERITED_NAMES = new Set(['NODE_ENV', 'NODE_OPTIONS', 'E2E_TESTS']);

function isInheritedSafely(name: string): boolean {
	return (
		!NOT_INHERITED_NAMES.has(name) &&
		!NOT_INHERITED_PREFIXES.some((prefix) => name.startsWith(prefix))
	);
}

/**
 * The environment for a headless n8n with sqlite, no telemetry and only
 * loopback addresses (see shared/docs/n8n-notes.md).
 */
export function buildN8nEnv(settings: N8nEnvSettings): Record<string, string> {
	const inherited: Record<string, string> = {};
	for (const [name, value] of Object.entries(process.env)) {
		if (value !== undefined && isInheritedSafely(name)) inherited[name] = value;
	}
	const baseUrl = `http://127.0.0.1:${settings.port}/`;
	return {
		...inherited,
		PATH: `${dirname(settings.nodeBin)}${delimiter}${process.env['PATH'] ?? ''}`,
		NODE_ENV: 'production',
		N8N_USER_FOLDER: settings.userFolder,
		N8N_ENCRYPTION_KEY: settings.encryptionKey,
		DB_TYPE: 'sqlite',
		N8N_DIAGNOSTICS_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
		N8N_TEMPLATES_ENABLED: 'false',
		N8N_PERSONALIZATION_ENABLED: 'false',
		N8N_DISABLED_MODULES: 'mcp-registry',
		N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'false',
		N8N_COMMUNITY_PACKAGES_ENABLED: 'true',
		N8N_UNVERIFIED_PACKAGES_ENABLED: 'true',
		N8N_HOST: '127.0.0.1',
		N8N_PROTOCOL: 'http',
		N8N_PORT: String(settings.port),
		N8N_LISTEN_ADDRESS: '127.0.0.1',
		N8N_EDITOR_BASE_URL: baseUrl,
		N8N_WEBHOOK_URL: baseUrl,
		N8N_SECURE_COOKIE: 'false',
		N8N_RUNNERS_BROKER_PORT: String(settings.brokerPort),
		N8N_RUNNERS_BROKER_LISTEN_ADDRESS: '127.0.0.1',
		N8N_GRACEFUL_SHUTDOWN_TIMEOUT: '5',
		...settings.extra,
	};
}
