import { retryPolicy } from '../../nodes/common/sending/send';
import { TETHER_ACTIVE_PIPELINE, loginCredentials, requestLines, runTether, startTether, type TetherServer } from '../support/tether.cts';

let server: TetherServer;
beforeAll(async () => {
	retryPolicy.firstBackoffMs = 10;
	server = await startTether({ tokenUses: Infinity });
});
beforeEach(() => {
	server.clearContacts();
	server.reset();
});
afterAll(async () => await server.stop());

const upsert = {
	operation: 'upsert',
	phoneNumbers: '={{ $json.phone }}',
	additionalFields: { firstName: '={{ $json.first }}', email: '={{ $json.email }}', status: '={{ $json.status }}' },
	// Searching for each row: test/upsertIndex runs these rows with the index read instead.
	options: { defaultCountry: 'US', lookupStrategy: 'search' },
};
const search = (number: string) => `GET /api/contacts?search=${encodeURIComponent(number)}&size=100`;
const seed = (phoneNumber: string[], firstName = 'Seeded') => {
	const contact = server.seedContact({ firstName, email: `${firstName.toLowerCase()}@example.com`, phoneNumber });
	server.reset();
	return contact;
};
const asOutput = (contact: unknown, upsertResult: string) => ({ ...JSON.parse(JSON.stringify(contact)), upsertResult });

describe('Create or Update: found by the first number, one is updated, none is created, several is an error', () => {
	it('none: searched by the first number in E.164, then created; says "created"', async () => {
		const result = await runTether(server, upsert, [{ first: 'New', email: 'new@example.com', phone: '(415) 555-0100, 415 555 0101', status: 'Contacted' }]);
		expect(requestLines(server)).toEqual([search('+14155550100'), 'POST /api/contact']);
		expect(server.requests[1].body).toEqual({
			phoneNumber: [
				{ value: '+14155550100', isPrimary: true },
				{ value: '+14155550101', isPrimary: false },
			],
			firstName: 'New',
			email: 'new@example.com',
			status: 'Contacted',
		});
		expect(result.items).toEqual([asOutput([...server.contacts.values()][0], 'created')]);
	});

	it('one: updated with what Tether can change (stage, numbers), names and email left as they are; says "updated"', async () => {
		const existing = seed(['+14155550110', '+14155550111']);
		const result = await runTether(server, upsert, [{ first: 'Renamed', email: 'renamed@example.com', phone: '415-555-0110', status: 'Qualified' }]);
		expect(requestLines(server)).toEqual([search('+14155550110'), `PATCH /api/contacts/${existing._id}`]);
		expect(server.requests[1].body).toEqual({ phoneNumber: [{ value: '+14155550110', isPrimary: true }], status: 'Qualified' });
		expect(result.items).toEqual([asOutput(server.contacts.get(existing._id), 'updated')]);
		expect(result.items?.[0]).toMatchObject({ firstName: 'Seeded', email: 'seeded@example.com', status: 'Qualified' });
	});

	it('a search that also matches other numbers and names: only the exact number counts', async () => {
		seed(['+141555501200'], 'Longer');
		seed(['+14155550121'], '+14155550120 in a name');
		const exact = seed(['+14155550199', '+14155550120'], 'Exact');
		const result = await runTether(server, upsert, [{ phone: '+1 415 555 0120' }]);
		expect(result.items?.[0]).toMatchObject({ _id: exact._id, upsertResult: 'updated' });
	});

	it('several with the number (data Tether should not hold): an error item listing them, nothing written', async () => {
		const first = seed(['+14155550130'], 'One');
		const second = seed(['+14155550130'], 'Two');
		const result = await runTether(server, upsert, [{ phone: '+14155550130' }], { continueOnFail: true });
		expect(result.items).toEqual([
			{
				error: `[item 0 · +14155550130] 2 Tether contacts match phone number +14155550130 (IDs ${first._id}, ${second._id}): not updating any. Merge or delete the duplicates, or use Update with the Contact ID.`,
			},
		]);
		expect(requestLines(server)).toEqual([search('+14155550130')]);
	});

	it('rows of one run with the same number: the first creates, the next update it', async () => {
		const result = await runTether(server, upsert, [
			{ first: 'A', phone: '+14155550140' },
			{ first: 'B', phone: '415 555 0140', status: 'Won' },
			{ first: 'C', phone: '+1 415 555 0140' },
		]);
		expect(result.items?.map((item) => item.upsertResult)).toEqual(['created', 'updated', 'updated']);
		expect(server.contacts.size).toBe(1);
		expect([...server.contacts.values()][0]).toMatchObject({ firstName: 'A', status: 'Won' });
	});
});

describe('A create refused because a number of the row belongs to a contact updates that contact', () => {
	it('the row’s second number is another contact’s: that contact is updated with the row', async () => {
		const holder = seed(['+14155550151']);
		const result = await runTether(server, upsert, [{ phone: '+14155550150, +14155550151', status: 'Won' }]);
		expect(requestLines(server)).toEqual([search('+14155550150'), 'POST /api/contact', `PATCH /api/contacts/${holder._id}`]);
		expect(result.items).toEqual([asOutput(server.contacts.get(holder._id), 'updated')]);
		expect(server.contacts.get(holder._id)).toMatchObject({
			status: 'Won',
			phoneNumber: [
				{ value: '+14155550150', isPrimary: true },
				{ value: '+14155550151', isPrimary: false },
			],
		});
	});

	it('created by someone else between the search and the create (400 without an id): found by the number and updated', async () => {
		server.configure({ duplicateStatus: 400, duplicateContactId: false });
		try {
			let raced: { _id: string } | undefined;
			server.inject((request: { method: string; path: string }) => request.method === 'GET' && request.path === '/api/contacts', {
				act: () => {
					raced = server.seedContact({ firstName: 'Raced', phoneNumber: ['+14155550160'] });
				},
				status: 200,
				body: { success: true, data: [], page: 1, size: 100, total: 0, totalPages: 0 },
			});
			const result = await runTether(server, upsert, [{ first: 'Mine', phone: '+14155550160', status: 'Lost' }], { credentials: loginCredentials(server) });
			expect(requestLines(server)).toEqual([
				'POST /api/auth/login',
				search('+14155550160'),
				'POST /api/contact',
				search('+14155550160'),
				`PATCH /api/contacts/${raced?._id}`,
			]);
			expect(result.items?.[0]).toMatchObject({ _id: raced?._id, firstName: 'Raced', status: 'Lost', upsertResult: 'updated' });
			expect(server.contacts.size).toBe(1);
		} finally {
			server.configure({ duplicateStatus: 409, duplicateContactId: true });
		}
	});
});

describe('Create or Update keeps the stage rules and the pipeline of the contact it updates', () => {
	it('a stage of the contact’s pipeline, by name', async () => {
		const existing = seed(['+14155550170']);
		const result = await runTether(server, upsert, [{ phone: '+14155550170', status: 'Contacted' }]);
		expect(result.items?.[0]).toMatchObject({ _id: existing._id, pipelineId: TETHER_ACTIVE_PIPELINE._id, status: 'Contacted' });
	});
});
