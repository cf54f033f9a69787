import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { Skode } from '../../nodes/Skode/Skode.node';

const { description } = new Skode();
const property = (name: string, operation?: string) =>
	description.properties.find(
		(candidate) => candidate.name === name && (!operation || (candidate.displayOptions?.show?.operation as string[] | undefined)?.includes(operation)),
	) as INodeProperties;
const optionNames = (collection: INodeProperties) => (collection.options as INodeProperties[]).map((option) => option.name).sort();

describe('The names saved workflows depend on are the ones interface.md fixes', () => {
	it('node skode, "Skode AI", credential skodeApi, usable as a tool, light and dark icons', () => {
		expect([description.name, description.displayName, description.usableAsTool, description.icon]).toEqual([
			'skode',
			'Skode AI',
			true,
			{ light: 'file:skode.svg', dark: 'file:skode.dark.svg' },
		]);
	});

	it('operations create, upsert, get, getAll, update, merge, delete; Create first', () => {
		const operation = property('operation');
		expect((operation.options as INodePropertyOptions[]).map((option) => [option.value, option.name])).toEqual([
			['create', 'Create'],
			['upsert', 'Create or Update'],
			['delete', 'Delete'],
			['get', 'Get'],
			['getAll', 'Get Many'],
			['merge', 'Merge'],
			['update', 'Update'],
		]);
		expect(operation.default).toBe('create');
	});

	it('Create and Create or Update: name required; email and phone at the top, each optional; the rest in additionalFields', () => {
		for (const operation of ['create', 'upsert']) {
			expect(['name', 'email', 'phone'].map((name) => [name, property(name, operation).required ?? false])).toEqual([
				['name', true],
				['email', false],
				['phone', false],
			]);
			expect(optionNames(property('additionalFields', operation))).toEqual(['address', 'company', 'customFields', 'tags', 'title']);
		}
		const address = property('additionalFields', 'create').options?.find((option) => option.name === 'address') as INodeProperties;
		const parts = (address.options?.[0] as { values: INodeProperties[] }).values.map((part) => part.name);
		expect(parts).toEqual(['street', 'city', 'state', 'zip', 'country']);
	});

	it('Create or Update starts with what it matches on; the phone says when a national number is read', () => {
		const notice = description.properties.find((candidate) => candidate.name === 'upsertNotice')!;
		expect(notice.displayName).toBe(
			'Creates the contact; when Skode AI already has one with this Email, updates that one with these fields. A row without an Email is found by its Phone: one match is updated, none is created, several is an error. Each row needs an Email or a Phone.',
		);
		const hint = 'A national number (06 12 34 56 78) needs Options › Default Country for Phone Numbers, or the Address’s Country. +33… or 0033… needs neither.';
		expect(property('phone', 'create').hint).toBe(hint);
		expect(property('updateFields', 'update').options?.find((option) => option.name === 'phone')).toMatchObject({ hint });
	});

	it('Update: contactId and updateFields (every field); Get and Delete: contactId; Merge: primaryId, duplicateIds', () => {
		expect(property('contactId', 'update').required).toBe(true);
		expect(optionNames(property('updateFields', 'update'))).toEqual(['address', 'company', 'customFields', 'email', 'name', 'phone', 'tags', 'title']);
		expect(property('contactId', 'get')).toBeDefined();
		expect(property('contactId', 'delete')).toBeDefined();
		expect([property('primaryId', 'merge').required, property('duplicateIds', 'merge').required]).toEqual([true, true]);
	});

	it('Get Many: returnAll, limit, filters; options.sort', () => {
		expect(property('returnAll', 'getAll')).toBeDefined();
		expect(property('limit', 'getAll')).toBeDefined();
		expect(optionNames(property('filters', 'getAll'))).toEqual(['company', 'createdAfter', 'createdBefore', 'email', 'q', 'tag', 'updatedAfter']);
		const options = property('options');
		expect(optionNames(options)).toEqual(expect.arrayContaining(['defaultCountry', 'maxRateLimitWait', 'requestsPerMinute', 'sort']));
		const sort = options.options?.find((option) => option.name === 'sort') as INodeProperties;
		expect(sort.displayOptions).toEqual({ show: { '/operation': ['getAll'] } });
	});

	it('Requests per Minute: the Free plan’s 100 by default, and the plans’ limits in its description', () => {
		const requestsPerMinute = property('options').options?.find((option) => option.name === 'requestsPerMinute') as INodeProperties;
		expect(requestsPerMinute.default).toBe(100);
		expect(requestsPerMinute.description).toContain('Free plans allow 100 a minute per key, Pro 1,000, Enterprise 10,000.');
	});
});
