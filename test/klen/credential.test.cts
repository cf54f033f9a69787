import { CredentialTestContext } from 'n8n-core';
import type { ICredentialTestFunctions } from 'n8n-workflow';

import { KlenAiApi } from '../../credentials/KlenAiApi.credentials';
import { KlenAi } from '../../nodes/KlenAi/KlenAi.node';
import { startKlen, type KlenServer } from '../support/klen.cts';

let server: KlenServer;
beforeAll(async () => {
	server = await startKlen();
});
beforeEach(() => server.reset());
afterAll(async () => await server.stop());

const node = new KlenAi();

async function testCredential(apiKey: string) {
	return await node.methods.credentialTest.klenAiApiTest.call(new CredentialTestContext() as unknown as ICredentialTestFunctions, {
		id: '1',
		name: 'Klen AI',
		type: 'klenAiApi',
		data: { apiKey, baseUrl: server.baseUrl },
	});
}

describe('Credential: a Klen key is tested with GET /contacts?limit=1; a missing permission is named', () => {
	it('declares apiKey (password) and baseUrl with Klen’s production URL, tested by the node', () => {
		const credential = new KlenAiApi();
		expect(credential.properties.map((property) => [property.name, property.typeOptions?.password ?? false, property.default])).toEqual([
			['apiKey', true, ''],
			['baseUrl', false, 'https://api.klen.ai/api/v1'],
		]);
		expect((credential as { test?: unknown }).test).toBeUndefined();
		expect(node.description.credentials).toEqual([{ name: 'klenAiApi', required: true, testedBy: 'klenAiApiTest' }]);
	});

	it('valid key, invalid key, key without can_read_contacts', async () => {
		expect(await testCredential('klen_valid')).toEqual({ status: 'OK', message: 'Connection successful' });
		expect(server.requests.map((request) => [request.method, request.path, request.query, request.headers.authorization])).toEqual([
			['GET', '/api/v1/contacts', { limit: '1' }, 'Bearer klen_valid'],
		]);
		expect(await testCredential('klen_wrong')).toEqual({
			status: 'Error',
			message: 'API key invalid: Klen AI did not recognise it. Copy the API key again from Klen AI: it must be an active key starting with klen_.',
		});
		expect(await testCredential('klen_nopermission')).toEqual({
			status: 'Error',
			message: 'The key works but lacks the can_read_contacts permission: give the key that permission in Klen AI.',
		});
	});
});
