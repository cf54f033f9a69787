import type { ICredentialDataDecryptedObject, IDataObject } from 'n8n-workflow';

import { TetherApi } from '../../credentials/TetherApi.credentials';
import { Tether } from '../../nodes/Tether/Tether.node';
import { type RunResult, buildWorkflow, runNode } from './n8n.cts';
import type { ContractServer } from './provider.cts';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const servers = require('../servers/tether');

/* eslint-disable @typescript-eslint/no-explicit-any */
/** test/servers/tether.js: the contract server plus its counters, tokens and seeding helpers. */
export interface TetherServer extends ContractServer {
	counters: Record<'logins' | 'failedLogins' | 'expiredTokens' | 'invalidTokens' | 'missingTokens' | 'forbidden' | 'creates' | 'updates' | 'duplicates', number>;
	tokens: Map<string, { user: { email: string }; static: boolean; usesLeft: number; uses: number; revoked: boolean; issuedAt: number; expiresAt: number }>;
	settings: Record<string, unknown>;
	pipelines: any[];
	apiUrl: string;
	issueToken(user?: object, options?: { uses?: number; ttlMs?: number }): string;
	expireTokens(): void;
	revokeToken(token: string): void;
	seedContact(fields?: Record<string, unknown>): any;
	clearContacts(): void;
	configure(changes: Record<string, unknown>): void;
}
/* eslint-enable @typescript-eslint/no-explicit-any */

export const TETHER_USER: { email: string; password: string } = servers.TETHER_USER;
export const TETHER_VIEWER: { email: string; password: string } = servers.TETHER_VIEWER;
export const TETHER_ACCESS_TOKEN: string = servers.TETHER_ACCESS_TOKEN;
export const TETHER_VIEWER_ACCESS_TOKEN: string = servers.TETHER_VIEWER_ACCESS_TOKEN;
export const TETHER_ACTIVE_PIPELINE = servers.TETHER_ACTIVE_PIPELINE;
export const TETHER_PIPELINES = servers.TETHER_PIPELINES;

export async function startTether(options: object = {}): Promise<TetherServer> {
	const server = servers.createTetherServer(options) as TetherServer;
	await server.start();
	return server;
}

/** Login-mode credentials; n8n saves the session token into this object (test/support/n8n.ts). */
export function loginCredentials(server: TetherServer, user = TETHER_USER, baseUrl = server.baseUrl): ICredentialDataDecryptedObject {
	return { baseUrl, authentication: 'login', email: user.email, password: user.password };
}

export function tokenCredentials(server: TetherServer, token = TETHER_ACCESS_TOKEN, baseUrl = server.baseUrl): ICredentialDataDecryptedObject {
	return { baseUrl, authentication: 'accessToken', accessToken: token };
}

export interface TetherRun {
	credentials?: ICredentialDataDecryptedObject;
	continueOnFail?: boolean;
}

/** Runs Items → Tether through n8n's engine; access-token credentials unless others are given. */
export async function runTether(
	server: TetherServer,
	parameters: Record<string, unknown>,
	items: Array<Record<string, unknown>> = [{}],
	extra: TetherRun = {},
): Promise<RunResult> {
	return await runNode(setup(server, parameters, items, extra));
}

export function tetherWorkflow(server: TetherServer, parameters: Record<string, unknown>, extra: TetherRun = {}) {
	return buildWorkflow(setup(server, parameters, [{}], extra));
}

function setup(server: TetherServer, parameters: Record<string, unknown>, items: Array<Record<string, unknown>>, extra: TetherRun) {
	return {
		nodeType: new Tether(),
		credentialType: new TetherApi(),
		credentials: extra.credentials ?? tokenCredentials(server),
		parameters: { resource: 'contact', ...parameters },
		items: items as IDataObject[],
		continueOnFail: extra.continueOnFail,
	};
}

/** What the server received, as `METHOD /path` lines (the query, when there is one). */
export function requestLines(server: TetherServer): string[] {
	return server.requests.map((request: { method: string; path: string; query: Record<string, string> }) => {
		const query = new URLSearchParams(request.query).toString();
		return `${request.method} ${request.path}${query ? `?${query}` : ''}`;
	});
}
