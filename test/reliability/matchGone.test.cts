import { pacing } from '../../nodes/common/sending/pacing';
import { retryPolicy } from '../../nodes/common/sending/send';
import { runKlen, startKlen, type KlenServer } from '../support/klen.cts';
import { runSkode, startSkode, type SkodeServer } from '../support/skode.cts';
import { runTether, startTether, type TetherServer } from '../support/tether.cts';

/**
 * Issue 18, item 7: Create or Update finds a contact (in the account read once, or by its
 * search) that someone deletes before the update reaches it: the update answers 404, and the
 * row's contact is created, `upsertResult: "created"`, with a note that the match was gone.
 * Before, the row failed with "contact not found".
 */

let skode: SkodeServer;
let klen: KlenServer;
let tether: TetherServer;
const window = pacing.windowMs;
beforeAll(async () => {
	retryPolicy.firstBackoffMs = 10;
	pacing.windowMs = 1000;
	[skode, klen, tether] = await Promise.all([startSkode({ rateLimit: { limit: 0 } }), startKlen({ rateLimit: { limit: 0 } }), startTether({ tokenUses: Infinity })]);
});
afterAll(async () => {
	pacing.windowMs = window;
	await Promise.all([skode.stop(), klen.stop(), tether.stop()]);
});

const isUpdate = (request: { method: string }) => request.method === 'PATCH';

describe('Skode AI: the contact found is deleted before its update', () => {
	beforeEach(() => skode.clear());

	it.each(['auto', 'search'])('lookup strategy %s: created, with a note', async (lookupStrategy) => {
		const [gone] = skode.seed(1, () => ({ name: 'Gone Soon', phone: '+14155550199' }));
		skode.inject(isUpdate, { act: () => skode.contacts.delete(gone.id) });
		const result = await runSkode(skode, { operation: 'upsert', name: 'Row Person', phone: '+1 415 555 0199', options: { lookupStrategy } });
		expect(result.error).toBeUndefined();
		expect(skode.requests.map((request: { method: string; path: string }) => `${request.method} ${request.path}`)).toEqual([
			'GET /v1/contacts',
			`PATCH /v1/contacts/${gone.id}`,
			'POST /v1/contacts',
		]);
		const [created] = [...skode.contacts.values()];
		expect(skode.contacts.size).toBe(1);
		expect(result.items).toEqual([
			{
				...created,
				upsertResult: 'created',
				upsertNote: `Skode AI contact ${gone.id}, found by phone +14155550199, was deleted before it could be updated: a new contact was created.`,
			},
		]);
	});
});

describe('Klen AI and Tether: the same', () => {
	it('Klen AI, the account read once', async () => {
		klen.contacts.clear();
		klen.contacts.set(701, {
			id: 701,
			first_name: 'Gone',
			email: 'gone@example.com',
			country: 'US',
			status: 'not_contacted',
			stage: 'lead',
			tags: [],
			phone_numbers: [],
			created_at: '2024-01-01T00:00:00Z',
			updated_at: '2024-01-01T00:00:00Z',
		});
		klen.reset();
		klen.inject(isUpdate, { act: () => klen.contacts.delete(701) });
		const result = await runKlen(klen, { operation: 'upsert', firstName: 'Row', additionalFields: { email: 'gone@example.com' }, options: { lookupStrategy: 'auto' } });
		expect(result.items?.[0]).toMatchObject({
			first_name: 'Row',
			email: 'gone@example.com',
			upsertResult: 'created',
			upsertNote: 'Klen AI contact 701, found by email gone@example.com, was deleted before it could be updated: a new contact was created.',
		});
		expect(klen.contacts.size).toBe(1);
	});

	it('Tether, searching for the row', async () => {
		tether.reset();
		tether.clearContacts();
		const gone = tether.seedContact({ firstName: 'Gone', phoneNumber: [{ value: '+14165552000', isPrimary: true }] });
		tether.inject(isUpdate, { act: () => tether.contacts.delete(gone._id) });
		const result = await runTether(tether, { operation: 'upsert', phoneNumbers: '+1 416 555 2000', additionalFields: { firstName: 'Row' }, options: { lookupStrategy: 'search' } });
		expect(result.error).toBeUndefined();
		expect(result.items?.[0]).toMatchObject({
			upsertResult: 'created',
			upsertNote: `Tether contact ${gone._id}, found by phone number +14165552000, was deleted before it could be updated: a new contact was created.`,
		});
		expect(tether.contacts.size).toBe(1);
	});
});
