import type { IDataObject, INodeProperties } from 'n8n-workflow';

import {
	type BodyMode,
	type ContactField,
	ContactFieldError,
	type FieldContext,
	buildBody,
	readField,
} from '../../nodes/common/input/fields';
import { fieldsCollection, requiredFieldProperties } from '../../nodes/common/description/fields';
import { FieldError } from '../../nodes/common/input/values';
import { klenAiContactFields } from '../../nodes/KlenAi/resources/contact/fields';
import { readKlenPhoneNumbers } from '../../nodes/KlenAi/resources/contact/phoneNumbers';
import { skipcallContactFields } from '../../nodes/Skipcall/resources/contact/fields';

const createShow = { resource: ['contact'], operation: ['create'] };
const updateShow = { resource: ['contact'], operation: ['update'] };

/** Runs `fn`, expects an error of `type` and returns it so its fields can be checked. */
function errorOf<T extends Error>(type: new (...args: never[]) => T, fn: () => unknown): T {
	try {
		fn();
	} catch (error) {
		expect(error).toBeInstanceOf(type);
		return error as T;
	}
	throw new Error(`expected a ${type.name}, but nothing was thrown`);
}

function body(fields: ContactField[], values: IDataObject, mode: BodyMode = 'create', context: FieldContext = {}) {
	return buildBody(fields, values, mode, context);
}

function option(collection: INodeProperties, name: string): INodeProperties {
	const found = (collection.options as INodeProperties[]).find((entry) => entry.name === name);
	if (!found) throw new Error(`no option ${name}`);
	return found;
}

const optionNames = (collection: INodeProperties) => (collection.options as INodeProperties[]).map((entry) => entry.name);
const displayNames = (collection: INodeProperties) =>
	(collection.options as INodeProperties[]).map((entry) => entry.displayName);

/** A small field list with every kind, for the property shapes. */
const sampleFields: ContactField[] = [
	{ name: 'zeta', apiField: 'zeta', displayName: 'Zeta', kind: 'string', required: true, description: 'Zeta' },
	{ name: 'mail', apiField: 'mail', displayName: 'Mail', kind: 'email', description: 'Mail' },
	{ name: 'site', apiField: 'site', displayName: 'Site', kind: 'url', placeholder: 'https://a.b', description: 'Site' },
	{ name: 'flag', apiField: 'flag', displayName: 'Flag', kind: 'boolean', description: 'Flag' },
	{ name: 'count', apiField: 'count', displayName: 'Count', kind: 'integer', description: 'Count' },
	{ name: 'level', apiField: 'level', displayName: 'Level', kind: 'integer', minimum: 3, description: 'Level' },
	{
		name: 'choice',
		apiField: 'choice',
		displayName: 'Choice',
		kind: 'options',
		options: [
			{ name: 'First', value: 'first' },
			{ name: 'Second', value: 'second' },
		],
		description: 'Choice',
	},
	{ name: 'labels', apiField: 'labels', displayName: 'Labels', kind: 'stringList', maxItems: 2, description: 'Labels' },
	{ name: 'raw', apiField: 'raw', displayName: 'Raw', kind: 'custom', description: 'Raw' },
];

describe('requiredFieldProperties gives only the required fields, marked required, with the displayOptions given', () => {
	it('Skipcall: First Name, Last Name and Phone Numbers', () => {
		const properties = requiredFieldProperties(skipcallContactFields, createShow);
		expect(properties.map((property) => property.name)).toEqual(['firstName', 'lastName', 'phoneNumbers']);
		for (const property of properties) {
			expect(property.required).toBe(true);
			expect(property.displayOptions).toEqual({ show: createShow });
		}
	});

	it('Klen AI: First Name only', () => {
		const properties = requiredFieldProperties(klenAiContactFields, createShow);
		expect(properties).toHaveLength(1);
		expect(properties[0]).toMatchObject({
			displayName: 'First Name',
			name: 'firstName',
			type: 'string',
			default: '',
			required: true,
			description: 'First name of the contact',
			displayOptions: { show: createShow },
		});
	});

	it('uses the create description, not the update one', () => {
		const phone = requiredFieldProperties(skipcallContactFields, createShow).find((p) => p.name === 'phoneNumbers')!;
		expect(phone.description).toBe(skipcallContactFields.find((f) => f.name === 'phoneNumbers')!.description);
		expect(phone.description).not.toContain('Replaces ALL');
		// Written as an example, not as a value already filled in (issue 22).
		expect(phone.placeholder).toBe('e.g. +33 6 12 34 56 78, 06 98 76 54 32');
		expect(phone.type).toBe('string');
	});

	it('gives nothing when no field is required', () => {
		expect(requiredFieldProperties(sampleFields.filter((f) => !f.required), createShow)).toEqual([]);
	});
});

