import { retryPolicy } from '../../nodes/common/sending/send';
import { SKODE_KEY, runSkode, startSkode, type SkodeServer } from '../support/skode.cts';
import { anyWrite, dryRunWrites, errorItems, expectSameOutcomes, sorted, writesReceived } from './compare.cts';

let server: SkodeServer;
let ids: string[];
beforeAll(async () => {
	retryPolicy.firstBackoffMs = 10;
	server = await startSkode({ rateLimit: { limit: 0 } });
});
beforeEach(() => {
	server.clear();
	ids = server
		.seed(4, (index) => ({ name: `Seed ${index}`, email: `seed${index}@example.com`, phone: `+1415555010${index}`, tags: [`t${index}`] }))
		.map((contact) => contact.id);
});
afterAll(async () => await server.stop());

const dry = (parameters: Record<string, unknown>) => ({ ...parameters, options: { ...(parameters.options as object), dryRun: true } });

const create = {
	operation: 'create',
	name: '={{ $json.name }}',
	email: '={{ $json.email }}',
	phone: '={{ $json.phone }}',
	additionalFields: { company: '={{ $json.company }}', tags: '={{ $json.tags }}', address: { value: { city: '={{ $json.city }}', country: 'US' } } },
	options: { defaultCountry: 'US' },
};
/** Create or Update, searching for each row or reading the account once (test/upsertIndex). */
const upsertWith = (lookupStrategy: string) => ({ ...create, operation: 'upsert', options: { ...create.options, lookupStrategy } });

/**
 * Create or Update sends Skode the create first where the row has an email: Skode's 409 names
 * the contact, which is then updated. A dry run sends no create to be refused; it searches
 * instead. Those refused creates carry the same body as the update that follows them.
 */
const refusedCreate = (request: { method: string; rawBody: string }) =>
	request.method === 'POST' && server.requests.some((other: { method: string; rawBody: string }) => other.method === 'PATCH' && other.rawBody === request.rawBody);

describe('Skode AI in a dry run: each row outputs, byte for byte, what a real run sends, and nothing is sent', () => {
	it('Create: the same bodies and the same error items; the key shows nowhere', async () => {
		const rows = [
			{ name: 'Ann', email: 'ann@example.com', phone: '(415) 555-0200', company: 'Acme', tags: 'x; y', city: 'Boston' },
			{ name: 'Two Numbers', email: 'two@example.com', phone: '4155550201, 4155550202', company: '', tags: '', city: '' },
			{ name: 'Ben', email: '', phone: '+1 415 555 0203', company: '', tags: '', city: '' },
		];
		const dryRun = await runSkode(server, dry(create), rows, { continueOnFail: true });
		expect(anyWrite(server)).toEqual([]);
		expect(dryRun.items?.[0]).toEqual({
			dryRun: true,
			method: 'POST',
			path: '/contacts',
			body: { name: 'Ann', email: 'ann@example.com', phone: '+14155550200', company: 'Acme', address: { city: 'Boston', country: 'US' }, tags: ['x', 'y'] },
		});
		const real = await runSkode(server, create, rows, { continueOnFail: true });
		expect(sorted(dryRunWrites(dryRun))).toEqual(sorted(writesReceived(server)));
		expect(dryRunWrites(dryRun)).toHaveLength(2);
		expect(errorItems(dryRun)).toEqual(errorItems(real));
		expect(errorItems(dryRun)).toHaveLength(1);
		expect(JSON.stringify(dryRun.run)).not.toContain(SKODE_KEY);
	});

	it('Update: the same PATCH paths and bodies', async () => {
		const update = { operation: 'update', contactId: '={{ $json.id }}', updateFields: { title: '={{ $json.title }}', tags: '={{ $json.tags }}' } };
		const rows = [
			{ id: ids[0], title: 'CEO', tags: 'vip' },
			{ id: ids[1], title: '', tags: '' },
			{ id: ` ${ids[2]} `, title: 'CTO', tags: '' },
		];
		const dryRun = await runSkode(server, dry(update), rows, { continueOnFail: true });
		expect(anyWrite(server)).toEqual([]);
		expect(dryRun.items?.[0]).toEqual({ dryRun: true, method: 'PATCH', path: `/contacts/${ids[0]}`, body: { title: 'CEO', tags: ['vip'] } });
		const real = await runSkode(server, update, rows, { continueOnFail: true });
		expect(sorted(dryRunWrites(dryRun))).toEqual(sorted(writesReceived(server)));
		expect(errorItems(dryRun)).toEqual(errorItems(real));
		expect(errorItems(dryRun)).toHaveLength(1);
	});

	it('Delete: the dry-run item, not { deleted: true }; an id that needs escaping is shown as it would be sent', async () => {
		const rows = [{ id: ids[0] }, { id: '' }, { id: ids[1] }];
		const dryRun = await runSkode(server, dry({ operation: 'delete', contactId: '={{ $json.id }}' }), rows, { continueOnFail: true });
		expect(anyWrite(server)).toEqual([]);
		expect(server.contacts.size).toBe(4);
		expect(dryRun.items?.[0]).toEqual({ dryRun: true, method: 'DELETE', path: `/contacts/${ids[0]}` });
		const real = await runSkode(server, { operation: 'delete', contactId: '={{ $json.id }}' }, rows, { continueOnFail: true });
		expect(sorted(dryRunWrites(dryRun))).toEqual(sorted(writesReceived(server)));
		expect(errorItems(dryRun)).toEqual(errorItems(real));
		expect(real.items?.[0]).toEqual({ deleted: true, id: ids[0] });
		const escaped = await runSkode(server, dry({ operation: 'delete', contactId: 'contact/../x' }));
		expect(escaped.items).toEqual([{ dryRun: true, method: 'DELETE', path: '/contacts/contact%2F..%2Fx' }]);
	});

	it('Merge: the same body; a primary among the duplicates is the same error', async () => {
		const merge = { operation: 'merge', primaryId: '={{ $json.keep }}', duplicateIds: '={{ $json.drop }}' };
		const rows = [
			{ keep: ids[0], drop: `${ids[1]}, ${ids[2]}` },
			{ keep: ids[3], drop: ids[3] },
		];
		const dryRun = await runSkode(server, dry(merge), rows, { continueOnFail: true });
		expect(anyWrite(server)).toEqual([]);
		expect(server.merged.size).toBe(0);
		expect(dryRun.items?.[0]).toEqual({ dryRun: true, method: 'POST', path: '/contacts/merge', body: { primary_id: ids[0], duplicate_ids: [ids[1], ids[2]] } });
		const real = await runSkode(server, merge, rows, { continueOnFail: true });
		expect(sorted(dryRunWrites(dryRun))).toEqual(sorted(writesReceived(server)));
		expect(errorItems(dryRun)).toEqual(errorItems(real));
		expect(errorItems(dryRun)).toHaveLength(1);
	});
});

