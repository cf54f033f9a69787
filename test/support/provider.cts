import type { ICredentialType, IDataObject, INodeType } from 'n8n-workflow';

import { type RunResult, buildWorkflow, runNode } from './n8n.cts';

/** What every contract server of test/servers offers. */
export interface ContractServer {
	baseUrl: string;
	url: string;
	// eslint-disable-next-line @typescript-eslint/no-explicit-any
	requests: any[];
	// eslint-disable-next-line @typescript-eslint/no-explicit-any
	contacts: Map<any, any>;
	maxInWindow: number;
	maxArrivedInWindow: number;
	start(port?: number): Promise<string>;
	stop(): Promise<void>;
	reset(): void;
	inject(match: (request: any) => boolean, action: unknown): void; // eslint-disable-line @typescript-eslint/no-explicit-any
	setRateLimit(limit: number, windowMs?: number): void;
	/** Skipcall's custom-field list and page cap (see test/servers/skipcall.js). */
	customFields?: any; // eslint-disable-line @typescript-eslint/no-explicit-any
}

export interface RunExtras {
	continueOnFail?: boolean;
	apiKey?: string;
	/** Node settings as a workflow saves them: retryOnFail, maxTries, waitBetweenTries… */
	settings?: Record<string, unknown>;
}

/** Starts a provider's contract server and runs its node against it through n8n's engine. */
export function providerHarness(provider: {
	node: () => INodeType;
	credential: () => ICredentialType;
	createServer: (options: object) => ContractServer;
	validKey: string;
}) {
	const setup = (server: ContractServer, parameters: Record<string, unknown>, items: Array<Record<string, unknown>>, extra: RunExtras) => ({
		nodeType: provider.node(),
		credentialType: provider.credential(),
		credentials: { apiKey: extra.apiKey ?? provider.validKey, baseUrl: server.baseUrl },
		parameters: { resource: 'contact', ...parameters },
		items: items as IDataObject[],
		continueOnFail: extra.continueOnFail,
		settings: extra.settings,
	});
	return {
		async start(options: object = {}): Promise<ContractServer> {
			const server = provider.createServer(options);
			await server.start();
			return server;
		},
		async run(
			server: ContractServer,
			parameters: Record<string, unknown>,
			items: Array<Record<string, unknown>> = [{}],
			extra: RunExtras = {},
		): Promise<RunResult> {
			return await runNode(setup(server, parameters, items, extra));
		},
		workflow(server: ContractServer, parameters: Record<string, unknown>, extra: RunExtras = {}) {
			return buildWorkflow(setup(server, parameters, [{}], extra));
		},
	};
}
