import type { IDataObject } from 'n8n-workflow';

import { getManyLimits } from '../../nodes/common/operations/getMany';
import { retryPolicy } from '../../nodes/common/sending/send';
import { type ScriptedServer, json, runAgainst, scriptedServer } from '../support/scripted.cts';

/**
 * Issue 9, case 9: Get Many with Return All ends, whatever the server does with the page it
 * is asked for. Before, a server that ignored `page` and gave no page count was read forever.
 */

let server: ScriptedServer;
const original = { ...getManyLimits };
beforeAll(async () => {
	retryPolicy.firstBackoffMs = 10;
	server = await scriptedServer((_, response) => json(response, 200, {}));
});
beforeEach(() => {
	server.requests.length = 0;
});
afterAll(async () => {
	Object.assign(getManyLimits, original);
	await server.stop();
});

const base = () => `${server.origin}/api/v1`;
const fullPage = (from: number) => Array.from({ length: 100 }, (_, index) => ({ id: from + index, first_name: `C${from + index}` }));
const returnAll = { operation: 'getAll', returnAll: true };

describe('Get Many with Return All ends, whatever the server does with the page asked for', () => {
	it('a server that ignores the page and gives no page count: the row fails at the repeated page', async () => {
		server.script((_, response) => json(response, 200, { contacts: fullPage(1) }));
		const result = await runAgainst('klen', base(), returnAll, [{}], { continueOnFail: true });
		expect(server.requests.map((request) => request.query.page)).toEqual(['1', '2']);
		expect(result.items).toEqual([
			{ error: '[item 0] Klen AI answered page 2 with contacts it had already given: the server repeats its pages, so the node cannot list every contact. Use a Limit, or filters that narrow the list.' },
		]);
	});

	it('a server whose pages never end: the row fails after getManyLimits.maxPages pages', async () => {
		getManyLimits.maxPages = 4;
		server.script((request, response) => json(response, 200, { contacts: fullPage(Number(request.query.page) * 100) }));
		const result = await runAgainst('klen', base(), returnAll, [{}], { continueOnFail: true });
		expect(server.requests).toHaveLength(4);
		expect(result.items).toEqual([{ error: '[item 0] Klen AI still had contacts after 4 pages, more than one Get Many reads' }]);
		getManyLimits.maxPages = original.maxPages;
	});

	it('a server that pages properly: every contact, in order', async () => {
		server.script((request, response) => {
			const page = Number(request.query.page);
			json(response, 200, { pages: 3, contacts: page === 3 ? fullPage(201).slice(0, 7) : fullPage((page - 1) * 100 + 1) });
		});
		const result = await runAgainst('klen', base(), returnAll);
		expect(result.items).toHaveLength(207);
		expect(result.items?.map((item: IDataObject) => item.id)).toEqual(Array.from({ length: 207 }, (_, index) => index + 1));
	});
});