describe.each(['search', 'auto'])('Skode AI Create or Update in a dry run: searches instead of sending the create, and says what it would do (Lookup Strategy %s)', (strategy) => {
	const upsert = upsertWith(strategy);
	it('would create, would update (by email whatever its case, by phone without one), the same person twice, a bad row', async () => {
		const rows = [
			{ name: 'New', email: 'new@example.com', phone: '', company: 'N', tags: '', city: '' },
			{ name: 'Seed Zero', email: 'SEED0@example.com', phone: '', company: 'Renamed', tags: '', city: '' },
			{ name: 'By Phone', email: '', phone: '(415) 555-0101', company: '', tags: '', city: '' },
			{ name: 'Twice', email: 'twice@example.com', phone: '4155550300', company: '', tags: '', city: '' },
			{ name: 'Twice Again', email: 'Twice@Example.com', phone: '', company: 'Again', tags: '', city: '' },
			{ name: 'Bad', email: 'bad@example', phone: '', company: '', tags: '', city: '' },
			{ name: 'Twice By Phone', email: '', phone: '415 555 0300', company: '', tags: '', city: '' },
			// Skode keeps one contact per email, not per phone: a new email is a new contact.
			{ name: 'Other', email: 'other@example.com', phone: '(415) 555-0100', company: '', tags: '', city: '' },
		];
		const dryRun = await runSkode(server, dry(upsert), rows, { continueOnFail: true });
		expect(anyWrite(server)).toEqual([]);
		expect(dryRun.items?.map((item) => (item.error === undefined ? [item.upsertResult, item.id ?? null] : 'error'))).toEqual([
			['would create', null],
			['would update', ids[0]],
			['would update', ids[1]],
			['would create', null],
			['would update', 'new-contact-of-item-3'],
			'error',
			['would update', 'new-contact-of-item-3'],
			['would create', null],
		]);
		expect(dryRun.items?.[1]).toMatchObject({ method: 'PATCH', path: `/contacts/${ids[0]}` });
		const real = await runSkode(server, upsert, rows, { continueOnFail: true });
		expect(sorted(expectSameOutcomes(dryRun, real))).toEqual(sorted(writesReceived(server, server.baseUrl, refusedCreate)));
	});

	it('a 429 on a search is waited out as in a real run: the reads go through the paced sender', async () => {
		server.inject((request: { method: string }) => request.method === 'GET', { status: 429, headers: { 'Retry-After': '1' }, body: { error: 'rate_limited' } });
		const dryRun = await runSkode(server, dry(upsert), [{ name: 'Seed One', email: 'seed1@example.com', phone: '', company: '', tags: '', city: '' }]);
		expect(dryRun.items).toEqual([expect.objectContaining({ dryRun: true, method: 'PATCH', upsertResult: 'would update', id: ids[1] })]);
		expect(server.requests.map((request: { method: string }) => request.method)).toEqual(['GET', 'GET']);
	});
});
