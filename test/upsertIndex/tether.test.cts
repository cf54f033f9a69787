import { retryPolicy } from '../../nodes/common/sending/send';
import { runTether, startTether, type TetherServer } from '../support/tether.cts';
import { outcomeOf, requestLines } from './same.cts';

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

const upsert = (lookupStrategy: string) => ({
	operation: 'upsert',
	phoneNumbers: '={{ $json.phone }}',
	additionalFields: { firstName: '={{ $json.first }}', status: '={{ $json.status }}' },
	options: { defaultCountry: 'US', lookupStrategy },
});

const PEOPLE = [
	{ firstName: 'Existing', phoneNumber: ['+14155550110', '+14155550111'] },
	{ firstName: 'Holder', phoneNumber: ['+14155550160'] },
	{ firstName: 'One', phoneNumber: ['+14155550150'] },
	{ firstName: 'Two', phoneNumber: ['+14155550150'] },
];
const ROWS = [
	{ first: 'New', phone: '415 555 0120', status: 'Contacted' },
	{ first: 'Existing B.', phone: '415-555-0110', status: 'Qualified' },
	{ first: 'By Second Number', phone: '(415) 555-0111', status: '' },
	// Found by neither: created, which Tether refuses for the second number: its holder is updated.
	{ first: 'Holder Again', phone: '415 555 0170, 415 555 0160', status: 'Won' },
	{ first: 'Twice', phone: '4155550130', status: '' },
	{ first: 'Twice Again', phone: '+1 415 555 0130', status: 'Lost' },
	{ first: 'Held Twice', phone: '4155550150', status: '' },
	{ first: 'Bad', phone: '5', status: '' },
];

async function runWith(lookupStrategy: string) {
	server.clearContacts();
	server.reset();
	const seeded = PEOPLE.map((person) => server.seedContact(person)._id);
	server.reset();
	const result = await runTether(server, upsert(lookupStrategy), ROWS, { continueOnFail: true });
	return { outcome: outcomeOf(result, seeded, server.contacts.values(), '_id'), requests: requestLines(server.requests) };
}

describe('Tether Create or Update with the index: the same results as a search per row', () => {
	it('created, updated by any of its numbers, a refused number updating its holder, the same number twice, several holders, a bad row', async () => {
		const searched = await runWith('search');
		const indexed = await runWith('auto');
		expect(indexed.outcome).toEqual(searched.outcome);
		expect(indexed.outcome.rows).toEqual([
			'created row 0',
			'updated seed 0',
			'updated seed 0',
			'updated seed 1',
			'created row 4',
			'updated row 4',
			'[item 6 · Held Twice] 2 Tether contacts match phone number +14155550150 (IDs seed 2, seed 3): not updating any. Merge or delete the duplicates, or use Update with the Contact ID.',
			expect.stringMatching(/^\[item 7 · Bad\] Phone Numbers: /),
		]);
		expect(indexed.requests.filter((line) => line.startsWith('GET'))).toEqual(['GET /api/contacts?page=1&size=100']);
		expect(searched.requests.filter((line) => line.startsWith('GET'))).toHaveLength(7);
	});

	it('more pages than rows: the first page says so, and each row is searched', async () => {
		for (let index = 0; index < 150; index++) server.seedContact({ firstName: `Seed ${index}`, phoneNumber: [`+1415555${String(1000 + index)}`] });
		server.reset();
		const result = await runTether(server, upsert('auto'), [{ first: 'Seed', phone: '+14155551007', status: 'Won' }]);
		expect(requestLines(server.requests).filter((line) => line.startsWith('GET'))).toEqual([
			'GET /api/contacts?page=1&size=100',
			'GET /api/contacts?search=%2B14155551007&size=100',
		]);
		expect(result.items?.[0]).toMatchObject({ firstName: 'Seed 7', upsertResult: 'updated' });
	});
});
