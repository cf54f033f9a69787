import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { type FieldContext, NATIONAL_NUMBER_HINT } from '../../../common/input/fields';
import { normalizePhoneNumbers } from '../../../common/input/phone';
import { FieldError, isBlank, readBoolean, readString } from '../../../common/input/values';

export const PHONE_TYPES = ['mobile', 'work', 'home', 'other'];

/** Rows of Klen's Phone Numbers: each number with its type and flags. */
export const phoneNumbersProperty: Partial<INodeProperties> = {
	type: 'fixedCollection',
	default: {},
	placeholder: 'Add Phone Number',
	typeOptions: { multipleValues: true },
	options: [
		{
			displayName: 'Number',
			name: 'number',
			values: [
				{
					displayName: 'Phone Number',
					name: 'phoneNumber',
					type: 'string',
					default: '',
					placeholder: 'e.g. +1 415 555 0100',
					description:
						'The number; sent in E.164. A national number (06 12 34 56 78) needs Options › Default Country for Phone Numbers, or the contact’s Country. A cell holding several numbers (separated by commas, semicolons or new lines) gives one number each, with the type and flags below.',
					hint: NATIONAL_NUMBER_HINT,
				},
				{
					displayName: 'Phone Type',
					name: 'phoneType',
					type: 'options',
					options: PHONE_TYPES.map((type) => ({ name: type[0].toUpperCase() + type.slice(1), value: type })),
					default: 'mobile',
					description: 'Type of phone. Klen AI also accepts other types: use an expression to send one.',
				},
				{
					displayName: 'Primary',
					name: 'primary',
					type: 'boolean',
					default: false,
					description:
						'Whether this is the primary number (the first of the cell, when it holds several). When no number is primary, the first one is.',
				},
				{
					displayName: 'Do Not Call',
					name: 'doNotCall',
					type: 'boolean',
					default: false,
					description: 'Whether this number is on the do-not-call list',
				},
			],
		},
	],
};

interface PhoneRow {
	phoneNumber?: unknown;
	phoneType?: unknown;
	primary?: unknown;
	doNotCall?: unknown;
}

/**
 * Klen's `phone_numbers`: rows of the fixedCollection, or (from an expression or an AI tool)
 * a plain cell "06 12 34 56 78, 07 ..." or an array of numbers. Numbers are normalised to
 * E.164 and de-duplicated; the first is made primary when none is flagged.
 */
export function readKlenPhoneNumbers(value: unknown, context: FieldContext): IDataObject[] | undefined {
	if (isBlank(value)) return undefined;
	const rows: PhoneRow[] =
		typeof value === 'string' || typeof value === 'number' || Array.isArray(value)
			? [{ phoneNumber: value }]
			: (((value as IDataObject).number as PhoneRow[] | undefined) ?? []);

	const numbers: IDataObject[] = [];
	for (const row of rows) {
		if (!row || isBlank(row.phoneNumber)) continue;
		const phoneType = readString(row.phoneType);
		const primary = readBoolean(row.primary) ?? false;
		const doNotCall = readBoolean(row.doNotCall) ?? false;
		// A row whose cell holds several numbers marks only its first one primary.
		normalizePhoneNumbers(row.phoneNumber as string, context).forEach((e164, index) => {
			if (numbers.some((entry) => entry.phone_number === e164)) return;
			numbers.push({
				phone_number: e164,
				...(phoneType ? { phone_type: phoneType } : {}),
				primary: primary && index === 0,
				do_not_call: doNotCall,
			});
		});
	}
	if (numbers.length === 0) return undefined;
	const primaries = numbers.filter((entry) => entry.primary);
	if (primaries.length > 1) {
		throw new FieldError(
			`${primaries.length} numbers are marked primary (${primaries.map((entry) => entry.phone_number).join(', ')})`,
			'Mark at most one number as Primary.',
			value,
		);
	}
	if (primaries.length === 0) numbers[0].primary = true;
	return numbers;
}
