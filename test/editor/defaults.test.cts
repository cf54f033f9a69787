/**
 * A field added to a collection in the editor sends nothing until the user gives it a value:
 * adding "Stage" to an Update just to look at it must not move the contact back to "lead".
 */
import type { IDataObject, INodeProperties, INodeType } from 'n8n-workflow';

import { retryPolicy } from '../../nodes/common/sending/send';
import { KlenAi } from '../../nodes/KlenAi/KlenAi.node';
import { Skipcall } from '../../nodes/Skipcall/Skipcall.node';
import { runKlen, startKlen, type KlenServer } from '../support/klen.cts';
import { runSkipcall, startSkipcall, type SkipcallServer } from '../support/skipcall.cts';
import { packageNodes } from './packageNodes.cts';

/** Values a parameter can start with and still mean "nothing given". */
const EMPTY = ['', '{}'];
const isEmpty = (value: unknown) => EMPTY.includes(typeof value === 'string' ? value : JSON.stringify(value));

/** The collections whose entries go into the request: every collection but the node-wide Options. */
function fieldCollections(node: INodeType): INodeProperties[] {
	return node.description.properties.filter((property) => property.type === 'collection' && property.name !== 'options');
}

/** Every entry of a collection, added with the value the editor gives it. */
function everyEntryAtItsDefault(node: INodeType, name: string): IDataObject {
	const collection = node.description.properties.find((property) => property.name === name);
	return Object.fromEntries(((collection?.options ?? []) as INodeProperties[]).map((option) => [option.name, option.default]));
}

describe('every entry of every collection starts empty, in every node the package ships', () => {
	const entries = packageNodes.flatMap(({ source, node }) =>
		fieldCollections(node).flatMap((collection) =>
			((collection.options ?? []) as INodeProperties[]).map((option) => [`${source} › ${collection.name} › ${option.name}`, option] as const),
		),
	);

	it('finds the collections (Additional Fields, Update Fields, Filters) to check', () => {
		expect(entries.length).toBeGreaterThan(40);
	});

	it.each(entries)('%s starts empty', (_, option) => {
		expect({ name: option.name, default: option.default, empty: isEmpty(option.default) }).toEqual({
			name: option.name,
			default: option.default,
			empty: true,
		});
	});

	it('no entry is an on/off switch, which cannot be "not given"', () => {
		expect(entries.filter(([, option]) => option.type === 'boolean').map(([where]) => where)).toEqual([]);
	});
});

describe('Skipcall: adding every field with its default sends nothing', () => {
	let server: SkipcallServer;
	beforeAll(async () => {
		retryPolicy.firstBackoffMs = 10;
		server = await startSkipcall();
	});
	beforeEach(() => server.reset());
	afterAll(async () => await server.stop());

	it('Update with every Update Field added and left as is: the node’s own check stops it, nothing is sent', async () => {
		const updateFields = everyEntryAtItsDefault(new Skipcall(), 'updateFields');
		expect(Object.keys(updateFields)).toHaveLength(13);
		const result = await runSkipcall(server, { operation: 'update', contactId: 'c-1', updateFields });
		expect(server.requests).toEqual([]);
		expect(result.error?.message).toBe('[item 0 · contact c-1] Update Fields: nothing to update. Add at least one field with a value.');
	});

	it('Create with every Additional Field added and left as is: only the required fields are sent', async () => {
		const additionalFields = everyEntryAtItsDefault(new Skipcall(), 'additionalFields');
		const result = await runSkipcall(server, {
			operation: 'create',
			firstName: 'Marie',
			lastName: 'Dupont',
			phoneNumbers: '+33612345678',
			additionalFields,
		});
		expect(result.error).toBeUndefined();
		expect(server.requests.map((request: { body: unknown }) => request.body)).toEqual([
			{ firstName: 'Marie', lastName: 'Dupont', phoneNumbers: ['+33612345678'] },
		]);
	});
});

describe('Klen AI: adding every field with its default sends nothing', () => {
	let server: KlenServer;
	beforeAll(async () => {
		retryPolicy.firstBackoffMs = 10;
		server = await startKlen();
	});
	beforeEach(() => server.reset());
	afterAll(async () => await server.stop());

	it('Update with every Update Field added and left as is: the node’s own check stops it, nothing is sent', async () => {
		const updateFields = everyEntryAtItsDefault(new KlenAi(), 'updateFields');
		expect(Object.keys(updateFields)).toEqual(expect.arrayContaining(['country', 'status', 'stage', 'teamId']));
		const result = await runKlen(server, { operation: 'update', contactId: '12', updateFields });
		expect(server.requests).toEqual([]);
		expect(result.error?.message).toBe('[item 0 · contact 12] Update Fields: nothing to update. Add at least one field with a value.');
	});

	it('Create with every Additional Field added and left as is: only First Name is sent (Klen sets its own defaults)', async () => {
		const additionalFields = everyEntryAtItsDefault(new KlenAi(), 'additionalFields');
		const result = await runKlen(server, { operation: 'create', firstName: 'Marie', additionalFields });
		expect(result.error).toBeUndefined();
		expect(server.requests.map((request) => [request.method, request.body])).toEqual([['POST', { first_name: 'Marie' }]]);
		// Klen applied its documented defaults itself.
		expect(result.items?.[0]).toMatchObject({ country: 'US', status: 'not_contacted', stage: 'lead' });
	});

	it('Get Many with every filter added and left as is: no filter is sent', async () => {
		const filters = everyEntryAtItsDefault(new KlenAi(), 'filters');
		expect(Object.keys(filters).sort()).toEqual(['search', 'stage', 'status', 'tag']);
		const result = await runKlen(server, { operation: 'getAll', returnAll: false, limit: 5, filters });
		expect(result.error).toBeUndefined();
		expect(server.requests.map((request) => request.query)).toEqual([{ page: '1', limit: '5' }]);
	});
});
