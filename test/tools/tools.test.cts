import type { IDataObject } from 'n8n-workflow';

import { KlenAiApi } from '../../credentials/KlenAiApi.credentials';
import { SkipcallApi } from '../../credentials/SkipcallApi.credentials';
import { SkodeApi } from '../../credentials/SkodeApi.credentials';
import { TetherApi } from '../../credentials/TetherApi.credentials';
import { KlenAi } from '../../nodes/KlenAi/KlenAi.node';
import { Skipcall } from '../../nodes/Skipcall/Skipcall.node';
import { Skode } from '../../nodes/Skode/Skode.node';
import { Tether } from '../../nodes/Tether/Tether.node';
import { retryPolicy } from '../../nodes/common/sending/send';
import { KLEN_KEY, startKlen, type KlenServer } from '../support/klen.cts';
import { VALID_KEY as SKIPCALL_KEY, startSkipcall } from '../support/skipcall.cts';
import { SKODE_KEY, startSkode, type SkodeServer } from '../support/skode.cts';
import { TETHER_ACCESS_TOKEN, startTether, type TetherServer } from '../support/tether.cts';
import type { ContractServer } from '../support/provider.cts';
import { runAsTool } from '../support/tool.cts';

/**
 * Issue 19: every node works as an AI-agent / MCP tool and does exactly what the node does.
 * Each node's tool variant runs the way n8n runs a tool (test/support/tool.ts), with its
 * parameters given by $fromAI(): a messy national phone with Default Country FR creates one
 * contact in E.164; an unreadable phone comes back as an error naming the value, and nothing
 * is sent; a provider's refusal comes back readable, without the key. Before, a tool call
 * answered "undefined" and sent nothing.
 */

let skipcall: ContractServer;
let klen: KlenServer;
let skode: SkodeServer;
let tether: TetherServer;
beforeAll(async () => {
	retryPolicy.firstBackoffMs = 10;
	[skipcall, klen, skode, tether] = await Promise.all([
		startSkipcall({ rateLimit: { limit: 0 } }),
		startKlen({ rateLimit: { limit: 0 } }),
		startSkode({ rateLimit: { limit: 0 } }),
		startTether({ tokenUses: Infinity }),
	]);
});
afterAll(async () => await Promise.all([skipcall, klen, skode, tether].map(async (server) => await server.stop())));

const fromAI = (key: string, description: string, type = 'string') => `={{ $fromAI('${key}', '${description}', '${type}') }}`;
const writes = (server: ContractServer) => server.requests.filter((request: { method: string }) => request.method !== 'GET');
const CALL = { firstName: 'Marie', lastName: 'Dupont', email: 'marie.dupont@example.com', phone: '06 12 34 56 78' };
const BAD = { ...CALL, email: 'bad.phone@example.com', phone: '12345' };

const NODES = [
	{
		name: 'Skipcall',
		server: () => skipcall,
		run: (calls: IDataObject[], apiKey = SKIPCALL_KEY) =>
			runAsTool(
				{
					nodeType: new Skipcall(),
					credentialType: new SkipcallApi(),
					credentials: { apiKey, baseUrl: skipcall.baseUrl },
					parameters: {
						resource: 'contact',
						operation: 'create',
						firstName: fromAI('firstName', 'First name'),
						lastName: fromAI('lastName', 'Last name'),
						phoneNumbers: fromAI('phone', 'Phone number as written'),
						additionalFields: { email: fromAI('email', 'Email') },
						options: { defaultCountry: 'FR' },
					},
				},
				calls,
			),
		phoneOf: (contact: IDataObject) => (contact.phoneNumbers as string[])[0],
	},
	{
		name: 'Klen AI',
		server: () => klen,
		run: (calls: IDataObject[], apiKey = KLEN_KEY) =>
			runAsTool(
				{
					nodeType: new KlenAi(),
					credentialType: new KlenAiApi(),
					credentials: { apiKey, baseUrl: klen.baseUrl },
					parameters: {
						resource: 'contact',
						operation: 'upsert',
						firstName: fromAI('firstName', 'First name'),
						additionalFields: {
							lastName: fromAI('lastName', 'Last name'),
							email: fromAI('email', 'Email'),
							phoneNumbers: { number: [{ phoneNumber: fromAI('phone', 'Phone number as written') }] },
						},
						options: { defaultCountry: 'FR' },
					},
				},
				calls,
			),
		phoneOf: (contact: IDataObject) => (contact.phone_numbers as IDataObject[])[0].phone_number,
	},
	{
		name: 'Skode AI',
		server: () => skode,
		run: (calls: IDataObject[], apiKey = SKODE_KEY) =>
			runAsTool(
				{
					nodeType: new Skode(),
					credentialType: new SkodeApi(),
					credentials: { apiKey, baseUrl: skode.baseUrl },
					parameters: {
						resource: 'contact',
						operation: 'upsert',
						name: fromAI('firstName', 'Full name'),
						email: fromAI('email', 'Email'),
						phone: fromAI('phone', 'Phone number as written'),
						options: { defaultCountry: 'FR' },
					},
				},
				calls,
			),
		phoneOf: (contact: IDataObject) => contact.phone,
	},
	{
		name: 'Tether',
		server: () => tether,
		run: (calls: IDataObject[], accessToken = TETHER_ACCESS_TOKEN) =>
			runAsTool(
				{
					nodeType: new Tether(),
					credentialType: new TetherApi(),
					credentials: { baseUrl: tether.baseUrl, authentication: 'accessToken', accessToken },
					parameters: {
						resource: 'contact',
						operation: 'upsert',
						phoneNumbers: fromAI('phone', 'Phone number as written'),
						additionalFields: { firstName: fromAI('firstName', 'First name'), lastName: fromAI('lastName', 'Last name'), email: fromAI('email', 'Email') },
						options: { defaultCountry: 'FR' },
					},
				},
				calls,
			),
		phoneOf: (contact: IDataObject) => (contact.phoneNumber as IDataObject[])[0].value,
	},
];

describe.each(NODES)('$name as a tool does what the node does', ({ server, run, phoneOf }) => {
	beforeEach(() => {
		const current = server() as ContractServer & { clear?: () => void; clearContacts?: () => void };
		current.reset();
		current.contacts.clear();
	});

	it('a messy national phone with Default Country FR: one contact, in E.164; the result is the contact', async () => {
		const result = await run([CALL]);
		expect(result.error).toBeUndefined();
		expect(writes(server())).toHaveLength(1);
		expect(server().contacts.size).toBe(1);
		const [contact] = [...server().contacts.values()];
		expect(phoneOf(contact)).toBe('+33612345678');
		const [call] = result.calls;
		expect(call.error).toBeUndefined();
		const answer = JSON.parse(call.result ?? 'undefined') as IDataObject[];
		expect(answer).toHaveLength(1);
		expect(phoneOf(answer[0])).toBe('+33612345678');
	});

	it('an unreadable phone: an error naming the field and the value, and nothing sent', async () => {
		const result = await run([BAD]);
		expect(writes(server())).toEqual([]);
		expect(result.calls).toHaveLength(1);
		expect(result.calls[0].result).toBeUndefined();
		expect(result.calls[0].error).toMatch(/Phone( Numbers)?: "12345" is not a valid phone number for France \(FR\)/);
	});

	it('a refused key: a readable error, and the key nowhere', async () => {
		const key = 'wrong_key_that_must_not_show_0001';
		const result = await run([CALL], key);
		expect(result.calls[0].error).toMatch(/(API key invalid|refused the access token) \(401\)/);
		expect(JSON.stringify(result.run)).not.toContain(key);
	});
});
