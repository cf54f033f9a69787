import { SkipcallApi } from '../../credentials/SkipcallApi.credentials';
import { startSkipcall, type SkipcallServer } from '../support/skipcall';

let server: SkipcallServer;
beforeAll(async () => {
	server = await startSkipcall();
});
afterAll(async () => await server.stop());

const credential = new SkipcallApi();

/** Sends the credential's test request the way n8n's credential tester does: resolved, authenticated. */
async function testRequest(apiKey: string): Promise<number> {
	const { url, method } = credential.test.request;
	const template = String(credential.authenticate.properties.headers?.Authorization);
	const response = await fetch(`${server.baseUrl}${url}`, {
		method,
		headers: { Authorization: template.replace(/^=/, '').replace('{{$credentials.apiKey}}', apiKey) },
	});
	return response.status;
}

describe('Credential: API key sent as a bearer token, tested with a cheap authenticated GET', () => {
	it('declares apiKey as a password and baseUrl with Skipcall’s production URL', () => {
		expect(credential.name).toBe('skipcallApi');
		expect(credential.properties.map((property) => [property.name, property.typeOptions?.password ?? false, property.default])).toEqual([
			['apiKey', true, ''],
			['baseUrl', false, 'https://api-public.skipcall.app/v1'],
		]);
		expect(credential.authenticate).toEqual({
			type: 'generic',
			properties: { headers: { Authorization: '=Bearer {{$credentials.apiKey}}' } },
		});
	});

	it('the test request succeeds with a valid key, and 401/403 get different, helpful messages', async () => {
		expect(await testRequest('sk_test_valid')).toBe(200);
		expect(await testRequest('sk_test_nope')).toBe(401);
		expect(await testRequest('sk_test_noapi')).toBe(403);
		const messages = Object.fromEntries(
			(credential.test.rules ?? []).map((rule) => [(rule.properties as { value: number }).value, (rule.properties as { message: string }).message]),
		);
		expect(messages[401]).toMatch(/^API key invalid/);
		expect(messages[403]).toMatch(/no API access: your Skipcall plan may not include the API/);
		expect(server.requests.at(-1).path).toBe('/v1/workspaces');
	});
});
