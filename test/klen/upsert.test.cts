import { retryPolicy } from '../../nodes/common/sending/send';
import { runKlen, startKlen, type KlenServer } from '../support/klen.cts';

let server: KlenServer;
beforeAll(async () => {
	retryPolicy.firstBackoffMs = 10;
	server = await startKlen({ rateLimit: { limit: 0 } });
});
beforeEach(() => {
	server.reset();
	server.contacts.clear();
});
afterAll(async () => await server.stop());

const upsert = {
	operation: 'upsert',
	firstName: '={{ $json.first }}',
	additionalFields: {
		email: '={{ $json.email }}',
		phoneNumbers: { number: [{ phoneNumber: '={{ $json.phone }}' }] },
	},
	// Searching for each row: test/upsertIndex runs these rows with the index read instead.
	options: { defaultCountry: 'US', lookupStrategy: 'search' },
};

const seed = async (rows: Array<Record<string, unknown>>) => {
	await runKlen(server, { ...upsert, operation: 'create' }, rows);
	server.reset();
};

describe('Create or Update: one match is updated, none is created, several is an error', () => {
	it('creates when nothing matches (search by email, then by phone), and says so', async () => {
		const result = await runKlen(server, upsert, [{ first: 'New', email: 'new@example.com', phone: '(415) 555-0100' }]);
		expect(server.requests.map((request) => [request.method, request.path, request.query])).toEqual([
			['GET', '/api/v1/contacts', { search: 'new@example.com', limit: '100' }],
			['GET', '/api/v1/contacts', { search: '+14155550100', limit: '100' }],
			['POST', '/api/v1/contacts/create', {}],
		]);
		expect(result.items).toEqual([{ ...[...server.contacts.values()][0], upsertResult: 'created' }]);
	});

	it('updates the one contact with the same email (case-insensitive), ignoring loose search hits', async () => {
		await seed([
			{ first: 'Jane', email: 'Jane@Example.com', phone: '4155550101' },
			{ first: 'Janet', email: 'janet@example.com', phone: '4155550102' },
		]);
		const id = [...server.contacts.values()].find((contact) => contact.first_name === 'Jane').id;
		const result = await runKlen(server, upsert, [{ first: 'Jane B.', email: 'jane@example.com', phone: '4155550199' }]);
		expect(server.requests.map((request) => [request.method, request.path])).toEqual([
			['GET', '/api/v1/contacts'],
			['PATCH', `/api/v1/contacts/${id}/update`],
		]);
		expect(server.requests[1].body).toEqual({
			first_name: 'Jane B.',
			email: 'jane@example.com',
			phone_numbers: [{ phone_number: '+14155550199', phone_type: 'mobile', primary: true, do_not_call: false }],
		});
		expect(result.items).toEqual([{ ...server.contacts.get(id), upsertResult: 'updated' }]);
		expect(server.contacts.size).toBe(2);
	});

	it('finds the contact by its first phone number when the row has no email', async () => {
		await seed([{ first: 'Phone', email: 'p@example.com', phone: '+1 415 555 0150' }]);
		const result = await runKlen(server, upsert, [{ first: 'Phone', email: '', phone: '415.555.0150' }]);
		expect(server.requests.map((request) => [request.method, request.query.search ?? ''])).toEqual([
			['GET', '+14155550150'],
			['PATCH', ''],
		]);
		expect(result.items?.[0].upsertResult).toBe('updated');
	});

	it('several matches: an error item listing the IDs, nothing written', async () => {
		await seed([
			{ first: 'Dup', email: 'dup@example.com', phone: '4155550160' },
			{ first: 'Dup', email: 'dup@example.com', phone: '4155550161' },
		]);
		const [first, second] = [...server.contacts.keys()];
		const result = await runKlen(server, upsert, [{ first: 'Dup', email: 'dup@example.com', phone: '4155550162' }], { continueOnFail: true });
		expect(result.items).toEqual([
			{
				error: `[item 0 · Dup · dup@example.com] 2 Klen AI contacts match email dup@example.com (IDs ${first}, ${second}): not updating any. Merge or delete the duplicates, or use Update with the Contact ID.`,
			},
		]);
		expect(server.requests.filter((request) => request.method !== 'GET')).toHaveLength(0);
	});

	it('rows of one run with the same email create the contact once, then update it', async () => {
		const rows = [
			{ first: 'Same', email: 'same@example.com', phone: '4155550170' },
			{ first: 'Same Again', email: 'SAME@example.com', phone: '4155550171' },
			{ first: 'Other', email: 'other@example.com', phone: '4155550172' },
		];
		const result = await runKlen(server, upsert, rows);
		expect(result.items?.map((item) => [item.first_name, item.upsertResult])).toEqual([
			['Same', 'created'],
			['Same Again', 'updated'],
			['Other', 'created'],
		]);
		expect(server.contacts.size).toBe(2);
	});

	it('refuses a row with neither email nor phone', async () => {
		const result = await runKlen(server, upsert, [{ first: 'Nobody', email: '', phone: '' }]);
		expect(server.requests).toHaveLength(0);
		expect(result.error?.message).toBe(
			'[item 0 · Nobody] Create or Update finds the contact by Email, then by the first Phone Number (both under Additional Fields), and this row has neither. Add Email or Phone Numbers, or use Create.',
		);
	});
});