describe('Create collections hold the optional fields, Update collections every field', () => {
	it('the create collection is additionalFields, with the displayOptions given', () => {
		const collection = fieldsCollection(skipcallContactFields, 'create', createShow);
		expect(collection).toMatchObject({
			displayName: 'Additional Fields',
			name: 'additionalFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			displayOptions: { show: createShow },
		});
	});

	it('the update collection is updateFields, with the displayOptions given', () => {
		const collection = fieldsCollection(skipcallContactFields, 'update', updateShow);
		expect(collection).toMatchObject({
			displayName: 'Update Fields',
			name: 'updateFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			displayOptions: { show: updateShow },
		});
	});

	it('Skipcall create: the optional fields only, sorted by display name', () => {
		const collection = fieldsCollection(skipcallContactFields, 'create', createShow);
		expect(displayNames(collection)).toEqual([
			'Allow Phone Calls',
			'City',
			'Company',
			'Country',
			'Custom Fields',
			'Email',
			'LinkedIn Sales Navigator URL',
			'LinkedIn URL',
			'Role',
			'Website URL',
		]);
		expect(optionNames(collection)).not.toContain('firstName');
		expect(optionNames(collection)).not.toContain('lastName');
		expect(optionNames(collection)).not.toContain('phoneNumbers');
	});

	it('Klen AI create: every field but First Name, sorted by display name', () => {
		const collection = fieldsCollection(klenAiContactFields, 'create', createShow);
		const names = displayNames(collection);
		expect(names).toHaveLength(klenAiContactFields.length - 1);
		expect(names).not.toContain('First Name');
		expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
		expect(names[0]).toBe('Address');
		expect(names[names.length - 1]).toBe('Zip Code');
	});

	it('Skipcall update: every field, required ones included, sorted', () => {
		const collection = fieldsCollection(skipcallContactFields, 'update', updateShow);
		const names = displayNames(collection);
		expect(names).toHaveLength(skipcallContactFields.length);
		expect(optionNames(collection)).toEqual(expect.arrayContaining(['firstName', 'lastName', 'phoneNumbers']));
		expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
		for (const property of collection.options as INodeProperties[]) expect(property.required).toBeUndefined();
	});

	it('Klen AI update: every field', () => {
		const collection = fieldsCollection(klenAiContactFields, 'update', updateShow);
		expect(optionNames(collection).sort()).toEqual(klenAiContactFields.map((field) => field.name).sort());
	});

	it('Skipcall\'s Phone Numbers on update says it replaces all the numbers', () => {
		const phone = option(fieldsCollection(skipcallContactFields, 'update', updateShow), 'phoneNumbers');
		expect(phone.description).toBe(
			'1–20 phone numbers. Replaces ALL the contact’s existing numbers: give every number the contact should keep. Separated by commas, semicolons or new lines, or an array; sent in E.164. A national number needs Options › Default Country for Phone Numbers, or the contact’s Country.',
		);
	});

	it('Klen AI\'s Tags and Phone Numbers on update say they replace everything', () => {
		const collection = fieldsCollection(klenAiContactFields, 'update', updateShow);
		expect(option(collection, 'tags').description).toBe(
			'Tag names, separated by commas, or an array. Replaces ALL the contact’s tags.',
		);
		expect(option(collection, 'phoneNumbers').description).toContain('Replaces ALL the contact’s numbers');
	});

	it('a field without an update description keeps its description on update', () => {
		const email = option(fieldsCollection(skipcallContactFields, 'update', updateShow), 'email');
		expect(email.description).toBe('Email address of the contact');
	});

	it('the create collection uses the create description', () => {
		const custom = option(fieldsCollection(skipcallContactFields, 'create', createShow), 'customFields');
		expect(custom.description).toBe(skipcallContactFields.find((f) => f.name === 'customFields')!.description);
	});

	it('the update collection has every field, required ones included; create leaves those out', () => {
		expect(optionNames(fieldsCollection(sampleFields, 'update', updateShow))).toContain('zeta');
		expect(optionNames(fieldsCollection(sampleFields, 'create', createShow))).not.toContain('zeta');
	});

	it('sorting is by display name, not by parameter name', () => {
		const names = displayNames(fieldsCollection(sampleFields, 'create', createShow));
		expect(names[0]).toBe('Choice');
		expect(names).toEqual([
			'Choice',
			'Count',
			'Flag',
			'Labels',
			'Level',
			'Mail',
			'Raw',
			'Site',
		]);
	});
});

