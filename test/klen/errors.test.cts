import { retryPolicy } from '../../nodes/common/sending/send';
import { runKlen, startKlen, type KlenServer } from '../support/klen.cts';

let server: KlenServer;
beforeAll(async () => {
	retryPolicy.firstBackoffMs = 10;
	server = await startKlen();
});
beforeEach(() => server.reset());
afterAll(async () => await server.stop());

const create = { operation: 'create', firstName: 'Jane' };

describe('Klen’s documented errors come back with Klen’s message and how to fix it', () => {
	it.each([
		['invalid_key (401)', create, { apiKey: 'klen_wrong_secret' }, '[item 0 · Jane] Klen AI API key invalid (401): The API key is invalid or inactive. Copy the API key again from Klen AI: it must be an active key starting with klen_.'],
		['permission_denied on create (403) names can_read_contacts', create, { apiKey: 'klen_nopermission' }, "[item 0 · Jane] No access (plan or permission) at Klen AI (403): The API key doesn't have the required permission: can_read_contacts. The API key lacks the can_read_contacts permission this operation needs: give the key that permission in Klen AI, or use a key that has it."],
		['permission_denied on update (403) names can_write_contacts', { operation: 'update', contactId: '1', updateFields: { stage: 'x' } }, { apiKey: 'klen_readonly' }, "[item 0 · contact 1] No access (plan or permission) at Klen AI (403): The API key doesn't have the required permission: can_write_contacts. The API key lacks the can_write_contacts permission this operation needs: give the key that permission in Klen AI, or use a key that has it."],
		['team_not_found (404)', { ...create, additionalFields: { teamId: 7 } }, {}, '[item 0 · Jane] Klen AI rejected the request (404): Team not found. No team has this Team ID: check it in Klen AI.'],
		['team_access_denied (403)', { ...create, additionalFields: { teamId: 2 } }, {}, '[item 0 · Jane] No access (plan or permission) at Klen AI (403): You do not have access to this team. The API key’s user has no access to this team: check Team ID.'],
	])('%s', async (_, parameters, extra, message) => {
		const result = await runKlen(server, parameters, [{}], { ...extra, continueOnFail: true });
		expect(result.items).toEqual([{ error: message }]);
		expect(JSON.stringify(result.run)).not.toMatch(/klen_(wrong_secret|nopermission|readonly)/);
	});

	it('validation_error (400) shows Klen’s details', async () => {
		server.inject((request: { method: string }) => request.method === 'POST', {
			status: 400,
			body: { error: 'validation_error', message: 'Validation error: email: Enter a valid email address.' },
		});
		const result = await runKlen(server, create);
		expect(result.error?.message).toBe('[item 0 · Jane] Klen AI rejected the request (400): Validation error: email: Enter a valid email address.. Correct the field Klen AI names.');
	});

	it('rate_limit_exceeded (429): waits Retry-After seconds, then sends the create again', async () => {
		server.inject((request: { method: string }) => request.method === 'POST', {
			status: 429,
			headers: { 'Retry-After': '1' },
			body: { error: 'rate_limit_exceeded', message: 'Rate limit exceeded' },
		});
		const started = Date.now();
		const result = await runKlen(server, create);
		expect(Date.now() - started).toBeGreaterThanOrEqual(950);
		expect(server.requests.map((request) => request.method)).toEqual(['POST', 'POST']);
		expect(result.items?.[0].first_name).toBe('Jane');
	});

	it('server_error (500) on a create it cannot check (no email, no phone)', async () => {
		server.inject(() => true, { status: 500, body: { error: 'server_error', message: 'An unexpected server error occurred' } });
		const result = await runKlen(server, create);
		expect(result.error?.message).toBe('[item 0 · Jane] Klen AI server error (500): An unexpected server error occurred: the contact may have been created');
	});
});

describe('A create that may have gone through is checked, not repeated blindly', () => {
	const createJane = {
		operation: 'create',
		firstName: 'Jane',
		additionalFields: { email: '={{ $json.email }}' },
	};
	const posts = () => server.requests.filter((request: { method: string }) => request.method === 'POST');

	it('connection reset after Klen created it: found by email, not created twice', async () => {
		server.contacts.clear();
		server.inject((request: { method: string }) => request.method === 'POST', 'resetAfterHandling');
		const result = await runKlen(server, createJane, [{ email: 'reset-after@example.com' }]);
		expect(server.contacts.size).toBe(1);
		expect(posts()).toHaveLength(1);
		expect(result.items).toEqual([[...server.contacts.values()][0]]);
	});

	it('connection reset before Klen acted: not found, sent once more', async () => {
		server.contacts.clear();
		server.inject((request: { method: string }) => request.method === 'POST', 'reset');
		const result = await runKlen(server, createJane, [{ email: 'reset-before@example.com' }]);
		expect(posts()).toHaveLength(2);
		expect(server.contacts.size).toBe(1);
		expect(result.items?.[0].email).toBe('reset-before@example.com');
	});
});

describe('The documented codes the node’s own checks normally prevent still get Klen’s message and a fix', () => {
	it.each([
		[400, 'missing_first_name', 'First name is required', '[item 0 · Jane] Klen AI rejected the request (400): First name is required. Give a First Name.'],
		[400, 'invalid_json', 'Invalid JSON payload', '[item 0 · Jane] Klen AI rejected the request (400): Invalid JSON payload. The request body was not valid JSON: report this as a bug of the node.'],
		[401, 'authentication_required', 'No API key was provided', '[item 0 · Jane] Klen AI API key invalid (401): No API key was provided. No API key was sent: check the Klen AI credential.'],
	])('%s %s', async (status, error, message, expected) => {
		server.inject((request: { method: string }) => request.method === 'POST', { status, body: { error, message } });
		const result = await runKlen(server, create, [{}], { continueOnFail: true });
		expect(result.items).toEqual([{ error: expected }]);
	});
});
