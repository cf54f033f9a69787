import { CredentialTestContext } from 'n8n-core';
import type { ICredentialTestFunctions } from 'n8n-workflow';

import { SkodeApi } from '../../credentials/SkodeApi.credentials';
import { Skode } from '../../nodes/Skode/Skode.node';
import { SKODE_KEY, SKODE_READONLY_KEY, startSkode, type SkodeServer } from '../support/skode.cts';

let server: SkodeServer;
beforeAll(async () => {
	server = await startSkode();
});
beforeEach(() => server.reset());
afterAll(async () => await server.stop());

const node = new Skode();

async function testCredential(apiKey: string, baseUrl = server.baseUrl) {
	return await node.methods.credentialTest.skodeApiTest.call(new CredentialTestContext() as unknown as ICredentialTestFunctions, {
		id: '1',
		name: 'Skode AI',
		type: 'skodeApi',
		data: { apiKey, baseUrl },
	});
}

describe('Credential: a Skode key is tested with GET /contacts?per_page=1; a bad key and a key without the right are told apart', () => {
	it('declares apiKey (password) and baseUrl with Skode’s production URL, tested by the node', () => {
		const credential = new SkodeApi();
		expect(credential.name).toBe('skodeApi');
		expect(credential.properties.map((property) => [property.name, property.typeOptions?.password ?? false, property.default])).toEqual([
			['apiKey', true, ''],
			['baseUrl', false, 'https://api.skodeai.com/v1'],
		]);
		expect((credential as { test?: unknown }).test).toBeUndefined();
		expect(node.description.credentials).toEqual([{ name: 'skodeApi', required: true, testedBy: 'skodeApiTest' }]);
	});

	it('a valid key (read-only keys too: the test only reads)', async () => {
		expect(await testCredential(SKODE_KEY)).toEqual({ status: 'OK', message: 'Connection successful' });
		expect(await testCredential(SKODE_READONLY_KEY)).toEqual({ status: 'OK', message: 'Connection successful' });
		expect(server.requests.map((request) => [request.method, request.path, request.query, request.headers.authorization])).toEqual([
			['GET', '/v1/contacts', { per_page: '1' }, `Bearer ${SKODE_KEY}`],
			['GET', '/v1/contacts', { per_page: '1' }, `Bearer ${SKODE_READONLY_KEY}`],
		]);
	});

	it('401: the key is invalid, and where to copy it from', async () => {
		expect(await testCredential('sk_live_not_a_key')).toEqual({
			status: 'Error',
			message: 'API key invalid: Skode AI did not recognise it. Copy the API key again from Skode AI › Settings › API & Webhooks (it starts with sk_live_).',
		});
	});

	it('403: the key works but may not read contacts', async () => {
		server.inject(() => true, { status: 403, body: { error: 'forbidden', message: 'Insufficient permissions' } });
		expect(await testCredential(SKODE_KEY)).toEqual({
			status: 'Error',
			message: 'The key is valid but may not read contacts (403): check its permissions in Skode AI › Settings › API & Webhooks, or create a key that may.',
		});
	});

	it('an address where nothing answers: says to check the Base URL, never shows the key', async () => {
		const result = await testCredential('sk_live_secret_value_1234', 'http://127.0.0.1:1/v1');
		expect(result.status).toBe('Error');
		expect(result.message).toMatch(/^Could not reach Skode AI at http:\/\/127\.0\.0\.1:1\/v1.*Check the Base URL\.$/);
		expect(result.message).not.toContain('sk_live_secret_value_1234');
	});
});
