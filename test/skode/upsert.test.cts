import { retryPolicy } from '../../nodes/common/sending/send';
import { runSkode, startSkode, type SkodeServer } from '../support/skode.cts';

let server: SkodeServer;
beforeAll(async () => {
	retryPolicy.firstBackoffMs = 10;
	server = await startSkode({ rateLimit: { limit: 0 } });
});
beforeEach(() => {
	server.clear();
	server.configure({ conflictIdField: 'contact_id', listEnvelope: 'data' });
});
afterAll(async () => await server.stop());

const upsert = {
	operation: 'upsert',
	name: '={{ $json.name }}',
	email: '={{ $json.email }}',
	phone: '={{ $json.phone }}',
	additionalFields: { company: '={{ $json.company }}', tags: '={{ $json.tags }}' },
	// Searching for each row: test/upsertIndex runs these rows with the index read instead.
	options: { defaultCountry: 'US', lookupStrategy: 'search' },
};
const calls = () => server.requests.map((request) => [request.method, request.path]);
const contact = (id: string) => server.contacts.get(id);

describe('Create or Update with an email: created, or the 409 turns into an update of that contact', () => {
	it('creates a new contact with one POST and says so', async () => {
		const result = await runSkode(server, upsert, [{ name: 'New', email: 'new@example.com', phone: '(415) 555-0100', company: 'Acme' }]);
		expect(calls()).toEqual([['POST', '/v1/contacts']]);
		const [created] = [...server.contacts.values()];
		expect(result.items).toEqual([{ ...created, upsertResult: 'created' }]);
	});

	it('409 with the id: PATCHes that contact with the row’s non-empty fields', async () => {
		const [{ id }] = server.seed(1, () => ({ name: 'Jane', email: 'jane@example.com', company: 'Old Co', title: 'CTO', tags: ['a'] }));
		const result = await runSkode(server, upsert, [{ name: 'Jane Doe', email: 'Jane@Example.com', phone: '', company: 'New Co', tags: '' }]);
		expect(calls()).toEqual([
			['POST', '/v1/contacts'],
			['PATCH', `/v1/contacts/${id}`],
		]);
		expect(server.requests[1].body).toEqual({ name: 'Jane Doe', email: 'Jane@Example.com', company: 'New Co' });
		expect(result.items).toEqual([{ ...contact(id), upsertResult: 'updated' }]);
		expect(result.items?.[0]).toMatchObject({ title: 'CTO', tags: ['a'], company: 'New Co' });
		expect(server.contacts.size).toBe(1);
	});

	it('409 without an id: finds the contact by exact email (GET /contacts?email=), then PATCHes it', async () => {
		server.configure({ conflictIdField: null, listEnvelope: 'items' });
		const [{ id }] = server.seed(1, () => ({ name: 'Jane', email: 'jane@example.com' }));
		const result = await runSkode(server, upsert, [{ name: 'Jane', email: 'JANE@example.com', phone: '+1 415 555 0101' }]);
		expect(server.requests.map((request) => [request.method, request.path, request.query])).toEqual([
			['POST', '/v1/contacts', {}],
			['GET', '/v1/contacts', { email: 'JANE@example.com', per_page: '100' }],
			['PATCH', `/v1/contacts/${id}`, {}],
		]);
		expect(result.items?.[0]).toMatchObject({ id, phone: '+14155550101', upsertResult: 'updated' });
	});

	it('409 without an id, and no contact has that email: an error, nothing updated', async () => {
		server.inject((request: { method: string }) => request.method === 'POST', {
			status: 409,
			body: { error: 'conflict', message: 'A contact with this email already exists' },
		});
		const result = await runSkode(server, upsert, [{ name: 'Ghost', email: 'ghost@example.com' }], { continueOnFail: true });
		expect(result.items).toEqual([
			{
				error: '[item 0 · Ghost · ghost@example.com] Skode AI says a contact with email ghost@example.com exists (409), but searching for it finds none: not updated. Find the contact in Skode AI and use Update with its Contact ID.',
			},
		]);
		expect(calls()).toEqual([
			['POST', '/v1/contacts'],
			['GET', '/v1/contacts'],
		]);
	});

	it('a create that may have gone through (connection cut after Skode acted) is found by email, not created twice', async () => {
		server.inject((request: { method: string }) => request.method === 'POST', 'resetAfterHandling');
		const result = await runSkode(server, upsert, [{ name: 'Flaky', email: 'flaky@example.com' }]);
		expect(server.contacts.size).toBe(1);
		const [only] = [...server.contacts.values()];
		expect(calls()).toEqual([
			['POST', '/v1/contacts'],
			['GET', '/v1/contacts'],
			['PATCH', `/v1/contacts/${only.id}`],
		]);
		expect(result.items).toEqual([{ ...only, upsertResult: 'updated' }]);
	});
});

