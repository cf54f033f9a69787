import { retryPolicy } from '../../nodes/common/sending/send';
import { runSkode, startSkode, type SkodeServer } from '../support/skode.cts';
import { requestLines, runTether, startTether, type TetherServer } from '../support/tether.cts';

/**
 * Issue 18, item 8: without Continue On Fail, every operation of every node sends nothing
 * while a row is invalid, and the run fails with that row's own error. Before, Skode AI's
 * Get, Update, Merge and Delete and Tether's operations sent the valid rows' requests after
 * another row failed its checks, or failed with "[item 0] Not sent: …" instead of the
 * invalid row's message.
 */

let skode: SkodeServer;
let tether: TetherServer;
let ids: string[];
beforeAll(async () => {
	retryPolicy.firstBackoffMs = 10;
	[skode, tether] = await Promise.all([startSkode({ rateLimit: { limit: 0 } }), startTether({ tokenUses: Infinity })]);
});
beforeEach(() => {
	skode.clear();
	ids = skode.seed(3, (index) => ({ name: `Seed ${index}`, email: `seed${index}@example.com` })).map((contact) => contact.id);
	skode.requests.length = 0;
	tether.reset();
	tether.clearContacts();
});
afterAll(async () => await Promise.all([skode.stop(), tether.stop()]));

const BAD_ID = '[item 1] Contact ID: "." is not a contact ID. Give the ID of the contact: "." and ".." would change the address the request goes to.';

describe('Skode AI: a row with an invalid Contact ID stops the run before anything is sent, with its own error', () => {
	it.each([
		['get', {}],
		['delete', {}],
		['update', { updateFields: { title: 'CTO' } }],
	])('%s', async (operation, extra) => {
		const result = await runSkode(skode, { operation, contactId: '={{ $json.id }}', ...extra }, [{ id: ids[0] }, { id: '.' }, { id: ids[2] }]);
		expect(skode.requests).toEqual([]);
		expect(result.error?.message).toBe(BAD_ID.replace('[item 1]', '[item 1 · contact .]'));
	});

	it('merge', async () => {
		const result = await runSkode(skode, { operation: 'merge', primaryId: '={{ $json.primary }}', duplicateIds: '={{ $json.duplicates }}' }, [
			{ primary: ids[0], duplicates: ids[1] },
			{ primary: ids[2], duplicates: ids[2] },
		]);
		expect(skode.requests).toEqual([]);
		expect(result.error?.message).toMatch(/^\[item 1\] Duplicate IDs: ".*" is the Primary ID too\./);
	});
});

describe('Tether: the same for every operation', () => {
	it('update', async () => {
		const contact = tether.seedContact({ firstName: 'Held', phoneNumber: [{ value: '+14165552001', isPrimary: true }] });
		const result = await runTether(tether, { operation: 'update', contactId: '={{ $json.id }}', updateFields: { phoneNumbers: '={{ $json.phone }}' } }, [
			{ id: contact._id, phone: '+1 416 555 2002' },
			{ id: contact._id, phone: 'not a number' },
		]);
		expect(requestLines(tether)).toEqual([]);
		expect(result.error?.message).toMatch(/^\[item 1 · contact [0-9a-f]+\] Phone Numbers: "not a number"/);
	});

	it.each(['create', 'upsert'])('%s', async (operation) => {
		const result = await runTether(tether, { operation, phoneNumbers: '={{ $json.phone }}' }, [{ phone: '+1 416 555 2003' }, { phone: '12' }]);
		expect(requestLines(tether)).toEqual([]);
		expect(result.error?.message).toMatch(/^\[item 1 · 12\] Phone Numbers: "12"/);
	});
});
