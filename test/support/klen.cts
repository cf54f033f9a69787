import { KlenAiApi } from '../../credentials/KlenAiApi.credentials';
import { KlenAi } from '../../nodes/KlenAi/KlenAi.node';
import { type ContractServer, providerHarness } from './provider.cts';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { createKlenServer } = require('../servers/klen');

export const KLEN_KEY = 'klen_valid';

export type KlenServer = ContractServer;

const klen = providerHarness({
	node: () => new KlenAi(),
	credential: () => new KlenAiApi(),
	createServer: createKlenServer,
	validKey: KLEN_KEY,
});

export const startKlen = klen.start;
export const runKlen = klen.run;
