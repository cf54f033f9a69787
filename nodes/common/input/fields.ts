import type { IDataObject, INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { normalizePhoneNumbers } from './phone';
import {
	FieldError,
	checkLength,
	isBlank,
	readBoolean,
	readEmail,
	readInteger,
	readString,
	readStringList,
	readUrl,
} from './values';

/**
 * One contact field of a provider, written once: the Create parameters, the Update
 * collection and the request body are all built from it.
 */
export interface ContactField {
	/** Parameter name: the API field in camelCase (interface.md). */
	name: string;
	/** Key in the request body. */
	apiField: string;
	displayName: string;
	/** What the field does and its documented limits, in sentence case. */
	description: string;
	kind:
		| 'string'
		| 'email'
		| 'url'
		| 'boolean'
		| 'integer'
		| 'options'
		| 'stringList'
		| 'phoneNumbers'
		| 'custom';
	/** Required by the API on create: shown as a top-level parameter there. */
	required?: boolean;
	/**
	 * From this node version on, an optional field shown as a top-level parameter of Create (and
	 * Create or Update) rather than in Additional Fields (Klen AI version 2's Phone Numbers). The
	 * older versions keep it where their saved workflows have it.
	 */
	topLevelFrom?: number;
	/**
	 * From this node version on, the field's parameter has another name (Skode AI version 2:
	 * `fullName`, sent as `name`): n8n 1.x offers no "let the model define this" for a parameter
	 * called `name`. The older versions keep the name their saved workflows have.
	 */
	renamedFrom?: { version: number; name: string; displayName: string };
	minLength?: number;
	maxLength?: number;
	minItems?: number;
	maxItems?: number;
	/** Smallest accepted value of an `integer` field. */
	minimum?: number;
	placeholder?: string;
	/**
	 * Shown under the field at all times (the description is a tooltip): what a user must know
	 * before filling it in, such as "a national number needs Options › Default Country for Phone Numbers".
	 */
	hint?: string;
	/**
	 * Documented values of an `options` field, offered in its list; any other value of the
	 * account can be typed with an expression. Every field starts empty, so that adding it
	 * to a collection sends nothing until it is given a value: a provider's own default is
	 * said in the description, never set as the parameter’s default.
	 */
	options?: INodePropertyOptions[];
	/** Description on Update where it differs (e.g. "replaces all numbers"). */
	updateDescription?: string;
	/** This field holds the contact's country, which phone parsing uses as a hint. */
	isContactCountry?: boolean;
	/** Where the country is inside a structured field's value (Skode's `address.country`). */
	countryOf?: (value: unknown) => unknown;
	/**
	 * With `required`: the API needs a value in at least one field of this group rather than in
	 * each (Skode: email or phone). Each is a top-level parameter of Create, optional on its own.
	 */
	requiredOneOf?: string;
	/** UI details for structured fields (fixedCollection rows, loaders). */
	property?: Partial<INodeProperties>;
	/** Conversion for structured fields (kind `custom`). */
	read?: (value: unknown, context: FieldContext) => unknown;
}

/** Shown under every phone-number field: a national number is read only with a country. */
export const NATIONAL_NUMBER_HINT =
	'A national number (06 12 34 56 78) needs Options › Default Country for Phone Numbers, or the contact’s Country. +33… or 0033… needs neither.';

export interface FieldContext {
	defaultCountry?: string;
	contactCountry?: unknown;
}

export type BodyMode = 'create' | 'update';

/** Converts and checks one field's value; `undefined` means "leave it out of the body". */
export function readField(field: ContactField, value: unknown, context: FieldContext): unknown {
	switch (field.kind) {
		case 'string':
		case 'options': {
			const text = readString(value);
			if (text !== undefined) checkLength(text, field.minLength, field.maxLength);
			return text;
		}
		case 'email':
			return readEmail(value);
		case 'url': {
			const url = readUrl(value);
			if (url !== undefined) checkLength(url, field.minLength, field.maxLength);
			return url;
		}
		case 'boolean':
			return readBoolean(value);
		case 'integer': {
			const integer = readInteger(value);
			if (integer !== undefined && field.minimum !== undefined && integer < field.minimum) {
				throw new FieldError(`${integer} is below ${field.minimum}`, `Give a whole number of at least ${field.minimum}.`, value);
			}
			return integer;
		}
		case 'stringList': {
			const list = readStringList(value);
			list?.forEach((item) => checkLength(item, field.minLength, field.maxLength));
			if (list && field.maxItems !== undefined && list.length > field.maxItems) {
				throw new FieldError(`${list.length} values given, more than the ${field.maxItems} allowed`, `Keep at most ${field.maxItems}.`, value);
			}
			return list;
		}
		case 'phoneNumbers':
			if (isBlank(value)) return undefined;
			return normalizePhoneNumbers(value as string, {
				...context,
				minItems: field.minItems,
				maxItems: field.maxItems,
			});
		case 'custom':
			return field.read ? field.read(value, context) : value;
	}
}

/** A value that failed, with the field it belongs to: the caller adds the item index. */
export class ContactFieldError extends Error {
	constructor(
		readonly field: ContactField,
		readonly fieldError: FieldError,
	) {
		super(`${field.displayName}: ${fieldError.problem}`);
		this.name = 'ContactFieldError';
	}
}

/** A field's value, or the FieldError its reader found (any other error is a bug of ours, reported as such). */
function readOrProblem(field: ContactField, raw: unknown, context: FieldContext): { value?: unknown; problem?: FieldError } {
	try {
		return { value: readField(field, raw, context) };
	} catch (error) {
		if (error instanceof FieldError) return { problem: error };
		return { problem: new FieldError(String(error), 'Report this as a bug of the node.', raw) };
	}
}

/**
 * Builds the request body from the parameter values of one item. Blank optional values are
 * left out, never sent as "". On create every required field must have a value.
 */
export function buildBody(fields: ContactField[], values: IDataObject, mode: BodyMode, context: FieldContext): IDataObject {
	const countryField = fields.find((field) => field.isContactCountry);
	const countryValue = countryField ? values[countryField.name] : undefined;
	const fieldContext: FieldContext = {
		...context,
		contactCountry: countryField?.countryOf ? countryField.countryOf(countryValue) : countryValue,
	};
	const body: IDataObject = {};
	for (const field of fields) {
		const raw = values[field.name];
		const read = readOrProblem(field, raw, fieldContext);
		if (read.problem) throw new ContactFieldError(field, read.problem);
		if (read.value === undefined && mode === 'create' && field.required && !field.requiredOneOf) {
			const limits = field.minLength ? ` (${field.minLength}–${field.maxLength ?? '∞'} characters)` : '';
			throw new ContactFieldError(field, new FieldError('is required but empty', `Give a value for ${field.displayName}${limits}.`, raw));
		}
		if (read.value !== undefined) body[field.apiField] = read.value as IDataObject[string];
	}
	if (mode === 'create') checkRequiredGroups(fields, values, body);
	return body;
}

/** On create, each `requiredOneOf` group needs a value in at least one of its fields. */
function checkRequiredGroups(fields: ContactField[], values: IDataObject, body: IDataObject): void {
	const groups = new Set(fields.map((field) => field.requiredOneOf).filter((group) => group !== undefined));
	for (const group of groups) {
		const members = fields.filter((field) => field.requiredOneOf === group);
		if (members.some((field) => body[field.apiField] !== undefined)) continue;
		const names = members.map((field) => field.displayName).join(' or ');
		const asOne: ContactField = { ...members[0], name: members.map((field) => field.name).join(', '), displayName: names };
		const given = Object.fromEntries(members.map((field) => [field.name, values[field.name] ?? '']));
		throw new ContactFieldError(asOne, new FieldError(members.length === 2 ? 'both are empty' : 'all are empty', `Give ${names}: at least one is needed.`, given));
	}
}
