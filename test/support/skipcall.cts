import { SkipcallApi } from '../../credentials/SkipcallApi.credentials';
import { Skipcall } from '../../nodes/Skipcall/Skipcall.node';
import { type ContractServer, providerHarness } from './provider.cts';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { createSkipcallServer } = require('../servers/skipcall');

export const VALID_KEY = 'sk_test_valid';

export type SkipcallServer = ContractServer;

const skipcall = providerHarness({
	node: () => new Skipcall(),
	credential: () => new SkipcallApi(),
	createServer: createSkipcallServer,
	validKey: VALID_KEY,
});

export const startSkipcall = skipcall.start;
export const runSkipcall = skipcall.run;
export const skipcallWorkflow = (server: SkipcallServer, parameters: Record<string, unknown>) => skipcall.workflow(server, parameters);
