/** @type {import('jest').Config} */
module.exports = {
	preset: 'ts-jest',
	testEnvironment: 'node',
	roots: ['<rootDir>/test'],
	setupFiles: ['<rootDir>/test/support/env.js'],
	testMatch: ['**/*.test.ts'],
	// n8n-core starts a 60 s interval timer when loaded and never clears it.
	forceExit: true,
	testTimeout: 30000,
	transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'test/tsconfig.json' }] },
};
