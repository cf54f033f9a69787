import { retryPolicy } from '../../nodes/common/sending/send';
import { requestLines, runTether, startTether, type TetherServer } from '../support/tether.cts';

let server: TetherServer;
beforeAll(async () => {
	retryPolicy.firstBackoffMs = 10;
	server = await startTether({ tokenUses: Infinity });
	for (let index = 0; index < 230; index++) {
		server.seedContact({
			firstName: index % 10 === 0 ? `Vip${index}` : `Person${index}`,
			phoneNumber: [`+1212555${String(1000 + index)}`],
			...(index % 3 === 0 ? { status: 'Contacted' } : {}),
		});
	}
	// seedContact puts every contact in the first stage: move every third to Contacted.
	[...server.contacts.values()].forEach((contact, index) => {
		if (index % 3 === 0) Object.assign(contact, { status: 'Contacted' });
	});
});
beforeEach(() => server.reset());
afterAll(async () => await server.stop());

const ids = (items: Array<Record<string, unknown>> | undefined) => items?.map((item) => item._id);
const all = () => [...server.contacts.values()];

describe('Get Many: GET /api/contacts, page from 1, size up to 100; Return All follows the pages', () => {
	it('Limit 30: one page of 30', async () => {
		const result = await runTether(server, { operation: 'getAll', limit: 30 });
		expect(requestLines(server)).toEqual(['GET /api/contacts?page=1&size=30']);
		expect(ids(result.items)).toEqual(ids(all().slice(0, 30)));
	});

	it('Limit 150: two pages of 100 (Tether reads page 2 of size 50 as contacts 51 to 100), the second cut to 50', async () => {
		const result = await runTether(server, { operation: 'getAll', limit: 150 });
		expect(requestLines(server)).toEqual(['GET /api/contacts?page=1&size=100', 'GET /api/contacts?page=2&size=100']);
		expect(ids(result.items)).toEqual(ids(all().slice(0, 150)));
	});

	it('Return All: pages of 100 until totalPages, every contact once, as they came', async () => {
		const result = await runTether(server, { operation: 'getAll', returnAll: true });
		expect(requestLines(server)).toEqual(['GET /api/contacts?page=1&size=100', 'GET /api/contacts?page=2&size=100', 'GET /api/contacts?page=3&size=100']);
		expect(ids(result.items)).toEqual(ids(all()));
		expect(result.items?.[0]).toEqual(JSON.parse(JSON.stringify(all()[0])));
	});

	it('Return All without totals in the answer: reads until an empty page (a short page may be the server’s own size)', async () => {
		server.configure({ listTotals: false });
		try {
			const result = await runTether(server, { operation: 'getAll', returnAll: true });
			expect(requestLines(server)).toHaveLength(4);
			expect(result.items).toHaveLength(230);
		} finally {
			server.configure({ listTotals: true });
		}
	});

	it('filters: search and status, trimmed; blank filters are not sent', async () => {
		const result = await runTether(server, { operation: 'getAll', returnAll: true, filters: { search: ' vip ', status: 'Contacted' } });
		expect(requestLines(server)).toEqual(['GET /api/contacts?search=vip&status=Contacted&page=1&size=100']);
		const expected = all().filter((contact) => /vip/i.test(contact.firstName) && contact.status === 'Contacted');
		expect(expected.length).toBeGreaterThan(0);
		expect(ids(result.items)).toEqual(ids(expected));
		server.reset();
		await runTether(server, { operation: 'getAll', limit: 5, filters: { search: '  ', status: '' } });
		expect(requestLines(server)).toEqual(['GET /api/contacts?page=1&size=5']);
	});

	it('nothing found: no items, no error', async () => {
		const result = await runTether(server, { operation: 'getAll', returnAll: true, filters: { search: 'nobody at all' } });
		expect(result.items).toEqual([]);
	});
});