describe('Create or Update without an email: found by its phone (q), exact matches only', () => {
	it('one exact match among loose search hits is updated', async () => {
		const [loose, exact] = server.seed(2, (index) => ({ name: `P${index}`, phone: ['+141555501009', '+14155550100'][index] }));
		const result = await runSkode(server, upsert, [{ name: 'Phone Only', email: '', phone: '415.555.0100' }]);
		expect(server.requests.map((request) => [request.method, request.path, request.query])).toEqual([
			['GET', '/v1/contacts', { q: '4155550100', per_page: '100' }],
			['PATCH', `/v1/contacts/${exact.id}`, {}],
		]);
		expect(server.requests[1].body).toEqual({ name: 'Phone Only', phone: '+14155550100' });
		expect(result.items?.[0]).toMatchObject({ id: exact.id, name: 'Phone Only', upsertResult: 'updated' });
		expect(contact(loose.id).name).toBe('P0');
	});

	it('no match: created', async () => {
		server.seed(1, () => ({ name: 'Other', phone: '+14155550199' }));
		const result = await runSkode(server, upsert, [{ name: 'Fresh', phone: '+1 415 555 0123' }]);
		expect(calls()).toEqual([
			['GET', '/v1/contacts'],
			['POST', '/v1/contacts'],
		]);
		expect(result.items?.[0]).toMatchObject({ name: 'Fresh', phone: '+14155550123', upsertResult: 'created' });
	});

	it('several exact matches: an error listing their IDs, nothing written', async () => {
		const [first, second] = server.seed(2, (index) => ({ name: `Dup ${index}`, email: `dup${index}@example.com`, phone: '+14155550160' }));
		const result = await runSkode(server, upsert, [{ name: 'Dup', phone: '4155550160' }], { continueOnFail: true });
		expect(result.items).toEqual([
			{
				error: `[item 0 · Dup] 2 Skode AI contacts match phone +14155550160 (IDs ${first.id}, ${second.id}): not updating any. Merge or delete the duplicates, or use Update with the Contact ID.`,
			},
		]);
		expect(server.requests.filter((request: { method: string }) => request.method !== 'GET')).toHaveLength(0);
	});
});

describe('Rows of one run that share an email or a phone are handled one after the other', () => {
	it('the same email three times: created once, then updated twice; other rows go their way', async () => {
		const rows = [
			{ name: 'Same', email: 'same@example.com', company: 'A' },
			{ name: 'Same Again', email: 'SAME@example.com', company: 'B' },
			{ name: 'Other', email: 'other@example.com' },
			{ name: 'Same Third', email: 'same@example.com', company: 'C' },
		];
		const result = await runSkode(server, upsert, rows);
		expect(result.items?.map((item) => [item.name, item.upsertResult])).toEqual([
			['Same', 'created'],
			['Same Again', 'updated'],
			['Other', 'created'],
			['Same Third', 'updated'],
		]);
		expect(server.counts).toMatchObject({ creates: 2, updates: 2 });
		expect(server.contacts.size).toBe(2);
		expect([...server.contacts.values()].find((candidate) => candidate.email.toLowerCase() === 'same@example.com')).toMatchObject({ name: 'Same Third', company: 'C' });
	});

	it('the same phone twice without an email: created once, then updated', async () => {
		const result = await runSkode(server, upsert, [
			{ name: 'First', phone: '+1 415 555 0177' },
			{ name: 'Second', phone: '(415) 555-0177' },
		]);
		expect(result.items?.map((item) => [item.name, item.upsertResult])).toEqual([
			['First', 'created'],
			['Second', 'updated'],
		]);
		expect(server.contacts.size).toBe(1);
	});

	it('a row with neither email nor phone fails before anything is sent', async () => {
		const result = await runSkode(server, upsert, [{ name: 'Nobody', email: '', phone: '' }]);
		expect(server.requests).toHaveLength(0);
		expect(result.error?.message).toBe('[item 0 · Nobody] Email or Phone: both are empty. Give Email or Phone: at least one is needed.');
	});
});
