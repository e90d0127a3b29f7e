/**
 * End-to-end tests: a real n8n (installed into a cache folder on first use) with this package
 * linked in, against the local Wiro-compatible server. One worker: the suite starts its own n8n.
 */
module.exports = {
	preset: 'ts-jest',
	testEnvironment: 'node',
	// Suite files sit directly in e2e/; e2e/queue/ (queue mode) is opt-in with its own config.
	testMatch: ['<rootDir>/e2e/*.e2e.ts'],
	transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.test.json' }] },
	maxWorkers: 1,
	// Per test; the suite's setup, which may install n8n, sets its own longer limit.
	testTimeout: 180000,
	// n8n and the local servers are stopped in afterAll; this catches anything left behind.
	forceExit: true,
	reporters: ['default', '<rootDir>/test/summaryReporter.js'],
};
