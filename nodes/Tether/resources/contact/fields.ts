import type { IDataObject } from 'n8n-workflow';

import type { ContactField, FieldContext } from '../../../common/input/fields';
import { type PhoneInput, normalizePhoneNumbers } from '../../../common/input/phone';
import { FieldError, describeValue, isBlank, readBoolean, readString } from '../../../common/input/values';

/**
 * Tether's `phoneNumber`: entries `{value, isPrimary}` in E.164, exactly one primary (seed 004).
 * Read from a cell ("416-555-0100; +1 416 555 0101"), an array of numbers, or entries
 * `{value, isPrimary}` given by an expression (a Tether contact's own `phoneNumber`). The first
 * number is primary unless an entry says otherwise; numbers given twice are sent once.
 */
export function readTetherPhoneNumbers(value: unknown, context: FieldContext): IDataObject[] | undefined {
	if (isBlank(value)) return undefined;
	const entries = Array.isArray(value) ? value : [value];
	const numbers: Array<{ value: string; isPrimary: boolean }> = [];
	for (const entry of entries) {
		const isEntry = entry !== null && typeof entry === 'object' && !Array.isArray(entry);
		const raw = isEntry ? (entry as IDataObject).value : entry;
		const primary = isEntry ? (readBoolean((entry as IDataObject).isPrimary) ?? false) : false;
		normalizePhoneNumbers(raw as PhoneInput, { defaultCountry: context.defaultCountry }).forEach((e164, index) => {
			const known = numbers.find((number) => number.value === e164);
			if (known) known.isPrimary ||= primary && index === 0;
			else numbers.push({ value: e164, isPrimary: primary && index === 0 });
		});
	}
	if (numbers.length === 0) return undefined;
	const primaries = numbers.filter((number) => number.isPrimary);
	if (primaries.length > 1) {
		throw new FieldError(
			`${primaries.length} numbers are marked primary (${primaries.map((number) => number.value).join(', ')})`,
			'Mark exactly one number with isPrimary: true, or none (the first is then primary).',
			value,
		);
	}
	if (primaries.length === 0) numbers[0].isPrimary = true;
	return numbers;
}

/** Update's Pipeline Stage: a stage ID, or "clear" (or null from an expression) to take the contact out of its stage. */
export function readStageOrClear(value: unknown): string | null | undefined {
	if (value === null) return null;
	const text = readString(value);
	if (text === undefined) return undefined;
	return /^clear$/i.test(text) ? null : text;
}

const phoneNumbers: ContactField = {
	name: 'phoneNumbers',
	apiField: 'phoneNumber',
	displayName: 'Phone Numbers',
	kind: 'custom',
	required: true,
	placeholder: 'e.g. +1 416 555 0100, +1 416 555 0101',
	description:
		'One or more phone numbers, separated by commas, semicolons or new lines (or an array). The first is the primary number. Sent in E.164; a national number (416-555-0100) needs Options › Default Country for Phone Numbers. A number can belong to one contact of your organisation only.',
	updateDescription:
		'Replaces ALL the contact’s numbers: give every number it should keep, the primary first. Separated by commas, semicolons or new lines; sent in E.164.',
	hint: 'A national number (416-555-0100) needs Options › Default Country for Phone Numbers. +1… or 001… needs neither.',
	read: (value, context) => readTetherPhoneNumbers(value, context),
};

const status: ContactField = {
	name: 'status',
	apiField: 'status',
	displayName: 'Status',
	kind: 'string',
	placeholder: 'e.g. New',
	description:
		'The name of a stage of the contact’s pipeline, as spelled in Tether (e.g. New, Qualified). Without it, a new contact starts in the pipeline’s first stage.',
};

const pipelineStage: ContactField = {
	name: 'pipelineStage',
	apiField: 'pipelineStage',
	displayName: 'Pipeline Stage',
	kind: 'string',
	placeholder: 'e.g. 64f0a1b2c3d4e5f6a7b8c9d2',
	description: 'The ID of a stage of the contact’s pipeline. With Status too, both must name the same stage.',
};

const pipelineId: ContactField = {
	name: 'pipelineId',
	apiField: 'pipelineId',
	displayName: 'Pipeline ID',
	kind: 'string',
	placeholder: 'e.g. 64f0a1b2c3d4e5f6a7b8c9d1',
	description: 'The ID of the contact pipeline. Without it, a new contact goes to your organisation’s active contact pipeline.',
};

/** Create and Create or Update: every field of POST /api/contact (seed 004). */
export const tetherCreateFields: ContactField[] = [
	phoneNumbers,
	{ name: 'firstName', apiField: 'firstName', displayName: 'First Name', kind: 'string', description: 'First name of the contact' },
	{ name: 'lastName', apiField: 'lastName', displayName: 'Last Name', kind: 'string', description: 'Last name of the contact' },
	{
		name: 'email',
		apiField: 'email',
		displayName: 'Email',
		kind: 'email',
		description: 'Email address of the contact. Tether offers no way to change it later.',
	},
	{
		name: 'process',
		apiField: 'process',
		displayName: 'Process',
		kind: 'string',
		description: 'A process or workflow tag, kept with the contact',
	},
	status,
	pipelineStage,
	pipelineId,
];

/**
 * Update: what PATCH /api/contacts/{id} can change. Tether documents no way to change names,
 * email or process (README, "What Tether cannot change").
 */
export const tetherUpdateFields: ContactField[] = [
	status,
	{
		...pipelineStage,
		kind: 'custom',
		description:
			'The ID of a stage of the contact’s pipeline. Type clear (or give null with an expression) to take the contact out of its stage.',
		read: (value) => readStageOrClear(value),
	},
	pipelineId,
	phoneNumbers,
];

/** The fields of a create that an update can send too (Create or Update's update). */
export const UPDATABLE_API_FIELDS = tetherUpdateFields.map((field) => field.apiField);

/** A stage cannot be named while the stage is cleared: Tether refuses it. */
export function checkClearedStage(body: IDataObject): void {
	if (body.pipelineStage === null && body.status !== undefined) {
		throw new FieldError(
			`Status is ${describeValue(body.status)} while Pipeline Stage is cleared`,
			'Either clear Pipeline Stage or set Status, not both.',
			body.status,
		);
	}
}
