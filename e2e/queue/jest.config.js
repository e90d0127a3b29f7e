/**
 * n8n in queue mode (main + worker + webhook processes, Redis and PostgreSQL from Debian's
 * packages on loopback) with this package installed in every process. Opt-in and separate from
 * the main e2e suite: it installs and starts system services and three n8n processes.
 */
module.exports = {
	rootDir: '../..',
	preset: 'ts-jest',
	testEnvironment: 'node',
	testMatch: ['<rootDir>/e2e/queue/**/*.e2e.ts'],
	transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.test.json' }] },
	maxWorkers: 1,
	testTimeout: 180000,
	// Every process and service is stopped in afterAll; this catches anything left behind.
	forceExit: true,
	reporters: ['default', '<rootDir>/test/summaryReporter.js'],
};
