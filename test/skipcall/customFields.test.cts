import { LoadOptionsContext } from 'n8n-core';

import { getCustomFields } from '../../nodes/Skipcall/methods/loadOptions';
import { VALID_KEY, skipcallWorkflow, startSkipcall, type SkipcallServer } from '../support/skipcall.cts';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { SKIPCALL_CUSTOM_FIELDS } = require('../servers/skipcall');

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
			{ name: 'Industry', value: 'industry' },
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

	it('follows total when the server caps pages below the size asked for', async () => {
		server.customFields.list = Array.from({ length: 45 }, (_, index) => ({ id: `cf${index}`, slug: `field_${String(index).padStart(2, '0')}`, name: `Field ${String(index).padStart(2, '0')}` }));
		server.customFields.pageCap = 20;
		try {
			const { workflow, node, additionalData } = skipcallWorkflow(server, { operation: 'create' });
			const context = new LoadOptionsContext(workflow, node, additionalData, 'parameters.additionalFields.customFields');
			const options = await getCustomFields.call(context);
			expect(options).toHaveLength(45);
			expect(options[0]).toEqual({ name: 'Field 00', value: 'field_00' });
			expect(options[44]).toEqual({ name: 'Field 44', value: 'field_44' });
			expect(server.requests.map((request: { query: object }) => request.query)).toEqual([
				{ page: '0', size: '100' },
				{ page: '1', size: '100' },
				{ page: '2', size: '100' },
			]);
		} finally {
			server.customFields.list = SKIPCALL_CUSTOM_FIELDS;
			server.customFields.pageCap = 100;
		}
	});

	it('shows the slug only when it says more than the name', async () => {
		server.customFields.list = [
			{ slug: 'industry', name: 'Industry' },
			{ slug: 'lead_source', name: 'Lead Source' },
			{ slug: 'src', name: 'Lead Source' },
			{ slug: 'size', name: 'Headcount' },
		];
		try {
			const { workflow, node, additionalData } = skipcallWorkflow(server, { operation: 'create' });
			const context = new LoadOptionsContext(workflow, node, additionalData, 'parameters.additionalFields.customFields');
			expect(await getCustomFields.call(context)).toEqual([
				{ name: 'Headcount (size)', value: 'size' },
				{ name: 'Industry', value: 'industry' },
				{ name: 'Lead Source (lead_source)', value: 'lead_source' },
				{ name: 'Lead Source (src)', value: 'src' },
			]);
		} finally {
			server.customFields.list = SKIPCALL_CUSTOM_FIELDS;
		}
	});

	it('sends values keyed by the slug the user picked', async () => {
		const { runSkipcall } = await import('../support/skipcall.cts');
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
