import { retryPolicy } from '../../nodes/common/sending/send';
import { runKlen, startKlen, type KlenServer } from '../support/klen.cts';
import { anyWrite, dryRunWrites, errorItems, expectSameOutcomes, sorted, writesReceived } from './compare.cts';

let server: KlenServer;
beforeAll(async () => {
	retryPolicy.firstBackoffMs = 10;
	server = await startKlen({ rateLimit: { limit: 0 } });
});
beforeEach(() => {
	server.reset();
	server.contacts.clear();
});
afterAll(async () => await server.stop());

const dry = (parameters: Record<string, unknown>) => ({ ...parameters, options: { ...(parameters.options as object), dryRun: true } });

const create = {
	operation: 'create',
	firstName: '={{ $json.first }}',
	additionalFields: {
		lastName: '={{ $json.last }}',
		email: '={{ $json.email }}',
		tags: '={{ $json.tags }}',
		phoneNumbers: { number: [{ phoneNumber: '={{ $json.phone }}' }] },
	},
	options: { defaultCountry: 'US' },
};
/** Create or Update, searching for each row or reading the account once (test/upsertIndex). */
const upsertWith = (lookupStrategy: string) => ({ ...create, operation: 'upsert', options: { ...create.options, lookupStrategy } });

const seed = async (rows: Array<Record<string, unknown>>) => {
	const created = await runKlen(server, create, rows);
	server.reset();
	return (created.items ?? []).map((item) => item.id as number);
};

describe('Klen AI in a dry run: each row outputs, byte for byte, what a real run sends, and nothing is sent', () => {
	it('Create: the same bodies and the same error items', async () => {
		const rows = [
			{ first: 'Ann', last: 'Lee', email: 'ann@example.com', tags: 'a, b', phone: '(415) 555-0100' },
			{ first: ' ', email: 'nobody@example.com', phone: '' },
			{ first: 'Ben', email: '', phone: '+44 20 7946 0958, 415 555 0101' },
		];
		const dryRun = await runKlen(server, dry(create), rows, { continueOnFail: true });
		expect(anyWrite(server)).toEqual([]);
		expect(dryRun.items?.[0]).toEqual({
			dryRun: true,
			method: 'POST',
			path: '/contacts/create',
			body: {
				first_name: 'Ann',
				last_name: 'Lee',
				email: 'ann@example.com',
				tags: ['a', 'b'],
				phone_numbers: [{ phone_number: '+14155550100', phone_type: 'mobile', primary: true, do_not_call: false }],
			},
		});
		const real = await runKlen(server, create, rows, { continueOnFail: true });
		expect(sorted(dryRunWrites(dryRun))).toEqual(sorted(writesReceived(server)));
		expect(dryRunWrites(dryRun)).toHaveLength(2);
		expect(errorItems(dryRun)).toEqual(errorItems(real));
		expect(errorItems(dryRun)).toHaveLength(1);
	});

	it('Update: the same PATCH paths and bodies', async () => {
		const [first, second] = await seed([
			{ first: 'Ann', email: 'ann@example.com', phone: '4155550100' },
			{ first: 'Ben', email: 'ben@example.com', phone: '4155550101' },
		]);
		const update = {
			operation: 'update',
			contactId: '={{ $json.id }}',
			updateFields: { company: '={{ $json.company }}', email: '={{ $json.email }}' },
		};
		const rows = [
			{ id: first, company: 'Acme', email: 'ann@acme.example' },
			{ id: 'x1', company: 'Nope', email: '' },
			{ id: second, company: 'Globex', email: 'not an email' },
			{ id: ` ${second} `, company: 'Globex', email: '' },
		];
		const dryRun = await runKlen(server, dry(update), rows, { continueOnFail: true });
		expect(anyWrite(server)).toEqual([]);
		expect(dryRun.items?.[0]).toEqual({ dryRun: true, method: 'PATCH', path: `/contacts/${first}/update`, body: { company: 'Acme', email: 'ann@acme.example' } });
		const real = await runKlen(server, update, rows, { continueOnFail: true });
		expect(sorted(dryRunWrites(dryRun))).toEqual(sorted(writesReceived(server)));
		expect(errorItems(dryRun)).toEqual(errorItems(real));
		expect(errorItems(dryRun)).toHaveLength(2);
	});
});

describe.each(['search', 'auto'])('Klen AI Create or Update in a dry run: searches, then says what it would do, as the real run then does (Lookup Strategy %s)', (strategy) => {
	const upsert = upsertWith(strategy);
	it('would create, would update (by email, by phone), the same person twice, several matches, a bad row', async () => {
		const [byEmail, byPhone] = await seed([
			{ first: 'Existing', email: 'Existing@Example.com', phone: '4155550110' },
			{ first: 'PhoneOnly', email: 'phone@example.com', phone: '4155550111' },
			{ first: 'Dup', email: 'dup@example.com', phone: '4155550112' },
			{ first: 'Dup', email: 'dup@example.com', phone: '4155550113' },
		]);
		const rows = [
			{ first: 'New', email: 'new@example.com', phone: '4155550120' },
			{ first: 'Existing B.', email: 'existing@example.com', phone: '' },
			{ first: 'By Phone', email: '', phone: '415.555.0111' },
			{ first: 'Twice', email: 'twice@example.com', phone: '4155550130' },
			{ first: 'Twice Again', email: 'TWICE@example.com', phone: '' },
			{ first: 'Dup', email: 'dup@example.com', phone: '' },
			{ first: 'Bad', email: 'bad@example.com', phone: '12' },
			{ first: 'Same Phone', email: '', phone: '(415) 555-0130' },
		];
		const dryRun = await runKlen(server, dry(upsert), rows, { continueOnFail: true });
		expect(anyWrite(server)).toEqual([]);
		expect(server.requests.length).toBeGreaterThan(0);
		expect(dryRun.items?.map((item) => item.error === undefined ? [item.upsertResult, item.id ?? null] : 'error')).toEqual([
			['would create', null],
			['would update', String(byEmail)],
			['would update', String(byPhone)],
			['would create', null],
			['would update', 'new-contact-of-item-3'],
			'error',
			'error',
			['would update', 'new-contact-of-item-3'],
		]);
		expect(dryRun.items?.[4]).toMatchObject({ method: 'PATCH', path: '/contacts/new-contact-of-item-3/update' });
		const real = await runKlen(server, upsert, rows, { continueOnFail: true });
		expect(sorted(expectSameOutcomes(dryRun, real))).toEqual(sorted(writesReceived(server)));
	});

	it('without Continue On Fail, stops at the bad row as the real run does, sending nothing', async () => {
		const rows = [
			{ first: 'Fine', email: 'fine@example.com', phone: '' },
			{ first: 'Nobody', email: '', phone: '' },
		];
		const dryRun = await runKlen(server, dry(upsert), rows);
		const real = await runKlen(server, upsert, rows);
		expect(anyWrite(server)).toEqual([]);
		expect(dryRun.error?.message).toBe(real.error?.message);
		expect(dryRun.error?.message).toMatch(/^\[item 1 · Nobody\] Create or Update finds the contact by Email/);
	});
});
