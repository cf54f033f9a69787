import { retryPolicy } from '../../nodes/common/sending/send';
import { runKlen, startKlen, type KlenServer } from '../support/klen.cts';

let server: KlenServer;
let contactId: number;
beforeAll(async () => {
	retryPolicy.firstBackoffMs = 10;
	server = await startKlen();
});
beforeEach(async () => {
	server.reset();
	const created = await runKlen(server, {
		operation: 'create',
		firstName: 'Jane',
		additionalFields: { tags: 'a, b', phoneNumbers: { number: [{ phoneNumber: '+14165550100' }] } },
	});
	contactId = created.items?.[0].id as number;
	server.reset();
});
afterAll(async () => await server.stop());

describe('Update sends only the fields given to PATCH /contacts/{id}/update', () => {
	it('sends the exact request; tags and phone numbers replace the old ones', async () => {
		const result = await runKlen(server, {
			operation: 'update',
			contactId: `={{ " ${contactId} " }}`,
			updateFields: { tags: ['c'], stage: 'customer', phoneNumbers: { number: [{ phoneNumber: '+1 416 555 0177', phoneType: 'home' }] } },
		});
		expect(result.error).toBeUndefined();
		expect(server.requests.map((request) => [request.method, request.path, request.body])).toEqual([
			[
				'PATCH',
				`/api/v1/contacts/${contactId}/update`,
				{ stage: 'customer', tags: ['c'], phone_numbers: [{ phone_number: '+14165550177', phone_type: 'home', primary: true, do_not_call: false }] },
			],
		]);
		expect(result.items).toEqual([server.contacts.get(contactId)]);
		expect(result.items?.[0]).toMatchObject({ tags: ['c'], stage: 'customer', first_name: 'Jane' });
	});

	it('checks that the ID is a whole number before sending', async () => {
		const result = await runKlen(server, { operation: 'update', contactId: 'abc', updateFields: { stage: 'x' } });
		expect(server.requests).toHaveLength(0);
		expect(result.error?.message).toBe('[item 0 · contact abc] Contact ID: "abc" is not a whole number. Give digits only, such as 12.');
	});

	it('the update descriptions say that tags and phone numbers replace the existing ones', async () => {
		const { KlenAi } = await import('../../nodes/KlenAi/KlenAi.node');
		const updateFields = new KlenAi().description.properties.find((property) => property.name === 'updateFields');
		const descriptions = Object.fromEntries((updateFields?.options as Array<{ name: string; description: string }>).map((option) => [option.name, option.description]));
		expect(descriptions.tags).toMatch(/Replaces ALL the contact’s tags/);
		expect(descriptions.phoneNumbers).toMatch(/Replaces ALL the contact’s numbers/);
	});
});

describe('Get returns the contact or says it was not found', () => {
	it('gets it', async () => {
		const result = await runKlen(server, { operation: 'get', contactId: String(contactId) });
		expect(server.requests.map((request) => [request.method, request.path])).toEqual([['GET', `/api/v1/contacts/${contactId}`]]);
		expect(result.items).toEqual([server.contacts.get(contactId)]);
	});

	it('404 not_found names the contact', async () => {
		const result = await runKlen(server, { operation: 'get', contactId: '999' });
		expect(result.error?.message).toBe('[item 0 · contact 999] Contact 999 not found at Klen AI (404)');
	});
});
