import { retryPolicy } from '../../nodes/common/sending/send';
import { VALID_KEY, runSkipcall, startSkipcall, type SkipcallServer } from '../support/skipcall.cts';
import { anyWrite, dryRunWrites, errorItems, sorted, writesReceived } from './compare.cts';

let server: SkipcallServer;
beforeAll(async () => {
	retryPolicy.firstBackoffMs = 10;
	server = await startSkipcall();
});
beforeEach(() => server.reset());
afterAll(async () => await server.stop());

const dry = (parameters: Record<string, unknown>) => ({ ...parameters, options: { ...(parameters.options as object), dryRun: true } });

const create = {
	operation: 'create',
	firstName: '={{ $json.first }}',
	lastName: '={{ $json.last }}',
	phoneNumbers: '={{ $json.phone }}',
	additionalFields: { email: '={{ $json.email }}', customFields: { field: [{ key: 'industry', value: '={{ $json.industry }}' }] } },
	options: { defaultCountry: 'FR' },
};
const ROWS = [
	{ first: ' Jane ', last: 'Doe', phone: '06 12 34 56 78; +33 6 98 76 54 32', email: 'jane@example.com', industry: 'Tech' },
	{ first: 'Bad', last: 'Phone', phone: '12', email: 'bad@example.com', industry: '' },
	{ first: 'Élodie', last: 'Ünïcode "quoted"', phone: '+33 7 81 23 45 67', email: '', industry: 'Retail' },
];

describe('Skipcall Create and Update in a dry run: each row outputs, byte for byte, what a real run sends, and nothing is sent', () => {
	it('Create: the same bodies, the same error item for the bad row, no write reaches Skipcall', async () => {
		const dryRun = await runSkipcall(server, dry(create), ROWS, { continueOnFail: true });
		expect(anyWrite(server)).toEqual([]);
		expect(dryRun.items?.[0]).toEqual({
			dryRun: true,
			method: 'POST',
			path: '/contacts',
			body: { firstName: 'Jane', lastName: 'Doe', phoneNumbers: ['+33612345678', '+33698765432'], email: 'jane@example.com', customFields: { industry: 'Tech' } },
		});
		server.reset();
		const real = await runSkipcall(server, create, ROWS, { continueOnFail: true });
		expect(sorted(dryRunWrites(dryRun))).toEqual(sorted(writesReceived(server)));
		expect(dryRunWrites(dryRun)).toHaveLength(2);
		expect(errorItems(dryRun)).toEqual(errorItems(real));
		expect(errorItems(dryRun)).toHaveLength(1);
		expect(JSON.stringify(dryRun.run)).not.toContain(VALID_KEY);
	});

	it('Update: PATCH to the contact’s path with only the fields given', async () => {
		const created = await runSkipcall(server, create, [ROWS[0], ROWS[2]]);
		const ids = (created.items ?? []).map((item) => String(item.id));
		server.reset();
		const update = {
			operation: 'update',
			contactId: '={{ $json.id }}',
			updateFields: { role: '={{ $json.role }}', phoneNumbers: '={{ $json.phone }}' },
			options: { defaultCountry: 'FR' },
		};
		const rows = [
			{ id: ` ${ids[0]} `, role: 'CEO', phone: '06 11 22 33 44' },
			{ id: ids[1], role: 'CTO', phone: 'not a number' },
			{ id: ids[1], role: '', phone: '' },
		];
		const dryRun = await runSkipcall(server, dry(update), rows, { continueOnFail: true });
		expect(anyWrite(server)).toEqual([]);
		expect(dryRun.items?.[0]).toEqual({ dryRun: true, method: 'PATCH', path: `/contacts/${ids[0]}`, body: { role: 'CEO', phoneNumbers: ['+33611223344'] } });
		server.reset();
		const real = await runSkipcall(server, update, rows, { continueOnFail: true });
		expect(sorted(dryRunWrites(dryRun))).toEqual(sorted(writesReceived(server)));
		expect(errorItems(dryRun)).toEqual(errorItems(real));
		// The number that is not one, and the row with nothing to update.
		expect(errorItems(dryRun)).toHaveLength(2);
	});
});

describe('Without Continue On Fail, a dry run stops at the first bad row as a real run does', () => {
	it('the same error, and nothing sent either way', async () => {
		const dryRun = await runSkipcall(server, dry(create), ROWS);
		expect(anyWrite(server)).toEqual([]);
		const real = await runSkipcall(server, create, ROWS);
		expect(anyWrite(server)).toEqual([]);
		expect(dryRun.error?.message).toBe(real.error?.message);
		expect(dryRun.error?.message).toMatch(/^\[item 1 · Bad Phone · bad@example.com\]/);
	});
});
