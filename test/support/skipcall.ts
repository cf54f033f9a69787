import { SkipcallApi } from '../../credentials/SkipcallApi.credentials';
import { Skipcall } from '../../nodes/Skipcall/Skipcall.node';
import { type RunResult, buildWorkflow, runNode } from './n8n';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { createSkipcallServer } = require('../servers/skipcall');

export const VALID_KEY = 'sk_test_valid';

export type SkipcallServer = ReturnType<typeof createSkipcallServer>;

export async function startSkipcall(options: object = {}): Promise<SkipcallServer> {
	const server = createSkipcallServer(options);
	await server.start();
	return server;
}

export async function runSkipcall(
	server: SkipcallServer,
	parameters: Record<string, unknown>,
	items: Array<Record<string, unknown>> = [{}],
	extra: { continueOnFail?: boolean; apiKey?: string } = {},
): Promise<RunResult> {
	return await runNode({
		nodeType: new Skipcall(),
		credentialType: new SkipcallApi(),
		credentials: { apiKey: extra.apiKey ?? VALID_KEY, baseUrl: server.baseUrl },
		parameters: { resource: 'contact', ...parameters },
		items,
		continueOnFail: extra.continueOnFail,
	});
}

export function skipcallWorkflow(server: SkipcallServer, parameters: Record<string, unknown>, apiKey = VALID_KEY) {
	return buildWorkflow({
		nodeType: new Skipcall(),
		credentialType: new SkipcallApi(),
		credentials: { apiKey, baseUrl: server.baseUrl },
		parameters: { resource: 'contact', ...parameters },
		items: [{}],
	});
}
