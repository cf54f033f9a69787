import { retryPolicy } from '../../nodes/common/sending/send';
import { runSkode, startSkode, type SkodeServer } from '../support/skode.cts';

let server: SkodeServer;
let ids: string[];
beforeAll(async () => {
	retryPolicy.firstBackoffMs = 10;
	server = await startSkode({ rateLimit: { limit: 0 } });
});
beforeEach(() => {
	server.clear();
	ids = server.seed(3, (index) => ({ name: `Jane ${index}`, email: `jane${index}@example.com`, tags: [`t${index}`] })).map((contact) => contact.id);
});
afterAll(async () => await server.stop());

describe('Merge sends primary_id and duplicate_ids and outputs the primary contact', () => {
	it('a comma-separated cell', async () => {
		const [primary, a, b] = ids;
		const result = await runSkode(server, { operation: 'merge', primaryId: ` ${primary} `, duplicateIds: `${a}, ${b},${a}` });
		expect(server.requests.map((request) => [request.method, request.path, request.body])).toEqual([
			['POST', '/v1/contacts/merge', { primary_id: primary, duplicate_ids: [a, b] }],
		]);
		expect(result.items).toEqual([{ ...server.contacts.get(primary), deals: [], activities: [] }]);
		expect(result.items?.[0].tags).toEqual(['t0', 't1', 't2']);
		expect([...server.merged.keys()]).toEqual([a, b]);
	});

	it('a merged contact redirects to the primary one: Get of its id answers the primary', async () => {
		const [primary, a] = ids;
		await runSkode(server, { operation: 'merge', primaryId: primary, duplicateIds: a });
		const result = await runSkode(server, { operation: 'get', contactId: a });
		expect(result.items?.[0]).toMatchObject({ id: primary, name: 'Jane 0' });
		const gone = await runSkode(server, { operation: 'update', contactId: a, updateFields: { title: 'x' } });
		expect(gone.error?.message).toBe(`[item 0 · contact ${a}] Contact ${a} not found at Skode AI (404)`);
	});

	it('an array from an expression', async () => {
		const [primary, a, b] = ids;
		const result = await runSkode(server, { operation: 'merge', primaryId: '={{ $json.keep }}', duplicateIds: '={{ $json.drop }}' }, [{ keep: primary, drop: [a, b] }]);
		expect(result.error).toBeUndefined();
		expect(server.requests[0].body).toEqual({ primary_id: primary, duplicate_ids: [a, b] });
	});
});

describe('Merge input is checked before sending', () => {
	it.each([
		['the primary among the duplicates', (p: string, a: string) => ({ primaryId: p, duplicateIds: `${a}, ${p}` }), (p: string) => `[item 0] Duplicate IDs: "${p}" is the Primary ID too. Remove the primary contact from Duplicate IDs: a contact cannot be merged into itself.`],
		['no duplicates', (p: string) => ({ primaryId: p, duplicateIds: ' , ' }), () => '[item 0] Duplicate IDs: is required but empty. Give the IDs of the contacts to merge into the primary one, separated by commas.'],
		['no primary (an empty cell)', (_: string, a: string) => ({ primaryId: '={{ "" }}', duplicateIds: a }), () => '[item 0] Primary ID: is required but empty. Give the ID of the contact to keep.'],
	])('refuses %s', async (_, parameters, message) => {
		const [primary, a] = ids;
		const result = await runSkode(server, { operation: 'merge', ...parameters(primary, a) });
		expect(server.requests).toHaveLength(0);
		expect(result.error?.message).toBe(message(primary));
	});

	it('a contact Skode does not have: the 404 says which IDs to check', async () => {
		const [primary] = ids;
		const result = await runSkode(server, { operation: 'merge', primaryId: primary, duplicateIds: 'contact_nope' }, [{}], { continueOnFail: true });
		expect(result.items).toEqual([
			{ error: `[item 0] A contact to merge was not found at Skode AI (404): Contact not found: contact_nope. Check Primary ID (${primary}) and Duplicate IDs (contact_nope).` },
		]);
		expect(server.counts.merges).toBe(0);
	});
});
