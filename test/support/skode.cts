import { SkodeApi } from '../../credentials/SkodeApi.credentials';
import { Skode } from '../../nodes/Skode/Skode.node';
import { type ContractServer, providerHarness } from './provider.cts';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const skodeServer = require('../servers/skode');

export const SKODE_KEY: string = skodeServer.SKODE_KEY;
export const SKODE_READONLY_KEY: string = skodeServer.SKODE_READONLY_KEY;

/** The Skode contract server (test/servers/skode.js) with its extras. */
export interface SkodeServer extends ContractServer {
	counts: { creates: number; updates: number; deletes: number; merges: number };
	// eslint-disable-next-line @typescript-eslint/no-explicit-any
	merged: Map<string, any>;
	// eslint-disable-next-line @typescript-eslint/no-explicit-any
	trash: Map<string, any>;
	settings: { conflictIdField: string | null; listEnvelope: string; contactEnvelope: string };
	clear(): void;
	configure(changes: Partial<SkodeServer['settings']>): void;
	// eslint-disable-next-line @typescript-eslint/no-explicit-any
	seed(count: number, make?: (index: number) => Record<string, unknown>): any[];
}

const skode = providerHarness({
	node: () => new Skode(),
	credential: () => new SkodeApi(),
	createServer: skodeServer.createSkodeServer,
	validKey: SKODE_KEY,
});

export const startSkode = skode.start as (options?: object) => Promise<SkodeServer>;
export const runSkode = skode.run;
