export { ensureN8n, cacheRoot, DEFAULT_N8N_VERSION, type N8nInstall, type EnsureN8nOptions } from './install';
export {
	N8nInstance,
	type N8nInstanceOptions,
	type CredentialToImport,
	type WorkflowToImport,
	type StartOptions,
} from './instance';
export { nodeOutputJson, type ExecutionResult, type NodeRun, type NodeOutputItem, type RunData } from './execution-result';
export type { PublicExecution, ListExecutionsQuery } from './public-api';
export type { OwnerAccess } from './owner-setup';
export type { RegisteredTypes } from './registered-types';
export type { JsonObject } from './json-guards';
