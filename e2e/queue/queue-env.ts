import type { PostgresServer, RedisServer } from './services';

export interface QueueEnvSettings {
	redis: Pick<RedisServer, 'host' | 'port'>;
	postgres: Pick<PostgresServer, 'host' | 'port' | 'database' | 'user' | 'password'>;
	/** The same on every process, or credentials cannot be decrypted. */
	encryptionKey: string;
	/** Shared storage folder for binary data, N8N_STORAGE_PATH (on real machines: a shared volume). */
	binaryDataDir: string;
	/** Where every process tells the outside world to send webhooks: the webhook process. */
	webhookBaseUrl: string;
}

/**
 * What `n8n start`, `n8n worker` and `n8n webhook` must agree on in queue
 * mode. Binary data: queue mode would default to `database`, which buffers
 * whole files in memory and in PostgreSQL; we use `filesystem` on a folder all
 * three processes see, as a shared volume would be in production.
 */
export function sharedQueueEnv(settings: QueueEnvSettings): Record<string, string> {
	return {
		EXECUTIONS_MODE: 'queue',
		QUEUE_BULL_REDIS_HOST: settings.redis.host,
		QUEUE_BULL_REDIS_PORT: String(settings.redis.port),
		DB_TYPE: 'postgresdb',
		DB_POSTGRESDB_HOST: settings.postgres.host,
		DB_POSTGRESDB_PORT: String(settings.postgres.port),
		DB_POSTGRESDB_DATABASE: settings.postgres.database,
		DB_POSTGRESDB_USER: settings.postgres.user,
		DB_POSTGRESDB_PASSWORD: settings.postgres.password,
		N8N_ENCRYPTION_KEY: settings.encryptionKey,
		N8N_DEFAULT_BINARY_DATA_MODE: 'filesystem',
		N8N_STORAGE_PATH: settings.binaryDataDir,
		N8N_WEBHOOK_URL: settings.webhookBaseUrl,
		N8N_LOG_LEVEL: 'info',
	};
}

/** The main process serves the editor and API only: production webhooks go to the webhook process. */
export function mainOnlyEnv(): Record<string, string> {
	return { N8N_DISABLE_PRODUCTION_MAIN_PROCESS: 'true' };
}

/** The worker's health server, which tells when it is ready. */
export function workerEnv(healthPort: number): Record<string, string> {
	return {
		QUEUE_HEALTH_CHECK_ACTIVE: 'true',
		QUEUE_HEALTH_CHECK_PORT: String(healthPort),
		N8N_WORKER_SERVER_ADDRESS: '127.0.0.1',
	};
}
