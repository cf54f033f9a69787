import { CredentialTestContext } from 'n8n-core';
import type { ICredentialTestFunctions } from 'n8n-workflow';

import { SkipcallApi } from '../../credentials/SkipcallApi.credentials';
import { Skipcall } from '../../nodes/Skipcall/Skipcall.node';
import { authenticateRequest } from '../support/n8n.cts';
import { startSkipcall, type SkipcallServer } from '../support/skipcall.cts';

let server: SkipcallServer;
beforeAll(async () => {
	server = await startSkipcall();
});
beforeEach(() => server.reset());
afterAll(async () => await server.stop());

const credential = new SkipcallApi();
const node = new Skipcall();

/** Runs the node's credential test with n8n-core's own credential-test context, as n8n's tester does. */
async function testCredential(apiKey: string, baseUrl = server.baseUrl) {
	const test = node.methods.credentialTest.skipcallApiTest;
	return await test.call(new CredentialTestContext() as unknown as ICredentialTestFunctions, {
		id: '1',
		name: 'Skipcall',
		type: 'skipcallApi',
		data: { apiKey, baseUrl },
	});
}

describe('Credential: API key sent as a bearer token, tested with a cheap authenticated GET', () => {
	it('declares apiKey as a password and baseUrl with Skipcall’s production URL, sent as a bearer token', async () => {
		expect(credential.name).toBe('skipcallApi');
		expect(credential.properties.map((property) => [property.name, property.typeOptions?.password ?? false, property.default])).toEqual([
			['apiKey', true, ''],
			['baseUrl', false, 'https://api-public.skipcall.app/v1'],
		]);
		// n8n's generic authenticate, applied as n8n applies it; a key pasted with a new line is sent trimmed.
		expect(credential.authenticate).toMatchObject({ type: 'generic' });
		expect(await authenticateRequest(credential, { apiKey: 'sk_test_abc\n', baseUrl: 'x' }, { url: '/contacts', headers: { Accept: 'application/json' } })).toEqual({
			url: '/contacts',
			headers: { Accept: 'application/json', Authorization: 'Bearer sk_test_abc' },
		});
		// n8n uses a credential's own `test` before a node's testedBy: it must not have one.
		expect((credential as { test?: unknown }).test).toBeUndefined();
		expect(node.description.credentials).toEqual([{ name: 'skipcallApi', required: true, testedBy: 'skipcallApiTest' }]);
	});

	it('succeeds with a valid key, sending GET /workspaces with the bearer key', async () => {
		expect(await testCredential('sk_test_valid')).toEqual({ status: 'OK', message: 'Connection successful' });
		expect(server.requests.map((request) => [request.method, request.path, request.headers.authorization])).toEqual([
			['GET', '/v1/workspaces', 'Bearer sk_test_valid'],
		]);
	});

	it('401 and 403 get different, helpful messages', async () => {
		expect(await testCredential('sk_test_nope')).toEqual({
			status: 'Error',
			message: 'API key invalid: Skipcall did not recognise it. Copy the API key again from Skipcall › Settings › API (it starts with sk_live_ or sk_test_).',
		});
		expect(await testCredential('sk_test_noapi')).toEqual({
			status: 'Error',
			message:
				'The key is valid but has no API access: your Skipcall plan may not include the API. Check your plan in Skipcall › Settings › Billing.',
		});
	});

	it('a wrong Base URL says so, without the key', async () => {
		const result = await testCredential('sk_test_secret_key', 'http://127.0.0.1:1/v1');
		expect(result.status).toBe('Error');
		expect(result.message).toMatch(/^Could not reach Skipcall at http:\/\/127\.0\.0\.1:1\/v1.*Check the Base URL\.$/);
		expect(result.message).not.toContain('sk_test_secret_key');
	});
});
