import type { ContactField } from '../../../common/input/fields';
import { type PhoneInput, type PhoneOptions, normalizePhoneNumbers } from '../../../common/input/phone';
import { FieldError, describeValue, isBlank, readContext } from '../../../common/input/values';
import { addressCountry, addressProperty, readAddress } from './address';

/**
 * A field that holds ONE phone number (Skode keeps one per contact), read like any phone cell
 * and sent in E.164. A cell with several different numbers is refused, naming them: keeping
 * the first would drop the others without anyone noticing. The same number written twice
 * ("+33 6 12 34 56 78; 06 12 34 56 78") is one number.
 */
export function normalizeSinglePhone(input: unknown, options: Omit<PhoneOptions, 'minItems' | 'maxItems'> = {}): string | undefined {
	if (isBlank(input)) return undefined;
	const numbers = normalizePhoneNumbers(input as PhoneInput, options);
	if (numbers.length > 1) {
		throw new FieldError(
			`${describeValue(input)} holds ${numbers.length} different phone numbers (${numbers.join(', ')}), but this field takes one`,
			'Keep one number in the cell; put the others in another field (such as Custom Fields) or another contact.',
			input,
		);
	}
	return numbers[0];
}

/**
 * Custom field values, as key/value rows, JSON objects, or both (rows win). Empty values are
 * left out, so that an empty cell changes nothing on Update.
 */
function readCustomFields(value: unknown): Record<string, unknown> | undefined {
	const pairs = readContext(value);
	if (!pairs) return undefined;
	const given = Object.entries(pairs).filter(([, fieldValue]) => fieldValue !== undefined && fieldValue !== '');
	return given.length ? Object.fromEntries(given) : undefined;
}

/** Skode AI's contact fields, as documented for POST /contacts and PATCH /contacts/{id} (seed 002). */
export const skodeContactFields: ContactField[] = [
	{
		name: 'name',
		apiField: 'name',
		displayName: 'Name',
		kind: 'string',
		required: true,
		// n8n 1.x's editor offers no "let the model define this" for a parameter called `name`.
		renamedFrom: { version: 2, name: 'fullName', displayName: 'Full Name' },
		placeholder: 'e.g. Sarah Johnson',
		description: 'Full name of the contact',
	},
	{
		name: 'email',
		apiField: 'email',
		displayName: 'Email',
		kind: 'email',
		required: true,
		requiredOneOf: 'emailOrPhone',
		description: 'Email address. Give Email, Phone or both. Skode AI keeps one contact per email: Create refuses an email it already has, Create or Update updates that contact.',
		updateDescription: 'Email address. Skode AI keeps one contact per email: an email another contact has is refused.',
	},
	{
		name: 'phone',
		apiField: 'phone',
		displayName: 'Phone',
		kind: 'custom',
		required: true,
		requiredOneOf: 'emailOrPhone',
		placeholder: 'e.g. +1 415 555 0456',
		description:
			'One phone number, sent in E.164 (+14155550456); numbers without a + are read with Options › Default Country for Phone Numbers, then the address’s country. Give Email, Phone or both. A cell with several numbers is refused: Skode AI keeps one phone per contact.',
		updateDescription:
			'One phone number, sent in E.164 (+14155550456); replaces the contact’s phone. Numbers without a + are read with Options › Default Country for Phone Numbers, then the address’s country.',
		hint: 'A national number (06 12 34 56 78) needs Options › Default Country for Phone Numbers, or the Address’s Country. +33… or 0033… needs neither.',
		read: (value, context) => normalizeSinglePhone(value, context),
	},
	{ name: 'company', apiField: 'company', displayName: 'Company', kind: 'string', placeholder: 'e.g. TechCorp', description: 'Company name' },
	{ name: 'title', apiField: 'title', displayName: 'Title', kind: 'string', placeholder: 'e.g. VP of Engineering', description: 'Job title' },
	{
		name: 'address',
		apiField: 'address',
		displayName: 'Address',
		kind: 'custom',
		isContactCountry: true,
		countryOf: addressCountry,
		description: 'Street, city, state, zip and country; empty parts are left out',
		updateDescription:
			'Street, city, state, zip and country. Give every part the address should have: Skode AI may replace the whole address with the parts sent.',
		property: addressProperty,
		read: readAddress,
	},
	{
		name: 'tags',
		apiField: 'tags',
		displayName: 'Tags',
		kind: 'stringList',
		placeholder: 'e.g. enterprise, decision-maker',
		description: 'Tags, separated by commas or semicolons, or an array',
		updateDescription: 'Tags, separated by commas or semicolons, or an array. Replaces ALL the contact’s tags: give every tag it should keep.',
	},
	{
		name: 'customFields',
		apiField: 'custom_fields',
		displayName: 'Custom Fields',
		kind: 'custom',
		description: 'Custom field values by key (such as linkedin or preferred_contact), as pairs, JSON objects, or both. Empty values are left out.',
		updateDescription: 'Custom field values to change, by key, as pairs, JSON objects, or both. Only the keys given change; empty values are left out.',
		property: {
			type: 'fixedCollection',
			default: {},
			placeholder: 'Add Custom Field',
			typeOptions: { multipleValues: true },
			options: [
				{
					displayName: 'Field',
					name: 'values',
					values: [
						{ displayName: 'Key', name: 'key', type: 'string', default: '', placeholder: 'e.g. linkedin' },
						{ displayName: 'Value', name: 'value', type: 'string', default: '' },
					],
				},
				{
					displayName: 'JSON Object',
					name: 'json',
					values: [
						{
							displayName: 'Object',
							name: 'object',
							type: 'json',
							default: '{}',
							description: 'A JSON object of custom field values, typed or from an expression; its keys are merged with the fields',
						},
					],
				},
			],
		},
		read: readCustomFields,
	},
];