describe('each field kind gives the right parameter type', () => {
	const collection = fieldsCollection(sampleFields, 'create', createShow);

	it('email: a string with an email placeholder', () => {
		expect(option(collection, 'mail')).toEqual({
			displayName: 'Mail',
			name: 'mail',
			type: 'string',
			default: '',
			description: 'Mail',
			placeholder: 'name@email.com',
		});
	});

	it('url: a string with its own placeholder', () => {
		expect(option(collection, 'site')).toMatchObject({ type: 'string', default: '', placeholder: 'https://a.b' });
	});

	it('boolean: Yes or No, starting empty (a switch cannot be "not given")', () => {
		expect(option(collection, 'flag')).toMatchObject({
			type: 'options',
			default: '',
			allowArbitraryValues: true,
			options: [
				{ name: 'Yes', value: true },
				{ name: 'No', value: false },
			],
		});
	});

	it('Skipcall\'s Allow Phone Calls starts empty and says what Skipcall does without it', () => {
		const allow = option(fieldsCollection(skipcallContactFields, 'create', createShow), 'allowPhoneCalls');
		expect(allow).toMatchObject({ type: 'options', default: '' });
		expect(allow.description).toContain('Not sent when empty: Skipcall then assumes Yes');
	});

	it('integer: a text box starting empty (n8n\'s number input cannot be empty)', () => {
		expect(option(collection, 'count')).toMatchObject({ type: 'string', default: '' });
		expect(option(collection, 'count').typeOptions).toBeUndefined();
		expect(option(collection, 'level')).toMatchObject({ type: 'string', default: '' });
	});

	it('Klen AI\'s Team ID: a text box starting empty, its limit in the description', () => {
		const team = option(fieldsCollection(klenAiContactFields, 'create', createShow), 'teamId');
		expect(team).toMatchObject({ type: 'string', default: '', placeholder: 'e.g. 12' });
		expect(team.description).toContain('a whole number');
	});

	it('options: the documented values, starting empty, any other value allowed', () => {
		expect(option(collection, 'choice')).toMatchObject({
			type: 'options',
			default: '',
			allowArbitraryValues: true,
			options: [
				{ name: 'First', value: 'first' },
				{ name: 'Second', value: 'second' },
			],
		});
	});

	it('Klen AI\'s Status starts empty and names Klen\'s own default in the description', () => {
		const status = option(fieldsCollection(klenAiContactFields, 'create', createShow), 'status');
		expect(status).toMatchObject({ type: 'options', default: '', options: [{ name: 'Not Contacted', value: 'not_contacted' }] });
		expect(status.description).toContain('Klen AI then sets not_contacted');
	});

	it('stringList: a string', () => {
		expect(option(collection, 'labels')).toMatchObject({ type: 'string', default: '' });
	});

	it('custom without a property: a string', () => {
		expect(option(collection, 'raw')).toMatchObject({ type: 'string', default: '' });
	});

	it('custom with a property: the property overrides the type (fixedCollection)', () => {
		const skipcall = fieldsCollection(skipcallContactFields, 'create', createShow);
		expect(option(skipcall, 'customFields')).toMatchObject({
			type: 'fixedCollection',
			default: {},
			placeholder: 'Add Custom Field',
			typeOptions: { multipleValues: true },
		});
		const klen = fieldsCollection(klenAiContactFields, 'create', createShow);
		expect(option(klen, 'phoneNumbers')).toMatchObject({ type: 'fixedCollection', placeholder: 'Add Phone Number' });
		expect(option(klen, 'customContext')).toMatchObject({ type: 'fixedCollection', placeholder: 'Add Custom Context' });
	});

	it('phoneNumbers: a string', () => {
		const phone = option(fieldsCollection(skipcallContactFields, 'update', updateShow), 'phoneNumbers');
		expect(phone).toMatchObject({ type: 'string', default: '' });
	});
});

