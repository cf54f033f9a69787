import type { Row } from './engine/row';

/**
 * Wording shared by every message the nodes show. With Continue On Fail n8n keeps only an
 * error's message in the output item, so each message starts by naming the row.
 *
 * Code that fails a row starts its message with `itemPrefix(itemIndex)`; the engine
 * (engine/execute.ts) turns that prefix into the row's label: `[item 4 · row 6 · Marie Dupont ·
 * marie@example.com]`, from what the row's parameters say (rowPartsOf).
 */

/** `[item 4]`: n8n's own (0-based) index of the input item. */
export function itemPrefix(itemIndex: number): string {
	return `[item ${itemIndex}]`;
}

/** Appended when a create failed in a way that may still have created the contact. */
export const MAY_HAVE_BEEN_CREATED = ': the contact may have been created';

/** What a person can find the row by, read from the row's own values. All optional. */
export interface RowParts {
	/** The sheet's line (`row_number`, as n8n's Google Sheets nodes give it). */
	rowNumber?: number;
	name?: string;
	email?: string;
	contactId?: string;
	/** The row's phone number, shown only when there is no name, email or contact ID. */
	phone?: string;
}

/** Longer values are cut: the label is for finding the row, not for reading the whole value. */
export const LABEL_PART_MAX = 40;

function cut(text: string): string {
	const oneLine = text.replace(/\s+/g, ' ').trim();
	return oneLine.length > LABEL_PART_MAX ? `${oneLine.slice(0, LABEL_PART_MAX - 1)}…` : oneLine;
}

/** `[item 4 · row 6 · Marie Dupont · marie@example.com]`, or `[item 4]` when nothing is known. */
export function rowLabel(itemIndex: number, parts: RowParts): string {
	const shown: string[] = [`item ${itemIndex}`];
	if (parts.rowNumber !== undefined) shown.push(`row ${parts.rowNumber}`);
	if (parts.name) shown.push(cut(parts.name));
	if (parts.email) shown.push(cut(parts.email));
	if (parts.contactId) shown.push(`contact ${cut(parts.contactId)}`);
	if (shown.length === 1 + (parts.rowNumber !== undefined ? 1 : 0) && parts.phone) shown.push(cut(parts.phone));
	return `[${shown.join(' · ')}]`;
}

/**
 * The text with its leading `[item N]` replaced by the row's label; text that does not start
 * with it (an error of n8n itself) gets the label in front.
 */
export function withRowLabel(text: string, itemIndex: number, label: string): string {
	const prefix = itemPrefix(itemIndex);
	if (text.startsWith(label)) return text;
	if (text.startsWith(prefix)) return label + text.slice(prefix.length);
	return `${label} ${text}`;
}

/** Where each provider keeps what names a contact: top level, Additional Fields, Update Fields. */
const places = (name: string) => [name, `additionalFields.${name}`, `updateFields.${name}`];
const FIRST_NAME = places('firstName');
const LAST_NAME = places('lastName');
const FULL_NAME = [...places('name'), 'fullName'];
const EMAIL = places('email');
const PHONE = ['phoneNumbers', 'phone'];

/** A parameter's text for this row, or undefined (absent, blank, not text, or its expression fails). */
function textOf(context: Row, paths: string[]): string | undefined {
	for (const path of paths) {
		try {
			const value = context.getNodeParameter(path, undefined) as unknown;
			if ((typeof value === 'string' && value.trim() !== '') || typeof value === 'number') return String(value).trim();
		} catch {
			// An expression that fails here fails in the operation too, with its own message.
		}
	}
	return undefined;
}

/** The sheet line of the row, when its item carries n8n's Google Sheets `row_number`. */
function rowNumberOf(context: Row): number | undefined {
	try {
		const value = context.getInputData()?.json?.row_number;
		const number = typeof value === 'string' && /^\d+$/.test(value.trim()) ? Number(value) : value;
		return typeof number === 'number' && Number.isInteger(number) && number > 0 ? number : undefined;
	} catch {
		return undefined;
	}
}

/**
 * What identifies the row, read through the operation's own context (so expressions give this
 * row's values). Only names, email, contact ID and phone: never a credential.
 */
export function rowPartsOf(context: Row): RowParts {
	const fullName = [textOf(context, FIRST_NAME), textOf(context, LAST_NAME)].filter(Boolean).join(' ');
	return {
		rowNumber: rowNumberOf(context),
		name: fullName || textOf(context, FULL_NAME),
		email: textOf(context, EMAIL),
		contactId: textOf(context, ['contactId']),
		phone: textOf(context, PHONE),
	};
}
