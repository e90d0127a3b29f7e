/**
 * Unit and integration tests: the nodes run through n8n-core against the local Wiro-compatible server.
 *
 * The node waits over the runtime's own WebSocket (global from Node.js 22). On Node.js 20 it needs
 * --experimental-websocket: it is added to NODE_OPTIONS for the test workers, and workers are always
 * used (a memory limit makes jest never run tests in its own, flagless process).
 */
const needsWebSocketFlag =
	typeof WebSocket === 'undefined' &&
	process.allowedNodeEnvironmentFlags.has('--experimental-websocket');
if (needsWebSocketFlag) {
	process.env.NODE_OPTIONS = [process.env.NODE_OPTIONS, '--experimental-websocket']
		.filter(Boolean)
		.join(' ');
}

module.exports = {
	preset: 'ts-jest',
	testEnvironment: 'node',
	testMatch: ['<rootDir>/test/**/*.test.ts'],
	transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.test.json' }] },
	testTimeout: 30000,
	reporters: ['default', '<rootDir>/test/summaryReporter.js'],
	...(needsWebSocketFlag ? { workerIdleMemoryLimit: '2GB' } : {}),
};
