import { retryPolicy } from '../../nodes/common/sending/send';
import { TETHER_ACCESS_TOKEN, TETHER_USER, loginCredentials, runTether, startTether, type TetherServer } from '../support/tether.cts';
import { anyWrite, dryRunWrites, errorItems, expectSameOutcomes, sorted, writesReceived } from './compare.cts';

let server: TetherServer;
beforeAll(async () => {
	retryPolicy.firstBackoffMs = 10;
	server = await startTether({ tokenUses: Infinity });
});
beforeEach(() => {
	server.clearContacts();
	server.reset();
});
afterAll(async () => await server.stop());

const dry = (parameters: Record<string, unknown>) => ({ ...parameters, options: { ...(parameters.options as object), dryRun: true } });

const create = {
	operation: 'create',
	phoneNumbers: '={{ $json.phone }}',
	additionalFields: { firstName: '={{ $json.first }}', email: '={{ $json.email }}', status: '={{ $json.status }}' },
	options: { defaultCountry: 'US' },
};
/** Create or Update, searching for each row or reading the account once (test/upsertIndex). */
const upsertWith = (lookupStrategy: string) => ({ ...create, operation: 'upsert', options: { ...create.options, lookupStrategy } });
const seed = (phoneNumber: string[], firstName: string) => server.seedContact({ firstName, email: `${firstName.toLowerCase()}@example.com`, phoneNumber });

describe('Tether in a dry run: each row outputs, byte for byte, what a real run sends, and nothing is sent', () => {
	it('Create: the same bodies and error items; the path is relative to the Base URL (the instance), /api included', async () => {
		const rows = [
			{ first: 'Ann', email: 'ann@example.com', phone: '(415) 555-0100, 415 555 0101', status: 'Contacted' },
			{ first: 'Nobody', email: '', phone: '', status: '' },
			{ first: 'Ben', email: '', phone: '+1 415 555 0102', status: '' },
		];
		const dryRun = await runTether(server, dry(create), rows, { continueOnFail: true });
		expect(anyWrite(server)).toEqual([]);
		expect(dryRun.items?.[0]).toEqual({
			dryRun: true,
			method: 'POST',
			path: '/api/contact',
			body: {
				phoneNumber: [
					{ value: '+14155550100', isPrimary: true },
					{ value: '+14155550101', isPrimary: false },
				],
				firstName: 'Ann',
				email: 'ann@example.com',
				status: 'Contacted',
			},
		});
		const real = await runTether(server, create, rows, { continueOnFail: true });
		expect(sorted(dryRunWrites(dryRun))).toEqual(sorted(writesReceived(server)));
		expect(dryRunWrites(dryRun)).toHaveLength(2);
		expect(errorItems(dryRun)).toEqual(errorItems(real));
		expect(errorItems(dryRun)).toHaveLength(1);
		expect(JSON.stringify(dryRun.run)).not.toContain(TETHER_ACCESS_TOKEN);
	});

	it('Update: the same PATCH paths and bodies', async () => {
		const [a, b] = [seed(['+14155550110'], 'A'), seed(['+14155550111'], 'B')];
		server.reset();
		const update = { operation: 'update', contactId: '={{ $json.id }}', updateFields: { status: '={{ $json.status }}', phoneNumbers: '={{ $json.phone }}' }, options: { defaultCountry: 'US' } };
		const rows = [
			{ id: a._id, status: 'Qualified', phone: '' },
			{ id: b._id, status: '', phone: '12' },
			{ id: b._id, status: '', phone: '415 555 0112' },
		];
		const dryRun = await runTether(server, dry(update), rows, { continueOnFail: true });
		expect(anyWrite(server)).toEqual([]);
		expect(dryRun.items?.[0]).toEqual({ dryRun: true, method: 'PATCH', path: `/api/contacts/${a._id}`, body: { status: 'Qualified' } });
		const real = await runTether(server, update, rows, { continueOnFail: true });
		expect(sorted(dryRunWrites(dryRun))).toEqual(sorted(writesReceived(server)));
		expect(errorItems(dryRun)).toEqual(errorItems(real));
		expect(errorItems(dryRun)).toHaveLength(1);
	});
});

describe.each(['search', 'auto'])('Tether Create or Update in a dry run: searches by the first number, then says what it would do (Lookup Strategy %s)', (strategy) => {
	const upsert = upsertWith(strategy);
	it('would create, would update with what Tether can change, the same number twice, several holders; with a login, whose token shows nowhere', async () => {
		const existing = seed(['+14155550120', '+14155550121'], 'Existing');
		const first = seed(['+14155550130'], 'One');
		const second = seed(['+14155550130'], 'Two');
		const rows = [
			{ first: 'New', email: 'new@example.com', phone: '415 555 0140', status: '' },
			{ first: 'Renamed', email: '', phone: '415-555-0120', status: 'Qualified' },
			{ first: 'Twice', email: '', phone: '415 555 0150', status: '' },
			{ first: 'Twice Again', email: '', phone: '+1 415 555 0150', status: 'Won' },
			{ first: 'Held Twice', email: '', phone: '4155550130', status: '' },
			{ first: 'Bad', email: '', phone: '5', status: '' },
		];
		const credentials = loginCredentials(server);
		const dryRun = await runTether(server, dry(upsert), rows, { continueOnFail: true, credentials });
		expect(anyWrite(server)).toEqual([]);
		expect(dryRun.items?.map((item) => (item.error === undefined ? [item.upsertResult, item.id ?? null] : 'error'))).toEqual([
			['would create', null],
			['would update', existing._id],
			['would create', null],
			['would update', 'new-contact-of-item-2'],
			'error',
			'error',
		]);
		expect(dryRun.items?.[1]).toMatchObject({ method: 'PATCH', path: `/api/contacts/${existing._id}`, body: { phoneNumber: [{ value: '+14155550120', isPrimary: true }], status: 'Qualified' } });
		expect(dryRun.items?.[4].error).toContain(`(IDs ${first._id}, ${second._id})`);
		expect(credentials.sessionToken).toEqual(expect.any(String));
		const shown = JSON.stringify(dryRun.run);
		expect(shown).not.toContain(TETHER_USER.password);
		expect(shown).not.toContain(String(credentials.sessionToken));
		const real = await runTether(server, upsert, rows, { continueOnFail: true, credentials });
		expect(sorted(expectSameOutcomes(dryRun, real, '_id'))).toEqual(sorted(writesReceived(server)));
	});
});
