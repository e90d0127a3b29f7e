export { binaryFilePath, binaryToBuffer } from './binary';
export {
	clearCredentialRequests,
	credentialRequests,
	type AuthenticatedRequest,
} from './credentials-helper';
export { disposeEnvironment as disposeWorkflowRunner, prepareEnvironment } from './environment';
export { ITEMS_NODE_NAME, TRIGGER_NODE_NAME, workflowNode } from './assemble-workflow';
export {
	ITEMS_SOURCE_TYPE,
	MANUAL_TRIGGER_TYPE,
	testNodeDescription,
	type NodeTypeMap,
} from './node-types';
export type { RunWorkflowResult } from './run-result';
export { resumeWorkflow, runWorkflow, type RunWorkflowOptions } from './run-workflow';
export {
	makeWebhookContext,
	runWebhook,
	runWebhookMethod,
	type WebhookCallOptions,
	type WebhookCallResult,
	type WebhookCall,
} from './webhook-context';
