import { LoadOptionsContext } from 'n8n-core';

import { getCustomFields } from '../../nodes/Skipcall/methods/loadOptions';
import { VALID_KEY, skipcallWorkflow, startSkipcall, type SkipcallServer } from '../support/skipcall';

let server: SkipcallServer;
beforeAll(async () => {
	server = await startSkipcall();
});
beforeEach(() => server.reset());
afterAll(async () => await server.stop());

describe('Custom Fields list: name as label, slug as value, from GET /custom-fields', () => {
	it('loads every page of the key’s custom fields', async () => {
		const { workflow, node, additionalData } = skipcallWorkflow(server, { operation: 'create' });
		const context = new LoadOptionsContext(workflow, node, additionalData, 'parameters.additionalFields.customFields');
		const options = await getCustomFields.call(context);
		expect(options).toEqual([
			{ name: 'Industry (industry)', value: 'industry' },
			{ name: 'Lead Source (source)', value: 'source' },
			{ name: 'Size (team_size)', value: 'team_size' },
		]);
		expect(server.requests.map((request: { method: string; path: string; query: object; headers: { authorization: string } }) => [
			request.method,
			request.path,
			request.query,
			request.headers.authorization,
		])).toEqual([['GET', '/v1/custom-fields', { page: '0', size: '100' }, `Bearer ${VALID_KEY}`]]);
	});

	it('sends values keyed by the slug the user picked', async () => {
		const { runSkipcall } = await import('../support/skipcall');
		await runSkipcall(server, {
			operation: 'create',
			firstName: 'A',
			lastName: 'B',
			phoneNumbers: '+33612345678',
			additionalFields: { customFields: { field: [{ key: 'source', value: ' Website ' }, { key: '', value: 'ignored' }] } },
		});
		expect(server.requests[0].body.customFields).toEqual({ source: 'Website' });
	});
});
