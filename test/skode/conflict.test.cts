import { retryPolicy } from '../../nodes/common/sending/send';
import { runSkode, startSkode, type SkodeServer } from '../support/skode.cts';

let server: SkodeServer;
let existingId: string;
beforeAll(async () => {
	retryPolicy.firstBackoffMs = 10;
	server = await startSkode({ rateLimit: { limit: 0 } });
});
beforeEach(() => {
	server.clear();
	server.configure({ conflictIdField: 'contact_id', listEnvelope: 'data' });
	[{ id: existingId }] = server.seed(1, () => ({ name: 'Sarah Johnson', email: 'sarah@techcorp.com' }));
});
afterAll(async () => await server.stop());

const create = { operation: 'create', name: 'Sarah J.', email: 'SARAH@techcorp.com' };
const message = (id: string) =>
	`[item 0 · Sarah J. · SARAH@techcorp.com] Skode AI already has a contact with email SARAH@techcorp.com (ID ${id}) (409): A contact with this email already exists. Not created: use Create or Update to update that contact, or Update with Contact ID ${id}.`;

describe('Create refused with 409 (an email Skode has) names the existing contact and points to Create or Update', () => {
	it.each(['contact_id', 'id', 'existing_id', 'contactId'])('reads the id from the 409’s %s field, without another request', async (conflictIdField) => {
		server.configure({ conflictIdField });
		const result = await runSkode(server, create, [{}], { continueOnFail: true });
		expect(result.items).toEqual([{ error: message(existingId) }]);
		expect(server.requests.map((request) => [request.method, request.path])).toEqual([['POST', '/v1/contacts']]);
		expect(server.contacts.size).toBe(1);
	});

	it.each(['data', 'bare', 'contacts', 'items'])('a 409 without an id: finds it with GET /contacts?email= (list envelope %s)', async (listEnvelope) => {
		server.configure({ conflictIdField: null, listEnvelope });
		const result = await runSkode(server, create);
		expect(result.error?.message).toBe(message(existingId));
		expect(result.error?.httpCode).toBe('409');
		// A bare list says nothing of its length: the search ends only with an empty page.
		expect(server.requests.map((request) => [request.method, request.path, request.query])).toEqual([
			['POST', '/v1/contacts', {}],
			['GET', '/v1/contacts', { email: 'SARAH@techcorp.com', per_page: '100' }],
			...(listEnvelope === 'bare' ? [['GET', '/v1/contacts', { email: 'SARAH@techcorp.com', page: '2', per_page: '100' }]] : []),
		]);
	});

	it('a 409 whose contact cannot be found still fails the row, saying so without an id', async () => {
		server.inject((request: { method: string }) => request.method === 'POST', {
			status: 409,
			body: { error: 'conflict', message: 'A contact with this email already exists' },
		});
		const result = await runSkode(server, { ...create, email: 'ghost@example.com' });
		expect(result.error?.message).toBe(
			'[item 0 · Sarah J. · ghost@example.com] Skode AI already has a contact with email ghost@example.com (409): A contact with this email already exists. Not created: use Create or Update to update that contact.',
		);
	});

	it('an id under a nested object of the 409 is read too', async () => {
		server.inject((request: { method: string }) => request.method === 'POST', {
			status: 409,
			body: { error: { code: 'conflict', message: 'Duplicate email' }, existing: { id: existingId } },
		});
		const result = await runSkode(server, create);
		expect(result.error?.message).toContain(`(ID ${existingId}) (409)`);
		expect(server.requests).toHaveLength(1);
	});
});