describe('readField converts one value per kind', () => {
	const field = (name: string) => sampleFields.find((entry) => entry.name === name)!;

	it.each([
		['zeta', '  hi ', 'hi'],
		['mail', ' a@b.co ', 'a@b.co'],
		['site', 'www.x.com', 'https://www.x.com'],
		['flag', ' YES ', true],
		['flag', 'off', false],
		['count', '12.0', 12],
		['count', 7, 7],
		['level', '3', 3],
		['choice', ' second ', 'second'],
		['labels', 'a, b', ['a', 'b']],
		['raw', { any: 'thing' }, { any: 'thing' }],
	])('%s: %p -> %p', (name, value, expected) => {
		expect(readField(field(name), value, {})).toEqual(expected);
	});

	it.each([['zeta'], ['mail'], ['site'], ['flag'], ['count'], ['choice'], ['labels']])(
		'%s: a blank value gives undefined',
		(name) => {
			expect(readField(field(name), '  ', {})).toBeUndefined();
		},
	);

	it('integer below the minimum is refused', () => {
		const error = errorOf(FieldError, () => readField(field('level'), '2', {}));
		expect(error.problem).toBe('2 is below 3');
		expect(error.fix).toBe('Give a whole number of at least 3.');
	});

	it('a list longer than maxItems is refused', () => {
		const error = errorOf(FieldError, () => readField(field('labels'), 'a, b, c', {}));
		expect(error.problem).toBe('3 values given, more than the 2 allowed');
		expect(error.fix).toBe('Keep at most 2.');
	});
});

describe('buildBody sends Skipcall\'s camelCase API names, with messy values cleaned', () => {
	it('a full create with messy values', () => {
		expect(
			body(skipcallContactFields, {
				firstName: '  Jane ',
				lastName: 'Doe  ',
				phoneNumbers: '06 12 34 56 78, +44 20 7946 0958',
				email: ' jane@example.com ',
				company: ' Acme ',
				country: 'France',
				url: 'www.acme.com',
				linkedinUrl: ' https://linkedin.com/in/jane ',
				role: 42,
				allowPhoneCalls: 'yes',
				customFields: { field: [{ key: 'industry', value: ' SaaS ' }] },
			}),
		).toEqual({
			firstName: 'Jane',
			lastName: 'Doe',
			phoneNumbers: ['+33612345678', '+442079460958'],
			email: 'jane@example.com',
			company: 'Acme',
			country: 'France',
			url: 'https://www.acme.com',
			linkedinUrl: 'https://linkedin.com/in/jane',
			role: '42',
			allowPhoneCalls: true,
			customFields: { industry: 'SaaS' },
		});
	});

	it('a "no" boolean is sent as false, not left out', () => {
		const result = body(skipcallContactFields, {
			firstName: 'A',
			lastName: 'B',
			phoneNumbers: '+33612345678',
			allowPhoneCalls: ' No ',
		});
		expect(result.allowPhoneCalls).toBe(false);
	});

	it('an update sends only the fields given', () => {
		expect(body(skipcallContactFields, { lastName: ' Smith ', city: 'Lyon' }, 'update')).toEqual({
			lastName: 'Smith',
			city: 'Lyon',
		});
	});
});

