import type { INodeProperties } from 'n8n-workflow';
import { getCountries } from '../input/phoneLibrary';

function countryOptions() {
	const names = new Intl.DisplayNames(['en'], { type: 'region' });
	return [
		{ name: 'None (Numbers Must Be International)', value: '' },
		...getCountries()
			.map((code) => ({ name: `${names.of(code) ?? code} (${code})`, value: code as string }))
			.sort((a, b) => a.name.localeCompare(b.name)),
	];
}

/** The operations that read phone numbers: the only ones where Default Country means something. */
export const PHONE_READING_OPERATIONS = ['create', 'update', 'upsert'];

export const defaultCountryOption: INodeProperties = {
	displayName: 'Default Country for Phone Numbers',
	name: 'defaultCountry',
	type: 'options',
	options: countryOptions(),
	default: '',
	description:
		'The country used to read phone numbers written without + or 00, such as 06 12 34 56 78 (France) or (416) 555-0100 (United States). It does not set the contact’s country: fill the contact’s own Country field for that. Numbers starting with + or 00 are read as international whatever this says.',
	// `/operation`: the node's Operation parameter, seen from inside the Options collection.
	displayOptions: { show: { '/operation': PHONE_READING_OPERATIONS } },
};

export function requestsPerMinuteOption(providerName: string, lowest: number, where: string): INodeProperties {
	return {
		displayName: 'Requests per Minute',
		name: 'requestsPerMinute',
		type: 'number',
		typeOptions: { minValue: 0, numberPrecision: 0 },
		default: lowest,
		description: `The rate limit of your ${providerName} plan: the node never sends faster. ${where} With several n8n workers (queue mode), give each its share. 0 turns pacing off ("too many requests" answers are still waited out).`,
	};
}

export const maxRateLimitWaitOption: INodeProperties = {
	displayName: 'Max Rate-Limit Wait (Seconds)',
	name: 'maxRateLimitWait',
	type: 'number',
	typeOptions: { minValue: 0 },
	default: 300,
	description:
		'How long one item may wait in total for the provider to accept it after "too many requests" answers, before it fails',
};

/** The node-wide `options` collection, shown on every operation of the resource. */
export function optionsCollection(operations: string[], options: INodeProperties[]): INodeProperties {
	return {
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: { show: { resource: ['contact'], operation: operations } },
		options,
	};
}

/** The operations that change data: the only ones Dry Run means something on. */
export const WRITE_OPERATIONS = ['create', 'update', 'upsert', 'delete', 'merge'];

/**
 * Options › Dry Run, read by common/sending/dryRun.ts: every row is read, checked and built
 * as in a real run, and the node outputs what it would send instead of sending it.
 */
export const dryRunOption: INodeProperties = {
	displayName: 'Dry Run',
	name: 'dryRun',
	type: 'boolean',
	default: false,
	description:
		'Whether to send nothing that changes data: each row outputs the request a real run would send (method, path, body), or the error it would get. Create or Update still searches, to say whether it would create or update.',
	// `/operation`: the node's Operation parameter, seen from inside the Options collection.
	displayOptions: { show: { '/operation': WRITE_OPERATIONS } },
};

/**
 * Options › Lookup Strategy, on Create or Update of the providers that can list their contacts
 * (read by common/operations/contactIndex.ts).
 */
export const lookupStrategyOption: INodeProperties = {
	displayName: 'Lookup Strategy',
	name: 'lookupStrategy',
	type: 'options',
	default: 'auto',
	options: [
		{
			name: 'Automatic',
			value: 'auto',
			description:
				'Read the account’s contacts once and match every row against them, when that takes fewer requests than searching for each row (the first page of contacts tells); otherwise search for each row',
		},
		{
			name: 'Search for Each Row',
			value: 'search',
			description: 'Search for each row’s contact, whatever the size of the account',
		},
	],
	description: 'How Create or Update finds the contacts the rows describe',
	// `/operation`: the node's Operation parameter, seen from inside the Options collection.
	displayOptions: { show: { '/operation': ['upsert'] } },
};

/**
 * Options › Request Timeout, read by common/sending/send.ts (30 s when the option is absent).
 * A deadline for the whole request, first byte to last: a server that answers a byte now
 * and then does not keep a row waiting longer.
 */
export const requestTimeoutOption: INodeProperties = {
	displayName: 'Request Timeout (Seconds)',
	name: 'requestTimeout',
	type: 'number',
	typeOptions: { minValue: 1 },
	default: 30,
	description:
		'How long one request may take, from sending to the last byte of the answer, before it is abandoned. A request that is safe to repeat (Get, Update, a search) is tried once more after a timeout; a create that times out is reported as possibly created.',
};
