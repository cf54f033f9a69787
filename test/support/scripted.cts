/**
 * Scripted servers: a small HTTP server on 127.0.0.1 per case that answers exactly what the
 * test says (a redirect, a trickle, an HTML page...), records every request, and the nodes
 * run against it through n8n's engine with any provider's node and credential.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

import { CredentialTestContext } from 'n8n-core';
import type {
	ICredentialTestFunctions,
	ICredentialType,
	IDataObject,
	INodeCredentialTestResult,
	INodeProperties,
	INodeType,
} from 'n8n-workflow';

import { KlenAiApi } from '../../credentials/KlenAiApi.credentials';
import { SkipcallApi } from '../../credentials/SkipcallApi.credentials';
import { SkodeApi } from '../../credentials/SkodeApi.credentials';
import { TetherApi } from '../../credentials/TetherApi.credentials';
import { KlenAi } from '../../nodes/KlenAi/KlenAi.node';
import { Skode } from '../../nodes/Skode/Skode.node';
import { Tether } from '../../nodes/Tether/Tether.node';
import { requestTimeoutOption } from '../../nodes/common/description/options';
import { Skipcall } from '../../nodes/Skipcall/Skipcall.node';
import { type RunResult, runNode } from './n8n.cts';

export interface ScriptedRequest {
	method: string;
	/** Path and query, as received. */
	url: string;
	path: string;
	query: Record<string, string>;
	headers: http.IncomingHttpHeaders;
	/** The body parsed as JSON when it is, else the text ('' when none). */
	body: unknown;
}

export type Script = (request: ScriptedRequest, response: http.ServerResponse) => void | Promise<void>;

export interface ScriptedServer {
	/** http://127.0.0.1:<port> */
	origin: string;
	requests: ScriptedRequest[];
	/** Replaces the script (the recorded requests stay). */
	script(next: Script): void;
	stop(): Promise<void>;
}

/** Answers JSON. */
export function json(response: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
	response.writeHead(status, { 'Content-Type': 'application/json', ...headers });
	response.end(JSON.stringify(body));
}

export async function scriptedServer(initial: Script): Promise<ScriptedServer> {
	let current = initial;
	const requests: ScriptedRequest[] = [];
	const server = http.createServer((incoming, response) => {
		const chunks: Buffer[] = [];
		incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
		incoming.on('end', () => {
			const text = Buffer.concat(chunks).toString('utf8');
			let body: unknown = text;
			try {
				body = text === '' ? '' : JSON.parse(text);
			} catch {
				body = text;
			}
			const url = new URL(incoming.url ?? '/', 'http://127.0.0.1');
			const request: ScriptedRequest = {
				method: incoming.method ?? 'GET',
				url: incoming.url ?? '/',
				path: url.pathname,
				query: Object.fromEntries(url.searchParams),
				headers: incoming.headers,
				body,
			};
			requests.push(request);
			Promise.resolve(current(request, response)).catch((error) => {
				if (!response.headersSent) json(response, 599, { message: String(error) });
				else response.destroy();
			});
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return {
		origin: `http://127.0.0.1:${port}`,
		requests,
		script(next) {
			current = next;
		},
		async stop() {
			server.closeAllConnections();
			await new Promise<void>((resolve) => server.close(() => resolve()));
		},
	};
}

const apiKey = (key: string, baseUrl: string): IDataObject => ({ apiKey: key, baseUrl });
const providers = {
	skipcall: { node: () => new Skipcall(), credential: () => new SkipcallApi(), testName: 'skipcallApiTest', type: 'skipcallApi', credentials: apiKey },
	klen: { node: () => new KlenAi(), credential: () => new KlenAiApi(), testName: 'klenAiApiTest', type: 'klenAiApi', credentials: apiKey },
	skode: { node: () => new Skode(), credential: () => new SkodeApi(), testName: 'skodeApiTest', type: 'skodeApi', credentials: apiKey },
	// Tether with an access token: `baseUrl` is the instance, requests go under its /api.
	tether: {
		node: () => new Tether(),
		credential: () => new TetherApi(),
		testName: 'tetherApiTest',
		type: 'tetherApi',
		credentials: (key: string, baseUrl: string): IDataObject => ({ baseUrl, authentication: 'accessToken', accessToken: key }),
	},
};
export type ProviderName = keyof typeof providers;

export interface ScriptedRun {
	apiKey?: string;
	continueOnFail?: boolean;
}

/**
 * The node with Options › Request Timeout among its options. The option is written in
 * common/description/requestTimeout.ts and joins each node's Options with the options
 * rework; n8n drops an option a node does not declare, so until then the tests declare it.
 */
function withRequestTimeout(node: INodeType): INodeType {
	for (const property of node.description.properties) {
		const options = property.name === 'options' ? (property.options as INodeProperties[] | undefined) : undefined;
		if (options && !options.some((option) => option.name === requestTimeoutOption.name)) options.push(requestTimeoutOption);
	}
	return node;
}

/** Runs a provider's node through n8n's engine against `baseUrl`. */
export async function runAgainst(
	provider: ProviderName,
	baseUrl: string,
	parameters: IDataObject,
	items: IDataObject[] = [{}],
	extra: ScriptedRun = {},
): Promise<RunResult> {
	const { node, credential, credentials } = providers[provider];
	return await runNode({
		nodeType: withRequestTimeout(node() as INodeType),
		credentialType: credential() as ICredentialType,
		credentials: credentials(extra.apiKey ?? 'scripted_secret_key_0001', baseUrl) as never,
		parameters: { resource: 'contact', ...parameters },
		items,
		continueOnFail: extra.continueOnFail,
	});
}

/** Presses a provider's credential test with this key and Base URL. */
export async function testCredentialAgainst(provider: ProviderName, baseUrl: string, apiKey = 'scripted_secret_key_0001'): Promise<INodeCredentialTestResult> {
	const { node, testName, type } = providers[provider];
	const tests = (node() as unknown as { methods: { credentialTest: Record<string, (this: ICredentialTestFunctions, credential: unknown) => Promise<INodeCredentialTestResult>> } }).methods.credentialTest;
	return await tests[testName].call(new CredentialTestContext() as unknown as ICredentialTestFunctions, {
		id: '1',
		name: 'scripted',
		type,
		data: { apiKey, baseUrl },
	});
}

/** Everything a run left behind (output, errors, saved execution), as one text to search for secrets. */
export function everythingOf(result: RunResult): string {
	return JSON.stringify(result.run);
}
