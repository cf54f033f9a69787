import { retryPolicy } from '../../nodes/common/sending/send';
import { pacing } from '../../nodes/common/sending/pacing';
import { runKlen, startKlen, type KlenServer } from '../support/klen.cts';
import { runSkode, startSkode, type SkodeServer } from '../support/skode.cts';

/**
 * Issue 18, item 3: Create or Update compares phone numbers as numbers. Before, a Skode AI
 * contact holding "(415) 555-0101" was not found by a phone-only row "415 555 0101" (Default
 * Country US), with either lookup strategy, and a second contact was created.
 */

let skode: SkodeServer;
let klen: KlenServer;
const window = pacing.windowMs;
beforeAll(async () => {
	retryPolicy.firstBackoffMs = 10;
	pacing.windowMs = 1000;
	skode = await startSkode({ rateLimit: { limit: 0 } });
	klen = await startKlen({ rateLimit: { limit: 0 } });
});
afterAll(async () => {
	pacing.windowMs = window;
	await skode.stop();
	await klen.stop();
});

describe('Skode AI: a contact stored with a national number is found by a row writing it another way', () => {
	let heldId: string;
	beforeEach(() => {
		skode.clear();
		const [held] = skode.seed(1, () => ({ name: 'Held Contact', email: 'held@example.com', phone: '+14155550101' }));
		heldId = held.id;
		// As another tool (or Skode's own UI) may have stored it.
		skode.contacts.get(heldId).phone = '(415) 555-0101';
		skode.requests.length = 0;
	});

	const upsert = (lookupStrategy: string) => ({
		operation: 'upsert',
		name: '={{ $json.name }}',
		phone: '={{ $json.phone }}',
		additionalFields: { title: '={{ $json.title }}' },
		options: { defaultCountry: 'US', lookupStrategy },
	});

	it.each(['search', 'auto'])('lookup strategy %s: the contact is updated, none is created', async (strategy) => {
		const result = await runSkode(skode, upsert(strategy), [{ name: 'Row Person', phone: '415 555 0101', title: 'CFO' }]);
		expect(result.error).toBeUndefined();
		expect(skode.requests.filter((request: { method: string }) => request.method === 'POST')).toEqual([]);
		expect(skode.contacts.size).toBe(1);
		expect(result.items).toEqual([{ ...skode.contacts.get(heldId), upsertResult: 'updated' }]);
		expect(skode.contacts.get(heldId)).toMatchObject({ phone: '+14155550101', title: 'CFO' });
	});

	it('the per-row search asks Skode for the national number’s digits and keeps only the same number', async () => {
		// Another contact whose number merely contains those digits is not taken for the row's.
		skode.seed(1, () => ({ name: 'Other', email: 'other@example.com', phone: '+4414155550101' }));
		skode.requests.length = 0;
		const result = await runSkode(skode, upsert('search'), [{ name: 'Row Person', phone: '+1 415-555-0101', title: 'CFO' }]);
		expect(result.items?.[0]).toMatchObject({ id: heldId, upsertResult: 'updated' });
		expect(skode.requests.map((request: { method: string; path: string; query: object }) => [request.method, request.path, request.query])).toEqual([
			['GET', '/v1/contacts', { q: '4155550101', per_page: '100' }],
			['PATCH', `/v1/contacts/${heldId}`, {}],
		]);
	});

	it('a stored number of another country is not the row’s, even with the same digits', async () => {
		skode.contacts.get(heldId).phone = '+44 415 555 0101';
		const result = await runSkode(skode, upsert('auto'), [{ name: 'Row Person', phone: '415 555 0101', title: 'CFO' }]);
		expect(result.items?.[0]).toMatchObject({ upsertResult: 'created', phone: '+14155550101' });
		expect(skode.contacts.size).toBe(2);
	});
});

describe('Klen AI: the account read once matches a national number as the same number', () => {
	beforeEach(() => {
		klen.reset();
		klen.contacts.clear();
		klen.contacts.set(701, {
			id: 701,
			first_name: 'Held',
			last_name: null,
			email: null,
			company: null,
			country: 'FR',
			status: 'not_contacted',
			stage: 'lead',
			tags: [],
			phone_numbers: [{ id: 9001, phone_number: '06 12 34 56 78', phone_type: 'mobile', primary: true, do_not_call: false }],
			created_at: '2024-01-01T00:00:00Z',
			updated_at: '2024-01-01T00:00:00Z',
		});
	});

	it('a phone-only row "0612345678" with Default Country FR updates contact 701', async () => {
		const result = await runKlen(klen, {
			operation: 'upsert',
			firstName: '={{ $json.first }}',
			additionalFields: { phoneNumbers: { number: [{ phoneNumber: '={{ $json.phone }}' }] } },
			options: { defaultCountry: 'FR', lookupStrategy: 'auto' },
		}, [{ first: 'Row', phone: '0612345678' }]);
		expect(result.error).toBeUndefined();
		expect(result.items?.[0]).toMatchObject({ id: 701, upsertResult: 'updated' });
		expect(klen.contacts.size).toBe(1);
	});
});
