import { ensureN8n } from './install';

ensureN8n()
	.then((install) => {
		console.log(JSON.stringify(install, null, 2));
	})
	.catch((error: unknown) => {
		console.error(error instanceof Error ? error.message : error);
		process.exitCode = 1;
	});
