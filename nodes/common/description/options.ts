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
