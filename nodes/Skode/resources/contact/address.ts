import type { INodeProperties } from 'n8n-workflow';

import { FieldError, describeValue, isBlank, readString } from '../../../common/input/values';

/** The parts of Skode's `address` object (seed 002), in its own names. */
const PARTS = [
	{ name: 'street', displayName: 'Street', placeholder: 'e.g. 123 Innovation Drive' },
	{ name: 'city', displayName: 'City', placeholder: 'e.g. San Francisco' },
	{ name: 'state', displayName: 'State', placeholder: 'e.g. CA' },
	{ name: 'zip', displayName: 'Zip', placeholder: 'e.g. 94105' },
	{
		name: 'country',
		displayName: 'Country',
		placeholder: 'e.g. US',
		description: 'Country, as Skode AI shows it (e.g. US). Also used to read phone numbers written without a + when Options › Default Country for Phone Numbers is not set.',
	},
];

/** One group of the five parts: in the editor, Address › Add Address, then fill what you have. */
export const addressProperty: Partial<INodeProperties> = {
	type: 'fixedCollection',
	default: {},
	placeholder: 'Add Address',
	options: [
		{
			displayName: 'Address',
			name: 'value',
			values: PARTS.map(({ name, displayName, placeholder, description }) => ({
				displayName,
				name,
				type: 'string' as const,
				default: '',
				placeholder,
				...(description ? { description } : {}),
			})),
		},
	],
};

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The address as given: the fixedCollection's `{ value: {…} }`, or an object (or JSON text) from an expression. */
function partsOf(value: unknown): Record<string, unknown> {
	let parsed = value;
	if (typeof value === 'string') {
		try {
			parsed = JSON.parse(value);
		} catch {
			parsed = undefined;
		}
	}
	if (!isObject(parsed)) {
		throw new FieldError(`${describeValue(value)} is not an address`, 'Fill the address parts, or give an object such as {"city": "Boston", "country": "US"}.', value);
	}
	return Object.keys(parsed).length === 1 && isObject(parsed.value) ? parsed.value : parsed;
}

/** Skode's `address`: the parts given, trimmed; empty parts are left out, and no part at all means no address. */
export function readAddress(value: unknown): Record<string, string> | undefined {
	if (isBlank(value)) return undefined;
	const parts = partsOf(value);
	const address: Record<string, string> = {};
	for (const [key, raw] of Object.entries(parts)) {
		if (!PARTS.some((part) => part.name === key)) {
			throw new FieldError(`"${key}" is not a part of an address`, `Use only ${PARTS.map((part) => part.name).join(', ')}.`, value);
		}
		const text = readString(raw);
		if (text !== undefined) address[key] = text;
	}
	return Object.keys(address).length ? address : undefined;
}

/** The address's country, for reading phone numbers: whatever the address holds, unchecked. */
export function addressCountry(value: unknown): unknown {
	try {
		return isBlank(value) ? undefined : partsOf(value).country;
	} catch {
		return undefined;
	}
}
