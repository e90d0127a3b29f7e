export { repoRoot, examplesDir } from './paths';
export {
	wiroCredential,
	WIRO_CREDENTIAL_ID,
	WIRO_CREDENTIAL_NAME,
	WIRO_CREDENTIAL_TYPE,
	type WiroCredentialFields,
} from './credential';
export {
	EXAMPLE_FILES,
	EXAMPLES_N8N_URL,
	MANUAL_TRIGGER_NAME,
	copyWorkflow,
	feedPrompts,
	findNode,
	loadAllExamples,
	loadExample,
	patchNode,
	pointAtN8n,
	startWithWebhook,
	type ExampleName,
} from './examples';
export { prepareWiroN8n, type WiroN8nOptions } from './setup';
