import { retryPolicy } from '../../nodes/common/sending/send';
import { runSkode, startSkode, type SkodeServer } from '../support/skode.cts';
import { outcomeOf, requestLines } from './same.cts';

let server: SkodeServer;
beforeAll(async () => {
	retryPolicy.firstBackoffMs = 10;
	server = await startSkode({ rateLimit: { limit: 0 } });
});
beforeEach(() => {
	server.clear();
	server.configure({ listEnvelope: 'data', conflictIdField: 'contact_id' });
});
afterAll(async () => await server.stop());

const upsert = (lookupStrategy: string) => ({
	operation: 'upsert',
	name: '={{ $json.name }}',
	email: '={{ $json.email }}',
	phone: '={{ $json.phone }}',
	additionalFields: { company: '={{ $json.company }}' },
	options: { defaultCountry: 'US', lookupStrategy },
});

const PEOPLE = [
	{ name: 'Existing', email: 'Existing@Example.com', phone: '+14155550110' },
	{ name: 'Phone Only', phone: '+14155550111' },
	{ name: 'Shared A', email: 'shared.a@example.com', phone: '+14155550150' },
	{ name: 'Shared B', email: 'shared.b@example.com', phone: '+14155550150' },
];
const ROWS = [
	{ name: 'New', email: 'new@example.com', phone: '4155550120', company: 'N' },
	{ name: 'Existing B.', email: 'existing@example.com', phone: '', company: 'E' },
	{ name: 'By Phone', email: '', phone: '(415) 555-0111', company: 'P' },
	// Skode keeps one contact per email, not per phone: a new email is a new contact.
	{ name: 'New Email, Known Phone', email: 'other@example.com', phone: '415.555.0110', company: '' },
	{ name: 'Twice', email: 'twice@example.com', phone: '4155550130', company: '' },
	{ name: 'Twice Again', email: 'TWICE@example.com', phone: '', company: 'T' },
	{ name: 'Twice By Phone', email: '', phone: '+1 415 555 0130', company: 'TP' },
	{ name: 'Shared', email: '', phone: '4155550150', company: '' },
	{ name: 'Bad', email: 'bad@example', phone: '', company: '' },
];

async function runWith(lookupStrategy: string) {
	server.clear();
	const seeded = server.seed(PEOPLE.length, (index) => PEOPLE[index]).map((contact) => contact.id);
	const result = await runSkode(server, upsert(lookupStrategy), ROWS, { continueOnFail: true });
	return { outcome: outcomeOf(result, seeded, server.contacts.values()), requests: requestLines(server.requests) };
}

describe('Skode AI Create or Update with the index: the same results as the create-first way, without the refused creates', () => {
	it('created, updated by email (any case) or, without one, by phone; the same person twice; several matches; a bad row', async () => {
		const searched = await runWith('search');
		const indexed = await runWith('auto');
		expect(indexed.outcome).toEqual(searched.outcome);
		expect(indexed.outcome.rows).toEqual([
			'created row 0',
			'updated seed 0',
			'updated seed 1',
			'created row 3',
			'created row 4',
			'updated row 4',
			'updated row 4',
			'[item 7 · Shared] 2 Skode AI contacts match phone +14155550150 (IDs seed 2, seed 3): not updating any. Merge or delete the duplicates, or use Update with the Contact ID.',
			expect.stringMatching(/^\[item 8 · Bad · bad@example\] Email: /),
		]);
		// One read of the account, then one write per row: no create refused with a 409.
		expect(indexed.requests.filter((line) => line.startsWith('GET'))).toEqual(['GET /v1/contacts?page=1&per_page=100']);
		expect(indexed.requests.filter((line) => !line.startsWith('GET'))).toHaveLength(7);
		expect(searched.requests.filter((line) => line.startsWith('POST')).length).toBeGreaterThan(indexed.requests.filter((line) => line.startsWith('POST')).length);
	});

	it('a contact created by someone else after the index was read: the 409 still turns into an update', async () => {
		server.seed(1, () => PEOPLE[1]);
		let raced: string | undefined;
		server.inject((request: { method: string; query: Record<string, string> }) => request.method === 'GET' && request.query.page === '1', {
			act: () => {
				raced = server.seed(1, () => ({ name: 'Raced', email: 'raced@example.com' }))[0].id;
			},
			status: 200,
			body: { data: [], page: 1, per_page: 100, total: 0, total_pages: 0 },
		});
		const result = await runSkode(server, upsert('auto'), [{ name: 'Mine', email: 'raced@example.com', phone: '', company: 'M' }]);
		expect(requestLines(server.requests)).toEqual(['GET /v1/contacts?page=1&per_page=100', 'POST /v1/contacts', `PATCH /v1/contacts/${raced}`]);
		expect(result.items?.[0]).toMatchObject({ id: raced, company: 'M', upsertResult: 'updated' });
	});
});

describe('Skode AI reads the index only when its first page tells the cost', () => {
	const rows = (count: number) => Array.from({ length: count }, (_, index) => ({ name: `Row ${index}`, email: `seed${index}@example.com`, phone: '', company: '' }));
	const reads = () => requestLines(server.requests).filter((line) => line.startsWith('GET'));

	it.each(['noTotals', 'bare'])('no totals in the answer (%s) and a full first page: each row is searched as before (the create first)', async (listEnvelope) => {
		server.configure({ listEnvelope });
		server.seed(150);
		await runSkode(server, upsert('auto'), rows(3));
		expect(reads()).toEqual(['GET /v1/contacts?page=1&per_page=100']);
		expect(requestLines(server.requests).filter((line) => line.startsWith('POST'))).toHaveLength(3);
	});

	it('no totals and a short first page: that page is the whole account', async () => {
		server.configure({ listEnvelope: 'noTotals' });
		const seeded = server.seed(40);
		const result = await runSkode(server, upsert('auto'), rows(3).map((row, index) => ({ ...row, email: seeded[index * 10].email.toUpperCase() })));
		expect(reads()).toEqual(['GET /v1/contacts?page=1&per_page=100']);
		expect(requestLines(server.requests).filter((line) => !line.startsWith('GET')).every((line) => line.startsWith('PATCH'))).toBe(true);
		expect(result.items?.map((item) => item.upsertResult)).toEqual(['updated', 'updated', 'updated']);
	});

	it.each(['data', 'contacts', 'items'])('every envelope with totals Skode may use (%s): 250 contacts, 3 rows, 3 pages', async (listEnvelope) => {
		server.configure({ listEnvelope });
		const seeded = server.seed(250);
		const result = await runSkode(server, upsert('auto'), [0, 120, 249].map((n) => ({ name: `Row ${n}`, email: seeded[n].email.toUpperCase(), phone: '', company: 'X' })));
		expect(reads()).toEqual([1, 2, 3].map((page) => `GET /v1/contacts?page=${page}&per_page=100`));
		expect(result.items?.map((item) => [item.id, item.upsertResult])).toEqual([0, 120, 249].map((n) => [seeded[n].id, 'updated']));
	});
});
