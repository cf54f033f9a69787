import { indexLimits } from '../../nodes/common/operations/contactIndex';
import { pacing } from '../../nodes/common/sending/pacing';
import { retryPolicy } from '../../nodes/common/sending/send';
import { runKlen, startKlen, type KlenServer } from '../support/klen.cts';
import { outcomeOf, requestLines } from './same.cts';

let server: KlenServer;
const limits = { ...indexLimits };
const window = pacing.windowMs;
beforeAll(async () => {
	retryPolicy.firstBackoffMs = 10;
	// Klen's 60 requests a minute is the node's own pace: a second here, so that runs need not wait.
	pacing.windowMs = 1000;
	server = await startKlen({ rateLimit: { limit: 0 } });
});
beforeEach(() => {
	server.reset();
	server.contacts.clear();
	Object.assign(indexLimits, limits);
});
afterAll(async () => {
	pacing.windowMs = window;
	await server.stop();
});

const upsert = (lookupStrategy: string) => ({
	operation: 'upsert',
	firstName: '={{ $json.first }}',
	additionalFields: { email: '={{ $json.email }}', company: '={{ $json.company }}', phoneNumbers: { number: [{ phoneNumber: '={{ $json.phone }}' }] } },
	options: { defaultCountry: 'US', lookupStrategy },
});

/** Contacts as Klen holds them (phone numbers in E.164, as it accepts them), with ids 701… (Klen gives its own from 1001). */
function seed(people: Array<{ first: string; email?: string; phones?: string[] }>): number[] {
	return people.map((person, index) => {
		const id = 701 + index;
		server.contacts.set(id, {
			id,
			first_name: person.first,
			last_name: null,
			email: person.email ?? null,
			company: null,
			country: 'US',
			status: 'not_contacted',
			stage: 'lead',
			tags: [],
			phone_numbers: (person.phones ?? []).map((phone, position) => ({ id: 9000 + id * 10 + position, phone_number: phone, phone_type: 'mobile', primary: position === 0, do_not_call: false })),
			created_at: '2024-01-01T00:00:00Z',
			updated_at: '2024-01-01T00:00:00Z',
		});
		return id;
	});
}

const PEOPLE = [
	{ first: 'Existing', email: 'Existing@Example.com', phones: ['+14155550110'] },
	{ first: 'Phone', email: 'phone@example.com', phones: ['+14155550111', '+14155550112'] },
	{ first: 'Dup', email: 'dup@example.com' },
	{ first: 'Dup', email: 'DUP@example.com' },
	{ first: 'Shared', phones: ['+14155550150'] },
	{ first: 'Shared', phones: ['+14155550150'] },
];
const ROWS = [
	{ first: 'New', email: 'new@example.com', phone: '4155550120', company: 'N' },
	{ first: 'Existing B.', email: 'existing@example.com', phone: '', company: 'E' },
	{ first: 'By Second Number', email: '', phone: '(415) 555-0112', company: '' },
	{ first: 'New Email, Known Phone', email: 'other@example.com', phone: '415.555.0110', company: '' },
	{ first: 'Twice', email: 'twice@example.com', phone: '4155550130', company: '' },
	{ first: 'Twice Again', email: 'TWICE@example.com', phone: '', company: 'T' },
	{ first: 'Twice By Phone', email: '', phone: '+1 415 555 0130', company: '' },
	{ first: 'Dup', email: 'dup@example.com', phone: '', company: '' },
	{ first: 'Shared', email: '', phone: '4155550150', company: '' },
	{ first: 'Bad', email: 'bad@example.com', phone: '12', company: '' },
	{ first: 'Nobody', email: '', phone: '', company: '' },
];

async function runWith(lookupStrategy: string) {
	server.reset();
	server.contacts.clear();
	const seeded = seed(PEOPLE);
	const result = await runKlen(server, upsert(lookupStrategy), ROWS, { continueOnFail: true });
	return { outcome: outcomeOf(result, seeded, server.contacts.values()), requests: requestLines(server.requests) };
}

