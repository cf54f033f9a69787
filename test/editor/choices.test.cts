/**
 * What the editor offers: Status and Stage the same way in every operation, Default Country
 * only where phone numbers are read, and the phone fields saying when it is needed.
 */
import type { INodeProperties } from 'n8n-workflow';

import { KlenAi } from '../../nodes/KlenAi/KlenAi.node';
import { Skipcall } from '../../nodes/Skipcall/Skipcall.node';
import { operationsOf, packageNodes, shownOptions, shownParameters } from './packageNodes.cts';

const klen = new KlenAi();
const skipcall = new Skipcall();

function collectionEntry(name: string, entry: string): INodeProperties {
	const collection = klen.description.properties.find((property) => property.name === name)!;
	return (collection.options as INodeProperties[]).find((option) => option.name === entry)!;
}

describe('Klen AI’s Status and Stage offer the documented value and take any other, in every operation', () => {
	it.each([
		['status', 'Not Contacted', 'not_contacted'],
		['stage', 'Lead', 'lead'],
	])('%s: the same list, empty at first, other values allowed, in Create, Update and Get Many', (name, label, value) => {
		const shapes = ['additionalFields', 'updateFields', 'filters'].map((collection) => {
			const { type, options, default: start, allowArbitraryValues } = collectionEntry(collection, name);
			return { type, options, default: start, allowArbitraryValues };
		});
		expect(shapes).toEqual(Array(3).fill({ type: 'options', options: [{ name: label, value }], default: '', allowArbitraryValues: true }));
	});

	it('each says Klen’s own default and how to send another value', () => {
		expect(collectionEntry('additionalFields', 'status').description).toBe(
			'Contact status. Not sent when empty: Klen AI then sets not_contacted. Choose the value Klen AI documents, or type another status of your account with an expression.',
		);
		expect(collectionEntry('updateFields', 'stage').description).toContain('type another stage of your account with an expression');
		expect(collectionEntry('filters', 'stage').description).toContain('type another stage of your account with an expression');
	});
});

describe('Default Country is offered only where phone numbers are read', () => {
	it.each(packageNodes.map(({ source, node }) => [source, node] as const))('%s', (_, node) => {
		const options = node.description.properties.find((property) => property.name === 'options');
		expect(options).toBeDefined();
		const offeredOn = operationsOf(node).filter((operation) =>
			shownOptions(node, options!, { resource: 'contact', operation }).some((option) => option.name === 'defaultCountry'),
		);
		// Written out here, not taken from the description: a wrong list there must fail this test.
		expect(offeredOn).toEqual(operationsOf(node).filter((operation) => ['create', 'update', 'upsert'].includes(operation)));
		expect(offeredOn.length).toBeGreaterThan(0);
	});

	it('Klen AI: Create, Create or Update and Update, not Get or Get Many', () => {
		const options = klen.description.properties.find((property) => property.name === 'options')!;
		const names = (operation: string) => shownOptions(klen, options, { resource: 'contact', operation }).map((option) => option.name);
		expect(names('create')).toContain('defaultCountry');
		expect(names('upsert')).toContain('defaultCountry');
		expect(names('update')).toContain('defaultCountry');
		expect(names('get')).not.toContain('defaultCountry');
		expect(names('getAll')).not.toContain('defaultCountry');
		expect(names('getAll')).toContain('maxRateLimitWait');
	});

	it('its parameter is still options.defaultCountry, empty by default (saved workflows keep working)', () => {
		const options = skipcall.description.properties.find((property) => property.name === 'options')!;
		const country = (options.options as INodeProperties[]).find((option) => option.name === 'defaultCountry')!;
		expect(country).toMatchObject({ name: 'defaultCountry', type: 'options', default: '' });
		expect((country.options as Array<{ value: string }>)[0]).toEqual({ name: 'None (Numbers Must Be International)', value: '' });
	});
});

describe('every phone field says, where it is, that a national number needs Default Country', () => {
	const hint = 'A national number (06 12 34 56 78) needs Options › Default Country for Phone Numbers, or the contact’s Country. +33… or 0033… needs neither.';

	it('Skipcall’s Phone Numbers on Create (top level) and Update', () => {
		const create = shownParameters(skipcall, { resource: 'contact', operation: 'create' }).find((property) => property.name === 'phoneNumbers')!;
		expect(create.hint).toBe(hint);
		expect(create.description).toContain('A national number (06 12 34 56 78) needs Options › Default Country for Phone Numbers');
		const updateFields = skipcall.description.properties.find((property) => property.name === 'updateFields')!;
		const update = (updateFields.options as INodeProperties[]).find((option) => option.name === 'phoneNumbers')!;
		expect(update.hint).toBe(hint);
		expect(update.description).toContain('A national number needs Options › Default Country for Phone Numbers');
	});

	it('Klen AI’s Phone Number, in each row of Phone Numbers', () => {
		for (const collection of ['additionalFields', 'updateFields']) {
			const rows = collectionEntry(collection, 'phoneNumbers').options as Array<{ values: INodeProperties[] }>;
			const number = rows[0].values.find((value) => value.name === 'phoneNumber')!;
			expect(number.hint).toBe(hint);
			expect(number.description).toContain('A national number (06 12 34 56 78) needs Options › Default Country for Phone Numbers');
		}
	});
});

describe('Options › Request Timeout is offered on every operation of every node', () => {
	it.each(packageNodes.map(({ source, node }) => [source, node] as const))('%s', (_, node) => {
		const options = node.description.properties.find((property) => property.name === 'options')!;
		for (const operation of operationsOf(node)) {
			const shown = shownOptions(node, options, { resource: 'contact', operation });
			expect(shown.filter((option) => option.name === 'requestTimeout')).toEqual([
				expect.objectContaining({ type: 'number', default: 30 }),
			]);
			const names = shown.map((option) => option.displayName);
			expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
		}
	});
});
