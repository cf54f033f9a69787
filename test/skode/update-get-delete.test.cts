import { Skode } from '../../nodes/Skode/Skode.node';
import { retryPolicy } from '../../nodes/common/sending/send';
import { runSkode, startSkode, type SkodeServer } from '../support/skode.cts';

let server: SkodeServer;
let id: string;
beforeAll(async () => {
	retryPolicy.firstBackoffMs = 10;
	server = await startSkode({ rateLimit: { limit: 0 } });
});
beforeEach(() => {
	server.clear();
	server.configure({ contactEnvelope: 'bare' });
	[{ id }] = server.seed(1, () => ({
		name: 'Jane',
		email: 'jane@example.com',
		phone: '+14155550100',
		title: 'CTO',
		tags: ['a', 'b'],
		custom_fields: { linkedin: 'x', tier: 'gold' },
	}));
});
afterAll(async () => await server.stop());

describe('Update sends only the fields given to PATCH /contacts/{id}; tags given replace the tags', () => {
	it('sends the exact request and outputs the updated contact', async () => {
		const result = await runSkode(
			server,
			{
				operation: 'update',
				contactId: `={{ " ${id} " }}`,
				updateFields: {
					title: 'CEO',
					company: '',
					phone: '06 12 34 56 78',
					tags: ['vip'],
					customFields: { values: [{ key: 'tier', value: 'platinum' }, { key: 'linkedin', value: '' }] },
				},
				options: { defaultCountry: 'FR' },
			},
		);
		expect(result.error).toBeUndefined();
		expect(server.requests.map((request) => [request.method, request.path, request.body])).toEqual([
			['PATCH', `/v1/contacts/${id}`, { phone: '+33612345678', title: 'CEO', tags: ['vip'], custom_fields: { tier: 'platinum' } }],
		]);
		expect(result.items).toEqual([server.contacts.get(id)]);
		expect(result.items?.[0]).toMatchObject({ name: 'Jane', email: 'jane@example.com', tags: ['vip'], custom_fields: { linkedin: 'x', tier: 'platinum' } });
	});

	it('an update with every field empty is refused before sending', async () => {
		const result = await runSkode(server, { operation: 'update', contactId: id, updateFields: { title: ' ', tags: '' } });
		expect(server.requests).toHaveLength(0);
		expect(result.error?.message).toBe(`[item 0 · contact ${id}] Update Fields: nothing to update. Add at least one field with a value.`);
	});

	it('the descriptions say that tags given replace the contact’s tags', () => {
		const updateFields = new Skode().description.properties.find((property) => property.name === 'updateFields');
		const descriptions = Object.fromEntries((updateFields?.options as Array<{ name: string; description: string }>).map((option) => [option.name, option.description]));
		expect(descriptions.tags).toMatch(/Replaces ALL the contact’s tags/);
		expect(descriptions.customFields).toMatch(/Only the keys given change/);
	});

	it('an id that needs escaping stays one path segment', async () => {
		const result = await runSkode(server, { operation: 'update', contactId: 'contact/../x', updateFields: { title: 'x' } });
		expect(server.requests.map((request) => request.path)).toEqual(['/v1/contacts/contact%2F..%2Fx']);
		expect(result.error?.message).toBe('[item 0 · contact contact/../x] Contact contact/../x not found at Skode AI (404)');
	});
});

describe('Get returns the contact, whatever envelope Skode wraps it in', () => {
	it.each(['bare', 'data', 'contact'])('envelope %s', async (contactEnvelope) => {
		server.configure({ contactEnvelope });
		const result = await runSkode(server, { operation: 'get', contactId: id });
		expect(server.requests.map((request) => [request.method, request.path])).toEqual([['GET', `/v1/contacts/${id}`]]);
		expect(result.items).toEqual([{ ...server.contacts.get(id), deals: [], activities: [] }]);
	});

	it('404 names the contact id', async () => {
		const result = await runSkode(server, { operation: 'get', contactId: 'contact_missing' }, [{}], { continueOnFail: true });
		expect(result.items).toEqual([{ error: '[item 0 · contact contact_missing] Contact contact_missing not found at Skode AI (404)' }]);
	});
});

describe('Delete: 204 gives { deleted: true, id }', () => {
	it('deletes and says so', async () => {
		const result = await runSkode(server, { operation: 'delete', contactId: `={{ $json.id }}` }, [{ id }]);
		expect(server.requests.map((request) => [request.method, request.path])).toEqual([['DELETE', `/v1/contacts/${id}`]]);
		expect(result.items).toEqual([{ deleted: true, id }]);
		expect(server.contacts.has(id)).toBe(false);
		expect(server.trash.has(id)).toBe(true);
	});

	it('an empty Contact ID is refused before sending; an unknown one is a 404 naming it', async () => {
		const result = await runSkode(server, { operation: 'delete', contactId: '={{ $json.id }}' }, [{ id: '' }, { id: 'contact_gone' }], { continueOnFail: true });
		expect(result.items).toEqual([
			{ error: '[item 0] Contact ID: is required but empty. Give the ID of the contact.' },
			{ error: '[item 1 · contact contact_gone] Contact contact_gone not found at Skode AI (404)' },
		]);
		expect(server.requests).toHaveLength(1);
	});
});
