/** Unit and integration tests: the nodes run through n8n-core against the local Wiro-compatible server. */
module.exports = {
	preset: 'ts-jest',
	testEnvironment: 'node',
	testMatch: ['<rootDir>/test/**/*.test.ts'],
	transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.test.json' }] },
	testTimeout: 30000,
	reporters: ['default', '<rootDir>/test/summaryReporter.js'],
};
