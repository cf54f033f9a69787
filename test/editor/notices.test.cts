/**
 * Klen AI's Create or Update says what it matches on before anything else, and its own check
 * names the same fields (the lookup needs Email or a Phone Number, both under Additional Fields).
 */
import { retryPolicy } from '../../nodes/common/sending/send';
import { KlenAi } from '../../nodes/KlenAi/KlenAi.node';
import { runKlen, startKlen, type KlenServer } from '../support/klen.cts';
import { operationsOf, packageNodes, shownParameters } from './packageNodes.cts';

const klen = new KlenAi();
const upsertValues = { resource: 'contact', operation: 'upsert' };

describe('Create or Update shows what it matches on at the top', () => {
	it('the first parameter below Resource and Operation is the notice', () => {
		const shown = shownParameters(klen, upsertValues).map((property) => [property.name, property.type]);
		expect(shown.slice(0, 4)).toEqual([
			['resource', 'options'],
			['operation', 'options'],
			['upsertNotice', 'notice'],
			['firstName', 'string'],
		]);
	});

	it('it names Email, then the first Phone Number, and where each node version shows them', () => {
		const noticeOf = (version: number) => shownParameters(klen, upsertValues, version).filter((property) => property.type === 'notice');
		expect(noticeOf(1).map((notice) => notice.displayName)).toEqual([
			'Finds the contact by Email, then by the first Phone Number (both under Additional Fields): one match is updated with these fields, none is created, several is an error. Each row needs an Email or a Phone Number.',
		]);
		expect(noticeOf(2).map((notice) => notice.displayName)).toEqual([
			'Finds the contact by Email (under Additional Fields), then by the first of Phone Numbers: one match is updated with these fields, none is created, several is an error. Each row needs an Email or a Phone Number.',
		]);
	});

	it('it is shown on Create or Update only', () => {
		for (const operation of ['create', 'update', 'get', 'getAll']) {
			expect(shownParameters(klen, { resource: 'contact', operation }).filter((property) => property.type === 'notice')).toEqual([]);
		}
	});

	it.each(packageNodes.map(({ source, node }) => [source, node] as const))(
		'%s: every notice comes before the fields of its operation',
		(_, node) => {
			for (const operation of operationsOf(node)) {
				const types = shownParameters(node, { resource: 'contact', operation }).map((property) => property.type);
				// After Resource and Operation: the notices, then the fields, and no notice among the fields.
				const firstField = types.findIndex((type, index) => index > 1 && type !== 'notice');
				expect(firstField).toBeGreaterThan(1);
				expect(types.slice(firstField)).not.toContain('notice');
			}
		},
	);

	it('the check above has notices to check: Create or Update of every node that has it shows one', () => {
		const withNotice = packageNodes.filter(({ node }) => operationsOf(node).includes('upsert'));
		expect(withNotice.length).toBe(3);
		for (const { node } of withNotice) {
			expect(shownParameters(node, { resource: 'contact', operation: 'upsert' }).filter((property) => property.type === 'notice')).toHaveLength(1);
		}
	});
});

describe('the node’s own check names the match fields, before anything is sent', () => {
	let server: KlenServer;
	beforeAll(async () => {
		retryPolicy.firstBackoffMs = 10;
		server = await startKlen();
	});
	afterAll(async () => await server.stop());

	it('a node run as a fresh one shows it (First Name only) fails with the fields to fill in', async () => {
		const result = await runKlen(server, { operation: 'upsert', firstName: 'Marie' });
		expect(server.requests).toEqual([]);
		expect(result.error?.message).toBe(
			'[item 0 · Marie] Create or Update finds the contact by Email, then by the first Phone Number (both under Additional Fields), and this row has neither. Add Email or Phone Numbers, or use Create.',
		);
		expect(result.error?.name).toBe('NodeOperationError');
	});

	it('a row with only a phone number goes through', async () => {
		const result = await runKlen(server, {
			operation: 'upsert',
			firstName: 'Marie',
			additionalFields: { phoneNumbers: { number: [{ phoneNumber: '06 12 34 56 78' }] } },
			options: { defaultCountry: 'FR' },
		});
		expect(result.error).toBeUndefined();
		expect(result.items?.[0]).toMatchObject({ first_name: 'Marie', upsertResult: 'created' });
	});
});