describe('buildBody sends Klen AI\'s snake_case API names, with messy values cleaned', () => {
	it('a full create with messy values', () => {
		expect(
			body(klenAiContactFields, {
				firstName: ' Ann ',
				lastName: ' Lee',
				email: 'ann@example.com ',
				website: 'www.x.com',
				address: ' 1 rue de la Paix ',
				zipCode: ' 75001 ',
				country: 'FR',
				status: ' not_contacted ',
				stage: 'lead',
				teamId: '12.0',
				tags: 'a, b',
				phoneNumbers: '06 12 34 56 78',
				customContext: { values: [{ key: 'source', value: ' sheet ' }] },
				industryContext: '{"sector": "retail"}',
			}),
		).toEqual({
			first_name: 'Ann',
			last_name: 'Lee',
			email: 'ann@example.com',
			website: 'https://www.x.com',
			address: '1 rue de la Paix',
			zip_code: '75001',
			country: 'FR',
			status: 'not_contacted',
			stage: 'lead',
			team_id: 12,
			tags: ['a', 'b'],
			phone_numbers: [{ phone_number: '+33612345678', primary: true, do_not_call: false }],
			custom_context: { source: 'sheet' },
			industry_context: { sector: 'retail' },
		});
	});

	it('tags as an array and a numeric team ID', () => {
		expect(body(klenAiContactFields, { firstName: 'A', tags: [' vip ', 'vip', 'new'], teamId: 3 })).toEqual({
			first_name: 'A',
			tags: ['vip', 'new'],
			team_id: 3,
		});
	});

	it('an update sends only the fields given', () => {
		expect(body(klenAiContactFields, { zipCode: '10001', teamId: '2' }, 'update')).toEqual({ zip_code: '10001', team_id: 2 });
	});

	it('a Team ID below 1 is refused, naming the field', () => {
		const error = errorOf(ContactFieldError, () => body(klenAiContactFields, { firstName: 'A', teamId: '0' }));
		expect(error.message).toBe('Team ID: 0 is below 1');
		expect(error.field.name).toBe('teamId');
	});

	it('a Team ID that is not a whole number is refused, naming the field', () => {
		const error = errorOf(ContactFieldError, () => body(klenAiContactFields, { firstName: 'A', teamId: '1.5' }));
		expect(error.message).toBe('Team ID: "1.5" is not a whole number');
		expect(error.fieldError.fix).toBe('Give digits only, such as 12.');
	});

	it('an invalid email is refused, naming the field', () => {
		const error = errorOf(ContactFieldError, () => body(klenAiContactFields, { firstName: 'A', email: 'ann@' }));
		expect(error.message).toBe('Email: "ann@" is not an email address');
	});
});

describe('buildBody leaves blank optional values out', () => {
	it('Skipcall: empty strings, spaces, null, undefined and empty arrays are not sent', () => {
		expect(
			body(skipcallContactFields, {
				firstName: 'Jane',
				lastName: 'Doe',
				phoneNumbers: '+33612345678',
				email: '',
				company: '   ',
				city: null,
				country: undefined,
				url: '',
				linkedinUrl: ' ',
				role: [],
				allowPhoneCalls: '',
				customFields: {},
			}),
		).toEqual({ firstName: 'Jane', lastName: 'Doe', phoneNumbers: ['+33612345678'] });
	});

	it('Klen AI: blank optional values, empty rows and empty contexts are not sent', () => {
		expect(
			body(klenAiContactFields, {
				firstName: 'Ann',
				lastName: '',
				zipCode: ' ',
				teamId: '',
				tags: ' , ',
				phoneNumbers: { number: [{ phoneNumber: '  ', phoneType: 'mobile' }] },
				customContext: {},
				industryContext: { values: [], json: [{ object: '{}' }] },
			}),
		).toEqual({ first_name: 'Ann' });
	});

	it('update: blank values are not sent, even for required fields', () => {
		expect(body(skipcallContactFields, { firstName: '', lastName: '  ', phoneNumbers: '', email: 'a@b.co' }, 'update')).toEqual({
			email: 'a@b.co',
		});
	});

});

