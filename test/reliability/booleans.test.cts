import { retryPolicy } from '../../nodes/common/sending/send';
import { runSkode, startSkode, type SkodeServer } from '../support/skode.cts';
import { type ScriptedServer, json, runAgainst, scriptedServer } from '../support/scripted.cts';

/**
 * Issue 18, item 1: a boolean option or parameter fed by an expression is read like a boolean
 * cell. Before, `={{ "true" }}` or a cell holding `yes` was taken as off: a Dry Run deleted
 * for real.
 */

let skode: SkodeServer;
let ids: string[];
beforeAll(async () => {
	retryPolicy.firstBackoffMs = 10;
	skode = await startSkode({ rateLimit: { limit: 0 } });
});
beforeEach(() => {
	skode.clear();
	ids = skode.seed(5, (index) => ({ name: `Seed ${index}`, email: `seed${index}@example.com` })).map((contact) => contact.id);
});
afterAll(async () => await skode.stop());

const deleteDry = (dryRun: unknown) => ({ operation: 'delete', contactId: '={{ $json.id }}', options: { dryRun } });
const deletes = () => skode.requests.filter((request: { method: string }) => request.method === 'DELETE');

describe('Dry Run given by an expression is read like a boolean cell', () => {
	it.each(['true', 'TRUE', 'yes', 'Yes', '1', 'on', ' y '])('a cell holding %j runs dry: nothing is deleted', async (cell) => {
		const result = await runSkode(skode, deleteDry('={{ $json.dry }}'), [{ id: ids[0], dry: cell }]);
		expect(result.error).toBeUndefined();
		expect(deletes()).toEqual([]);
		expect(skode.contacts.size).toBe(5);
		expect(result.items).toEqual([{ dryRun: true, method: 'DELETE', path: `/contacts/${ids[0]}` }]);
	});

	it('={{ "true" }} runs dry', async () => {
		const result = await runSkode(skode, deleteDry('={{ "true" }}'), [{ id: ids[1] }]);
		expect(deletes()).toEqual([]);
		expect(result.items).toEqual([{ dryRun: true, method: 'DELETE', path: `/contacts/${ids[1]}` }]);
	});

	it.each([['false'], ['NO'], ['0'], ['off'], [''], [false]])('a cell holding %j is a real run', async (cell) => {
		const result = await runSkode(skode, deleteDry('={{ $json.dry }}'), [{ id: ids[2], dry: cell }]);
		expect(result.items).toEqual([{ deleted: true, id: ids[2] }]);
		expect(deletes()).toHaveLength(1);
	});

	it('a value that reads as neither fails every row before anything is sent, naming the option and the value', async () => {
		const rows = [{ id: ids[0], dry: 'true' }, { id: ids[1], dry: 'maybe' }, { id: ids[2], dry: 'no' }];
		const result = await runSkode(skode, deleteDry('={{ $json.dry }}'), rows);
		expect(skode.requests).toEqual([]);
		expect(result.error?.message).toBe(
			`[item 1 · contact ${ids[1]}] Options › Dry Run: "maybe" is not true or false. Use true/false, yes/no, 1/0 or on/off.`,
		);
	});

	it('with Continue On Fail, that row is an error item and the others run as they say', async () => {
		const rows = [{ id: ids[0], dry: 'yes' }, { id: ids[1], dry: 'perhaps' }, { id: ids[2], dry: 'off' }];
		const result = await runSkode(skode, deleteDry('={{ $json.dry }}'), rows, { continueOnFail: true });
		expect(result.items).toEqual([
			{ dryRun: true, method: 'DELETE', path: `/contacts/${ids[0]}` },
			{ error: `[item 1 · contact ${ids[1]}] Options › Dry Run: "perhaps" is not true or false. Use true/false, yes/no, 1/0 or on/off.` },
			{ deleted: true, id: ids[2] },
		]);
		expect(deletes().map((request: { path: string }) => request.path)).toEqual([`/v1/contacts/${ids[2]}`]);
	});
});

describe('Return All given by an expression is read like a boolean cell', () => {
	let server: ScriptedServer;
	beforeAll(async () => {
		server = await scriptedServer((request, response) => {
			const page = Number(request.query.page);
			const contacts = page > 3 ? [] : Array.from({ length: 100 }, (_, index) => ({ id: (page - 1) * 100 + index + 1 }));
			json(response, 200, { pages: 3, count: 300, contacts });
		});
	});
	beforeEach(() => (server.requests.length = 0));
	afterAll(async () => await server.stop());

	it('={{ "yes" }} returns all', async () => {
		const result = await runAgainst('klen', `${server.origin}/api/v1`, { operation: 'getAll', returnAll: '={{ "yes" }}', limit: 5 });
		expect(result.items).toHaveLength(300);
	});

	it('={{ "nope" }} fails before anything is sent', async () => {
		const result = await runAgainst('klen', `${server.origin}/api/v1`, { operation: 'getAll', returnAll: '={{ "nope" }}' });
		expect(server.requests).toEqual([]);
		expect(result.error?.message).toBe('[item 0] Return All: "nope" is not true or false. Use true/false, yes/no, 1/0 or on/off.');
	});
});
