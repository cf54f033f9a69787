import { retryPolicy } from '../../nodes/common/sending/send';
import { runSkipcall, startSkipcall, type SkipcallServer } from '../support/skipcall.cts';

let server: SkipcallServer;
let contactId: string;
beforeAll(async () => {
	retryPolicy.firstBackoffMs = 10;
	server = await startSkipcall();
});
beforeEach(async () => {
	server.reset();
	const created = await runSkipcall(server, {
		operation: 'create',
		firstName: 'John',
		lastName: 'Doe',
		phoneNumbers: '+33612345678',
		additionalFields: { customFields: { field: [{ key: 'industry', value: 'Technology' }] } },
	});
	contactId = created.items?.[0].id as string;
	server.reset();
});
afterAll(async () => await server.stop());

describe('Update sends only the fields given, to PATCH /contacts/{id}', () => {
	it('sends the exact request and outputs the updated contact', async () => {
		const result = await runSkipcall(
			server,
			{
				operation: 'update',
				contactId: `={{ $json.id }}`,
				updateFields: {
					role: 'CEO',
					phoneNumbers: '={{ $json.phones }}',
					allowPhoneCalls: 'FALSE',
					customFields: { field: [{ key: 'team_size', value: '10-50' }] },
				},
				options: { defaultCountry: 'FR' },
			},
			[{ id: ` ${contactId} `, phones: ['06 12 34 56 78', '06.98.76.54.32'] }],
		);
		expect(result.error).toBeUndefined();
		expect(server.requests).toHaveLength(1);
		expect(server.requests[0]).toMatchObject({
			method: 'PATCH',
			path: `/v1/contacts/${contactId}`,
			body: {
				role: 'CEO',
				phoneNumbers: ['+33612345678', '+33698765432'],
				allowPhoneCalls: false,
				customFields: { team_size: '10-50' },
			},
		});
		expect(Object.keys(server.requests[0].body)).toEqual(['phoneNumbers', 'role', 'allowPhoneCalls', 'customFields']);
		expect(result.items).toEqual([server.contacts.get(contactId)]);
		// customFields updates only the keys sent.
		expect(result.items?.[0].customFields).toEqual({ Industry: 'Technology', Size: '10-50' });
	});

	it('refuses an update with nothing to change, before sending', async () => {
		const result = await runSkipcall(server, { operation: 'update', contactId, updateFields: { company: '' } });
		expect(server.requests).toHaveLength(0);
		expect(result.error?.message).toBe(`[item 0 · contact ${contactId}] Update Fields: nothing to update. Add at least one field with a value.`);
	});

	it('URL-encodes the contact ID, so an ID can never become another path', async () => {
		const result = await runSkipcall(server, { operation: 'update', contactId: 'c/2?x=1', updateFields: { role: 'CTO' } }, [{}], {
			continueOnFail: true,
		});
		expect(server.requests[0].path).toBe('/v1/contacts/c%2F2%3Fx%3D1');
		expect(result.items).toEqual([{ error: '[item 0 · contact c/2?x=1] Contact c/2?x=1 not found at Skipcall (404)' }]);
	});

	it('refuses an empty contact ID, naming the item', async () => {
		const result = await runSkipcall(server, { operation: 'update', contactId: '={{ $json.id }}', updateFields: { role: 'CTO' } }, [{ id: '' }]);
		expect(server.requests).toHaveLength(0);
		expect(result.error?.message).toBe('[item 0] Contact ID: is required but empty. Give the ID of the contact.');
	});
});

describe('Get returns the contact, or says it was not found', () => {
	it('gets the contact', async () => {
		const result = await runSkipcall(server, { operation: 'get', contactId });
		expect(server.requests.map((request: { method: string; path: string }) => [request.method, request.path])).toEqual([
			['GET', `/v1/contacts/${contactId}`],
		]);
		expect(server.requests[0].rawBody).toBe('');
		expect(result.items).toEqual([server.contacts.get(contactId)]);
	});

	it('answers 404 with the contact ID and how to fix it', async () => {
		const result = await runSkipcall(server, { operation: 'get', contactId: 'missing-id' });
		expect(result.error?.message).toBe('[item 0 · contact missing-id] Contact missing-id not found at Skipcall (404)');
		expect(result.error?.description).toBe(
			"Check the contact ID, and that the API key has access to the contact's workspace.",
		);
	});
});