describe('buildBody refuses a create whose required value is missing', () => {
	it.each([[undefined], [''], ['   '], [null]])('Skipcall First Name %p: "First Name: is required but empty"', (firstName) => {
		const error = errorOf(ContactFieldError, () =>
			body(skipcallContactFields, { firstName, lastName: 'Doe', phoneNumbers: '+33612345678' }),
		);
		expect(error.message).toBe('First Name: is required but empty');
		expect(error.field.name).toBe('firstName');
		expect(error.fieldError.problem).toBe('is required but empty');
		expect(error.fieldError.fix).toBe('Give a value for First Name (1–100 characters).');
		expect(error.fieldError.value).toBe(firstName);
	});

	it('Skipcall Last Name', () => {
		const error = errorOf(ContactFieldError, () =>
			body(skipcallContactFields, { firstName: 'Jane', phoneNumbers: '+33612345678' }),
		);
		expect(error.message).toBe('Last Name: is required but empty');
	});

	it('Skipcall Phone Numbers left empty', () => {
		const error = errorOf(ContactFieldError, () => body(skipcallContactFields, { firstName: 'Jane', lastName: 'Doe' }));
		expect(error.message).toBe('Phone Numbers: is required but empty');
		expect(error.fieldError.fix).toBe('Give a value for Phone Numbers.');
	});

	it('Skipcall Phone Numbers holding only separators', () => {
		const error = errorOf(ContactFieldError, () =>
			body(skipcallContactFields, { firstName: 'Jane', lastName: 'Doe', phoneNumbers: ' , ; ' }),
		);
		expect(error.message).toBe('Phone Numbers: no phone number given');
	});

	it('Klen AI First Name (no length limits in the fix)', () => {
		const error = errorOf(ContactFieldError, () => body(klenAiContactFields, { lastName: 'Lee' }));
		expect(error.message).toBe('First Name: is required but empty');
		expect(error.fieldError.fix).toBe('Give a value for First Name.');
	});

	it('a value too long is refused with the field\'s name', () => {
		const error = errorOf(ContactFieldError, () =>
			body(skipcallContactFields, { firstName: 'x'.repeat(101), lastName: 'Doe', phoneNumbers: '+33612345678' }),
		);
		expect(error.message).toMatch(/^First Name: ".*" is 101 characters long, more than the 100 allowed$/);
		expect(error.fieldError.fix).toBe('Shorten it to 100 characters or fewer.');
	});

	it('ContactFieldError is an Error named ContactFieldError', () => {
		const error = errorOf(ContactFieldError, () => body(klenAiContactFields, {}));
		expect(error).toBeInstanceOf(Error);
		expect(error.name).toBe('ContactFieldError');
		expect(error.fieldError).toBeInstanceOf(FieldError);
	});
});

describe('phone numbers are read with the default country, then the contact\'s country', () => {
	const skipcall = (values: IDataObject, context: FieldContext = {}) =>
		body(skipcallContactFields, { firstName: 'A', lastName: 'B', ...values }, 'create', context).phoneNumbers;

	it('the default country reads national numbers', () => {
		expect(skipcall({ phoneNumbers: '06 12 34 56 78' }, { defaultCountry: 'FR' })).toEqual(['+33612345678']);
	});

	it('without a default country, the contact\'s country (a name) reads them', () => {
		expect(skipcall({ phoneNumbers: '06 12 34 56 78', country: 'France' })).toEqual(['+33612345678']);
	});

	it('without a default country, the contact\'s country (a code) reads them', () => {
		expect(skipcall({ phoneNumbers: '020 7946 0958', country: ' gb ' })).toEqual(['+442079460958']);
	});

	it('a number the default country cannot read is read with the contact\'s country', () => {
		expect(
			skipcall({ phoneNumbers: '06 12 34 56 78; 020 7946 0958', country: 'United Kingdom' }, { defaultCountry: 'FR' }),
		).toEqual(['+33612345678', '+442079460958']);
	});

	it('a number valid in both is read with the default country first', () => {
		expect(skipcall({ phoneNumbers: '0470 12 34 56', country: 'France' }, { defaultCountry: 'BE' })).toEqual([
			'+32470123456',
		]);
		expect(skipcall({ phoneNumbers: '0470 12 34 56', country: 'Belgium' }, { defaultCountry: 'FR' })).toEqual([
			'+33470123456',
		]);
	});

	it('numbers are de-duplicated', () => {
		expect(skipcall({ phoneNumbers: '06 12 34 56 78, +33 6 12 34 56 78' }, { defaultCountry: 'FR' })).toEqual([
			'+33612345678',
		]);
	});

	it('without any country a national number is refused, naming the field', () => {
		const error = errorOf(ContactFieldError, () => skipcall({ phoneNumbers: '06 12 34 56 78' }));
		expect(error.message).toBe('Phone Numbers: "06 12 34 56 78" has no country code');
	});

	it('Klen AI uses its Country field as the contact\'s country', () => {
		const result = body(klenAiContactFields, { firstName: 'A', country: 'France', phoneNumbers: '06 12 34 56 78' });
		expect(result.phone_numbers).toEqual([{ phone_number: '+33612345678', primary: true, do_not_call: false }]);
	});

	it('Klen AI rows use the default country too', () => {
		const result = body(
			klenAiContactFields,
			{ firstName: 'A', phoneNumbers: { number: [{ phoneNumber: '(212) 555-0123', phoneType: 'work' }] } },
			'create',
			{ defaultCountry: 'US' },
		);
		expect(result.phone_numbers).toEqual([
			{ phone_number: '+12125550123', phone_type: 'work', primary: true, do_not_call: false },
		]);
	});

	it('Skipcall refuses more than 20 numbers', () => {
		const numbers = Array.from({ length: 21 }, (_, index) => `+3361234${String(index).padStart(4, '0')}`);
		const error = errorOf(ContactFieldError, () => skipcall({ phoneNumbers: numbers.join(', ') }));
		expect(error.message).toBe('Phone Numbers: 21 different numbers given, more than the 20 allowed');
	});
});

