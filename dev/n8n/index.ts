export {
	ensureN8n,
	cacheRoot,
	DEFAULT_N8N_VERSION,
	installedN8nVersion,
	type N8nInstall,
	type EnsureN8nOptions,
} from './install';
export {
	N8nInstance,
	type N8nInstanceOptions,
	type CredentialToImport,
	type WorkflowToImport,
	type StartOptions,
} from './instance';
export {
	nodeOutputJson,
	type ExecutionResult,
	type NodeRun,
	type NodeOutputItem,
	type RunData,
} from './execution-result';
export { readBinaryData } from './binary-data';
export { findFreePort } from './free-port';
export type { CredentialTestResult } from './credential-test';
export type { PublicExecution, ListExecutionsQuery } from './public-api';
export type { OwnerAccess, OwnerAccount } from './owner-setup';
export type { RegisteredTypes } from './registered-types';
export { isJsonObject, type JsonObject } from './json-guards';
export { logMessages } from './log-messages';