describe('Klen AI Create or Update with the index: the same results as a search per row, at one request per row', () => {
	it('created, updated by email (any case) or by any of its numbers, the same person twice, several matches, bad rows', async () => {
		const searched = await runWith('search');
		const indexed = await runWith('auto');
		expect(indexed.outcome).toEqual(searched.outcome);
		expect(indexed.outcome.rows).toEqual([
			'created row 0',
			'updated seed 0',
			'updated seed 1',
			'updated seed 0',
			'created row 4',
			'updated row 4',
			'updated row 4',
			'[item 7 · Dup · dup@example.com] 2 Klen AI contacts match email dup@example.com (IDs seed 2, seed 3): not updating any. Merge or delete the duplicates, or use Update with the Contact ID.',
			'[item 8 · Shared] 2 Klen AI contacts match phone number +14155550150 (IDs seed 4, seed 5): not updating any. Merge or delete the duplicates, or use Update with the Contact ID.',
			expect.stringMatching(/^\[item 9 · Bad · bad@example.com\] Phone Numbers: "12" is not/),
			expect.stringMatching(/^\[item 10 · Nobody\] Create or Update finds the contact by Email/),
		]);
		// One read of the account (6 contacts, one page), then only the writes: 7 rows written.
		expect(indexed.requests.filter((line) => line.startsWith('GET'))).toEqual(['GET /api/v1/contacts?page=1&limit=100']);
		expect(indexed.requests.filter((line) => !line.startsWith('GET'))).toHaveLength(7);
		expect(searched.requests.filter((line) => line.startsWith('GET')).length).toBeGreaterThan(10);
	});

	it('the index is read once for all the rows of a run, and again by the next run', async () => {
		seed(PEOPLE);
		const rows = Array.from({ length: 30 }, (_, index) => ({ first: `Row ${index}`, email: `row${index}@example.com`, phone: '', company: '' }));
		await runKlen(server, upsert('auto'), rows);
		expect(requestLines(server.requests).filter((line) => line.startsWith('GET'))).toEqual(['GET /api/v1/contacts?page=1&limit=100']);
		server.reset();
		const again = await runKlen(server, upsert('auto'), rows);
		expect(again.items?.map((item) => item.upsertResult)).toEqual(Array(30).fill('updated'));
		expect(requestLines(server.requests).filter((line) => line.startsWith('GET'))).toEqual(['GET /api/v1/contacts?page=1&limit=100']);
		expect(server.contacts.size).toBe(PEOPLE.length + 30);
	});
});

describe('The index is read only when it costs fewer requests than the searches', () => {
	const many = (count: number) => seed(Array.from({ length: count }, (_, index) => ({ first: `Seed ${index}`, email: `seed${index}@example.com` })));
	const rows = (count: number) => Array.from({ length: count }, (_, index) => ({ first: `Seed ${index * 7}`, email: `SEED${index * 7}@example.com`, phone: '', company: '' }));
	const gets = () => requestLines(server.requests).filter((line) => line.startsWith('GET'));

	it('350 contacts (4 pages) for 3 rows: the first page says so, then each row is searched', async () => {
		many(350);
		const result = await runKlen(server, upsert('auto'), rows(3));
		expect(gets()).toEqual([
			'GET /api/v1/contacts?page=1&limit=100',
			...[0, 7, 14].map((n) => `GET /api/v1/contacts?search=SEED${n}%40example.com&limit=100`),
		]);
		expect(result.items?.map((item) => [item.id, item.upsertResult])).toEqual([
			[701, 'updated'],
			[708, 'updated'],
			[715, 'updated'],
		]);
	});

	it('350 contacts for 4 rows: the 4 pages are read, and no row is searched', async () => {
		many(350);
		const result = await runKlen(server, upsert('auto'), rows(4));
		expect(gets()).toEqual([1, 2, 3, 4].map((page) => `GET /api/v1/contacts?page=${page}&limit=100`));
		expect(result.items?.map((item) => item.upsertResult)).toEqual(Array(4).fill('updated'));
	});

	it('more contacts than the index holds (indexLimits.maxContacts): each row is searched', async () => {
		indexLimits.maxContacts = 300;
		many(350);
		await runKlen(server, upsert('auto'), rows(4));
		expect(gets()).toHaveLength(5);
	});

	it('Lookup Strategy › Search for Each Row: the account is not read', async () => {
		many(5);
		await runKlen(server, upsert('search'), rows(1));
		expect(gets()).toEqual(['GET /api/v1/contacts?search=SEED0%40example.com&limit=100']);
	});

	it('a list answer without contacts: each row is searched, nothing created twice', async () => {
		many(5);
		server.inject((request: { query: Record<string, string> }) => request.query.page === '1' && !request.query.search, { status: 200, body: { results: [] } });
		const result = await runKlen(server, upsert('auto'), rows(1));
		expect(gets()).toEqual(['GET /api/v1/contacts?page=1&limit=100', 'GET /api/v1/contacts?search=SEED0%40example.com&limit=100']);
		expect(result.items?.[0]).toMatchObject({ id: 701, upsertResult: 'updated' });
	});

	it('fewer contacts read than the first page announced (pages shifted): each row is searched', async () => {
		many(150);
		server.inject((request: { query: Record<string, string> }) => request.query.page === '2', {
			status: 200,
			body: { count: 150, page: 2, limit: 100, pages: 2, contacts: [] },
		});
		const result = await runKlen(server, upsert('auto'), rows(3).slice(2).concat(rows(3).slice(0, 2)));
		expect(gets().slice(0, 2)).toEqual(['GET /api/v1/contacts?page=1&limit=100', 'GET /api/v1/contacts?page=2&limit=100']);
		expect(gets()).toHaveLength(5);
		expect(result.items?.map((item) => item.upsertResult)).toEqual(Array(3).fill('updated'));
	});
});
