/** @type {import('jest').Config} */
module.exports = {
	preset: 'ts-jest',
	testEnvironment: 'node',
	roots: ['<rootDir>/test'],
	setupFiles: ['<rootDir>/test/support/env.js'],
	// Tests and their helpers are TypeScript run as CommonJS. Written as .cts they stay out of
	// n8n's linter (`n8n-node lint` lints every **/*.ts with the rules for node code, which a
	// test cannot follow: node:http, timers, process). README, "n8n's linter".
	testMatch: ['**/*.test.cts'],
	moduleFileExtensions: ['ts', 'cts', 'js', 'cjs', 'json', 'node'],
	// n8n-core starts a 60 s interval timer when loaded and never clears it.
	forceExit: true,
	testTimeout: 30000,
	transform: { '^.+\\.c?ts$': ['ts-jest', { tsconfig: 'test/tsconfig.json' }] },
};
