import type { ContactField } from '../../../common/input/fields';
import { readContext } from '../../../common/input/values';
import { phoneNumbersProperty, readKlenPhoneNumbers } from './phoneNumbers';

/** The statuses and stages Klen AI documents; an account may have others (typed with an expression). */
export const KLEN_STATUSES = [{ name: 'Not Contacted', value: 'not_contacted' }];
export const KLEN_STAGES = [{ name: 'Lead', value: 'lead' }];

const contextProperty = (what: string) => ({
	type: 'fixedCollection' as const,
	default: {},
	placeholder: `Add ${what}`,
	typeOptions: { multipleValues: true },
	options: [
		{
			displayName: 'Pair',
			name: 'values',
			values: [
				{ displayName: 'Key', name: 'key', type: 'string' as const, default: '' },
				{ displayName: 'Value', name: 'value', type: 'string' as const, default: '' },
			],
		},
		{
			displayName: 'JSON Object',
			name: 'json',
			values: [
				{
					displayName: 'Object',
					name: 'object',
					type: 'json' as const,
					default: '{}',
					description: 'A JSON object; its keys are merged with the pairs',
				},
			],
		},
	],
});

/** Klen AI's contact fields, as documented for POST /contacts/create (seed 003). */
export const klenAiContactFields: ContactField[] = [
	{
		name: 'firstName',
		apiField: 'first_name',
		displayName: 'First Name',
		kind: 'string',
		required: true,
		description: 'First name of the contact',
	},
	{ name: 'lastName', apiField: 'last_name', displayName: 'Last Name', kind: 'string', description: 'Last name of the contact' },
	{ name: 'email', apiField: 'email', displayName: 'Email', kind: 'email', description: 'Email address of the contact' },
	{ name: 'company', apiField: 'company', displayName: 'Company', kind: 'string', description: 'Company or organization name' },
	{
		name: 'website',
		apiField: 'website',
		displayName: 'Website',
		kind: 'url',
		description: 'Company or personal website URL. An address without https:// (www.example.com) is sent with it.',
	},
	{ name: 'address', apiField: 'address', displayName: 'Address', kind: 'string', description: 'Street address' },
	{ name: 'city', apiField: 'city', displayName: 'City', kind: 'string', description: 'City' },
	{ name: 'state', apiField: 'state', displayName: 'State', kind: 'string', description: 'State or province' },
	{ name: 'zipCode', apiField: 'zip_code', displayName: 'Zip Code', kind: 'string', description: 'Postal or ZIP code' },
	{
		name: 'country',
		apiField: 'country',
		displayName: 'Country',
		kind: 'string',
		isContactCountry: true,
		placeholder: 'e.g. FR',
		description:
			'Country, as a code or a name. Not sent when empty: Klen AI then sets US. Also reads phone numbers written without a + when Options › Default Country for Phone Numbers is empty.',
	},
	{
		name: 'status',
		apiField: 'status',
		displayName: 'Status',
		kind: 'options',
		options: KLEN_STATUSES,
		description:
			'Contact status. Not sent when empty: Klen AI then sets not_contacted. Choose the value Klen AI documents, or type another status of your account with an expression.',
	},
	{
		name: 'stage',
		apiField: 'stage',
		displayName: 'Stage',
		kind: 'options',
		options: KLEN_STAGES,
		description:
			'Contact stage. Not sent when empty: Klen AI then sets lead. Choose the value Klen AI documents, or type another stage of your account with an expression.',
	},
	{
		name: 'teamId',
		apiField: 'team_id',
		displayName: 'Team ID',
		kind: 'integer',
		minimum: 1,
		placeholder: 'e.g. 12',
		description:
			'ID of the team to assign the contact to (a whole number); the key’s user must have access to the team. Not sent when empty: the contact is then associated with no team.',
	},
	{
		name: 'tags',
		apiField: 'tags',
		displayName: 'Tags',
		kind: 'stringList',
		placeholder: 'e.g. vip, newsletter',
		description: 'Tag names, separated by commas, or an array',
		updateDescription: 'Tag names, separated by commas, or an array. Replaces ALL the contact’s tags.',
	},
	{
		name: 'phoneNumbers',
		apiField: 'phone_numbers',
		displayName: 'Phone Numbers',
		kind: 'custom',
		// Version 2 shows it at the top of Create and Create or Update, as the other nodes show their phone.
		topLevelFrom: 2,
		description:
			'Phone numbers, each with its type and flags, sent in E.164. A national number (06 12 34 56 78) needs Options › Default Country for Phone Numbers, or the contact’s Country; +33 6 12 34 56 78 needs neither.',
		updateDescription:
			'Phone numbers, each with its type and flags. Replaces ALL the contact’s numbers: give every number the contact should keep. A national number needs Options › Default Country for Phone Numbers, or the contact’s Country.',
		property: phoneNumbersProperty,
		read: readKlenPhoneNumbers,
	},
	{
		name: 'customContext',
		apiField: 'custom_context',
		displayName: 'Custom Context',
		kind: 'custom',
		description: 'Custom fields and data, as key/value pairs or a JSON object',
		property: contextProperty('Custom Context'),
		read: (value) => readContext(value),
	},
	{
		name: 'industryContext',
		apiField: 'industry_context',
		displayName: 'Industry Context',
		kind: 'custom',
		description: 'Industry-specific information, as key/value pairs or a JSON object',
		property: contextProperty('Industry Context'),
		read: (value) => readContext(value),
	},
];
