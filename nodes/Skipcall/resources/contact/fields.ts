import { type ContactField, NATIONAL_NUMBER_HINT } from '../../../common/input/fields';
import { readKeyValues } from '../../../common/input/values';

/** Skipcall's contact fields, as documented for POST /contacts and PATCH /contacts/{id}. */
export const skipcallContactFields: ContactField[] = [
	{
		name: 'firstName',
		apiField: 'firstName',
		displayName: 'First Name',
		kind: 'string',
		required: true,
		minLength: 1,
		maxLength: 100,
		description: 'First name of the contact (1–100 characters)',
	},
	{
		name: 'lastName',
		apiField: 'lastName',
		displayName: 'Last Name',
		kind: 'string',
		required: true,
		minLength: 1,
		maxLength: 100,
		description: 'Last name of the contact (1–100 characters)',
	},
	{
		name: 'phoneNumbers',
		apiField: 'phoneNumbers',
		displayName: 'Phone Numbers',
		kind: 'phoneNumbers',
		required: true,
		minItems: 1,
		maxItems: 20,
		placeholder: 'e.g. +33 6 12 34 56 78, 06 98 76 54 32',
		description:
			'1–20 phone numbers, separated by commas, semicolons or new lines, or an array from an expression. Sent in E.164 (+33612345678). A national number (06 12 34 56 78) needs Options › Default Country for Phone Numbers, or the contact’s Country.',
		updateDescription:
			'1–20 phone numbers. Replaces ALL the contact’s existing numbers: give every number the contact should keep. Separated by commas, semicolons or new lines, or an array; sent in E.164. A national number needs Options › Default Country for Phone Numbers, or the contact’s Country.',
		hint: NATIONAL_NUMBER_HINT,
	},
	{
		name: 'email',
		apiField: 'email',
		displayName: 'Email',
		kind: 'email',
		description: 'Email address of the contact',
	},
	{
		name: 'company',
		apiField: 'company',
		displayName: 'Company',
		kind: 'string',
		maxLength: 200,
		description: 'Company name (at most 200 characters)',
	},
	{
		name: 'city',
		apiField: 'city',
		displayName: 'City',
		kind: 'string',
		maxLength: 200,
		description: 'City (at most 200 characters)',
	},
	{
		name: 'country',
		apiField: 'country',
		displayName: 'Country',
		kind: 'string',
		maxLength: 200,
		isContactCountry: true,
		description:
			'Country, as a name or a code (at most 200 characters). Also used to read phone numbers written without a + when Options › Default Country for Phone Numbers is not set.',
	},
	{
		name: 'url',
		apiField: 'url',
		displayName: 'Website URL',
		kind: 'url',
		placeholder: 'https://example.com',
		description: 'Website URL. An address without https:// (www.example.com) is sent with it.',
	},
	{
		name: 'linkedinUrl',
		apiField: 'linkedinUrl',
		displayName: 'LinkedIn URL',
		kind: 'url',
		placeholder: 'https://linkedin.com/in/johndoe',
		description: 'LinkedIn profile URL',
	},
	{
		name: 'linkedinSalesUrl',
		apiField: 'linkedinSalesUrl',
		displayName: 'LinkedIn Sales Navigator URL',
		kind: 'url',
		placeholder: 'https://linkedin.com/sales/people/johndoe',
		description: 'LinkedIn Sales Navigator URL',
	},
	{
		name: 'role',
		apiField: 'role',
		displayName: 'Role',
		kind: 'string',
		maxLength: 200,
		description: 'Role or job title (at most 200 characters)',
	},
	{
		name: 'allowPhoneCalls',
		apiField: 'allowPhoneCalls',
		displayName: 'Allow Phone Calls',
		kind: 'boolean',
		description: 'Whether the contact accepts phone calls. Not sent when empty: Skipcall then assumes Yes (on Create) or keeps the contact’s setting (on Update).',
	},
	{
		name: 'customFields',
		apiField: 'customFields',
		displayName: 'Custom Fields',
		kind: 'custom',
		description:
			'Values of custom fields that already exist in Skipcall, keyed by the field’s slug. Choose a field from the list or type its slug.',
		updateDescription:
			'Custom field values to change, keyed by the field’s slug. Only the fields given are updated; the others keep their values.',
		property: {
			type: 'fixedCollection',
			default: {},
			placeholder: 'Add Custom Field',
			typeOptions: { multipleValues: true },
			options: [
				{
					displayName: 'Field',
					name: 'field',
					values: [
						{
							displayName: 'Field Name or ID',
							name: 'key',
							type: 'options',
							typeOptions: { loadOptionsMethod: 'getCustomFields' },
							default: '',
							description:
								'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
						},
						{
							displayName: 'Value',
							name: 'value',
							type: 'string',
							default: '',
						},
					],
				},
			],
		},
		read: (value) => readKeyValues(value, 'field'),
	},
];