describe('readKlenPhoneNumbers reads rows, a plain cell or an array into Klen\'s phone_numbers', () => {
	it('rows keep their type and flags', () => {
		expect(
			readKlenPhoneNumbers(
				{
					number: [
						{ phoneNumber: '+33 6 12 34 56 78', phoneType: 'mobile', primary: false, doNotCall: false },
						{ phoneNumber: '+1 212 555 0123', phoneType: ' work ', primary: true, doNotCall: 'yes' },
					],
				},
				{},
			),
		).toEqual([
			{ phone_number: '+33612345678', phone_type: 'mobile', primary: false, do_not_call: false },
			{ phone_number: '+12125550123', phone_type: 'work', primary: true, do_not_call: true },
		]);
	});

	it('a plain comma cell gives one entry per number, the first primary', () => {
		expect(readKlenPhoneNumbers('06 12 34 56 78, 07 98 76 54 32', { defaultCountry: 'FR' })).toEqual([
			{ phone_number: '+33612345678', primary: true, do_not_call: false },
			{ phone_number: '+33798765432', primary: false, do_not_call: false },
		]);
	});

	it('an array of numbers, a numeric cell included', () => {
		expect(readKlenPhoneNumbers(['+33612345678', 33798765432], {})).toEqual([
			{ phone_number: '+33612345678', primary: true, do_not_call: false },
			{ phone_number: '+33798765432', primary: false, do_not_call: false },
		]);
	});

	it('a row holding several numbers gives each the row\'s type', () => {
		expect(
			readKlenPhoneNumbers({ number: [{ phoneNumber: '06 12 34 56 78; 07 98 76 54 32', phoneType: 'home' }] }, {
				defaultCountry: 'FR',
			}),
		).toEqual([
			{ phone_number: '+33612345678', phone_type: 'home', primary: true, do_not_call: false },
			{ phone_number: '+33798765432', phone_type: 'home', primary: false, do_not_call: false },
		]);
	});

	it('the first number is made primary when none is flagged', () => {
		const numbers = readKlenPhoneNumbers(
			{
				number: [
					{ phoneNumber: '+33612345678', primary: false },
					{ phoneNumber: '+33798765432', primary: 'no' },
				],
			},
			{},
		)!;
		expect(numbers.map((entry) => entry.primary)).toEqual([true, false]);
	});

	it('a flagged number that is not first stays the only primary', () => {
		const numbers = readKlenPhoneNumbers(
			{
				number: [
					{ phoneNumber: '+33612345678' },
					{ phoneNumber: '+33798765432', primary: 'TRUE' },
				],
			},
			{},
		)!;
		expect(numbers.map((entry) => entry.primary)).toEqual([false, true]);
	});

	it('two numbers marked primary are refused', () => {
		const error = errorOf(FieldError, () =>
			readKlenPhoneNumbers(
				{
					number: [
						{ phoneNumber: '+33612345678', primary: true },
						{ phoneNumber: '+33798765432', primary: true },
					],
				},
				{},
			),
		);
		expect(error.problem).toBe('2 numbers are marked primary (+33612345678, +33798765432)');
		expect(error.fix).toBe('Mark at most one number as Primary.');
	});

	it('two primaries through buildBody name the Phone Numbers field', () => {
		const error = errorOf(ContactFieldError, () =>
			body(klenAiContactFields, {
				firstName: 'A',
				phoneNumbers: {
					number: [
						{ phoneNumber: '+33612345678', primary: true },
						{ phoneNumber: '+33798765432', primary: true },
					],
				},
			}),
		);
		expect(error.message).toBe('Phone Numbers: 2 numbers are marked primary (+33612345678, +33798765432)');
	});

	it('the same number written twice is sent once, with the first row\'s type and flags', () => {
		expect(
			readKlenPhoneNumbers(
				{
					number: [
						{ phoneNumber: '06 12 34 56 78', phoneType: 'mobile', doNotCall: true },
						{ phoneNumber: '+33 6 12 34 56 78', phoneType: 'work' },
						{ phoneNumber: '0033612345678', phoneType: 'home' },
					],
				},
				{ defaultCountry: 'FR' },
			),
		).toEqual([{ phone_number: '+33612345678', phone_type: 'mobile', primary: true, do_not_call: true }]);
	});

	it('a duplicate flagged primary is not counted twice', () => {
		expect(
			readKlenPhoneNumbers(
				{
					number: [
						{ phoneNumber: '+33612345678', primary: true },
						{ phoneNumber: '+33 6 12 34 56 78', primary: true },
					],
				},
				{},
			),
		).toEqual([{ phone_number: '+33612345678', primary: true, do_not_call: false }]);
	});

	it.each([[undefined], [''], ['  '], [[]], [{}], [{ number: [] }], [{ number: [{ phoneNumber: '' }, null] }]])(
		'nothing to send for %p',
		(value) => {
			expect(readKlenPhoneNumbers(value, {})).toBeUndefined();
		},
	);

	it('a flag that is not true or false is refused', () => {
		const error = errorOf(FieldError, () =>
			readKlenPhoneNumbers({ number: [{ phoneNumber: '+33612345678', doNotCall: 'maybe' }] }, {}),
		);
		expect(error.problem).toBe('"maybe" is not true or false');
	});

	it('an invalid number is refused', () => {
		const error = errorOf(FieldError, () => readKlenPhoneNumbers('+33 12', {}));
		expect(error.problem).toBe('"+33 12" is not a valid international phone number');
	});
});

