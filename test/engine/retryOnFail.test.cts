import { retryPolicy } from '../../nodes/common/sending/send';
import { runKlen, startKlen, type KlenServer } from '../support/klen.cts';
import { runSkipcall, startSkipcall, type SkipcallServer } from '../support/skipcall.cts';

/**
 * Issue 20: Settings › Retry On Fail no longer creates contacts twice. n8n runs a failed node
 * again within the same execution; a retry sends only the rows that have no answer yet and
 * gives the earlier answers for the others, in the same order. Before, every row sent before
 * the failed one was created a second time.
 */

let skipcall: SkipcallServer;
let klen: KlenServer;
beforeAll(async () => {
	retryPolicy.firstBackoffMs = 10;
	[skipcall, klen] = await Promise.all([startSkipcall({ rateLimit: { limit: 0 } }), startKlen({ rateLimit: { limit: 0 } })]);
});
beforeEach(() => {
	skipcall.reset();
	skipcall.contacts.clear();
});
afterAll(async () => await Promise.all([skipcall.stop(), klen.stop()]));

const RETRY = { retryOnFail: true, maxTries: 2, waitBetweenTries: 0 };
const ROWS = Array.from({ length: 5 }, (_, index) => ({ first: `Row${index}`, phone: `+3361234567${index}` }));
const create = { operation: 'create', firstName: '={{ $json.first }}', lastName: 'Retry', phoneNumbers: '={{ $json.phone }}' };
const posts = () => skipcall.requests.filter((request: { method: string }) => request.method === 'POST');
/** The third create (row 2) is refused once, as a provider may refuse a request it would accept a moment later. */
const refuseThirdOnce = () => {
	let seen = 0;
	skipcall.inject((request: { method: string }) => request.method === 'POST' && ++seen === 3, {
		status: 400,
		body: { statusCode: 400, message: ['temporarily refused'], error: 'Bad Request' },
	});
};

describe('Retry On Fail on, Continue On Fail off: n8n retries the node, and each contact is created once', () => {
	it('five rows, row 2 refused once: five contacts, each created once; the items in row order', async () => {
		refuseThirdOnce();
		const result = await runSkipcall(skipcall, create, ROWS, { settings: RETRY });
		expect(result.error).toBeUndefined();
		expect(skipcall.contacts.size).toBe(5);
		expect(posts().map((request: { body: { firstName: string } }) => request.body.firstName).sort()).toEqual(['Row0', 'Row1', 'Row2', 'Row2', 'Row3', 'Row4']);
		expect(result.items?.map((item) => item.firstName)).toEqual(ROWS.map((row) => row.first));
		expect(result.raw?.map((item) => item.pairedItem)).toEqual(ROWS.map((_, index) => ({ item: index })));
	});

	it('without Retry On Fail the same run fails at row 2, and a later execution starts afresh', async () => {
		refuseThirdOnce();
		const failed = await runSkipcall(skipcall, create, ROWS);
		expect(failed.error?.message).toMatch(/^\[item 2 · Row2 Retry\] Skipcall rejected the request \(400\): temporarily refused/);
		const again = await runSkipcall(skipcall, create, ROWS.slice(0, 1));
		expect(again.items).toHaveLength(1);
	});
});

describe('With Continue On Fail too, a retry (n8n retries when the first item is an error) resends only the failed rows', () => {
	it('row 0 refused once: the retry sends row 0 only', async () => {
		let seen = 0;
		skipcall.inject((request: { method: string }) => request.method === 'POST' && ++seen === 1, {
			status: 400,
			body: { statusCode: 400, message: ['temporarily refused'], error: 'Bad Request' },
		});
		const result = await runSkipcall(skipcall, create, ROWS, { settings: RETRY, continueOnFail: true });
		expect(result.items?.map((item) => item.firstName ?? item.error)).toEqual(ROWS.map((row) => row.first));
		expect(posts()).toHaveLength(6);
		expect(skipcall.contacts.size).toBe(5);
	});
});

describe('A row that may have been created all the same is not sent again by the retry', () => {
	it('row 2’s connection breaks after Skipcall created it: the retry does not send it again, and fails with the same error', async () => {
		let seen = 0;
		skipcall.inject((request: { method: string }) => request.method === 'POST' && ++seen === 3, 'resetAfterHandling');
		const result = await runSkipcall(skipcall, create, ROWS, { settings: RETRY });
		expect(result.error?.message).toBe('[item 2 · Row2 Retry] Connection to Skipcall failed (connection reset): the contact may have been created');
		const sentRow2 = posts().filter((request: { body: { firstName: string } }) => request.body.firstName === 'Row2');
		expect(sentRow2).toHaveLength(1);
		// Rows 0–4 each once: row 2 created by the server before the connection broke.
		expect(skipcall.contacts.size).toBe(5);
		expect(posts()).toHaveLength(5);
	});
});