describe('Klen AI\'s Custom Context merges pairs and JSON objects', () => {
	const context = (customContext: unknown) => body(klenAiContactFields, { firstName: 'A', customContext: customContext as IDataObject }).custom_context;

	it('pairs only', () => {
		expect(
			context({
				values: [
					{ key: ' source ', value: ' sheet ' },
					{ key: 'score', value: 5 },
				],
			}),
		).toEqual({ source: 'sheet', score: 5 });
	});

	it('JSON objects only, merged in order', () => {
		expect(context({ json: [{ object: '{"a": 1, "b": 1}' }, { object: { b: 2 } }] })).toEqual({ a: 1, b: 2 });
	});

	it('pairs and JSON merged, the pairs winning on the same key', () => {
		expect(
			context({
				values: [{ key: 'source', value: 'pair' }],
				json: [{ object: '{"source": "json", "score": 5}' }],
			}),
		).toEqual({ source: 'pair', score: 5 });
	});

	it('rows without a key are skipped', () => {
		expect(context({ values: [{ key: '', value: 'x' }, { key: 'k', value: 'v' }] })).toEqual({ k: 'v' });
	});

	it('JSON text from an expression', () => {
		expect(context('{"plan": "pro"}')).toEqual({ plan: 'pro' });
	});

	it('a plain object from an expression', () => {
		expect(context({ plan: 'pro' })).toEqual({ plan: 'pro' });
	});

	it('invalid JSON is refused, naming the field', () => {
		const error = errorOf(ContactFieldError, () => context({ json: [{ object: '{plan: pro}' }] }));
		expect(error.message).toBe('Custom Context: "{plan: pro}" is not a JSON object');
	});

	it('nothing given: left out', () => {
		expect(body(klenAiContactFields, { firstName: 'A', customContext: { values: [{ key: '', value: '' }] } })).toEqual({
			first_name: 'A',
		});
	});
});

describe('regressions', () => {
	it('a Primary row whose cell holds two numbers marks only the first primary', () => {
		expect(readKlenPhoneNumbers({ number: [{ phoneNumber: '+33612345678, +33781234567', primary: true }] }, {})).toEqual([
			{ phone_number: '+33612345678', primary: true, do_not_call: false },
			{ phone_number: '+33781234567', primary: false, do_not_call: false },
		]);
	});
});
