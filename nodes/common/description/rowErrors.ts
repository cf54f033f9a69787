import { type IExecuteSingleFunctions, NodeApiError, NodeOperationError } from 'n8n-workflow';

import { NodeCheckError } from '../input/inputError';
import { type RowParts, rowLabel, withRowLabel } from '../messages';

/**
 * Every error of an operation, whoever threw it, leaves the node in one shape: its message
 * starts with the row's label (`[item 4 · row 6 · Marie Dupont · marie@example.com]`), the
 * fix is said once, and it is a provider error (NodeApiError, with the HTTP code) only when
 * the provider answered. See `contactOperation` (operations.ts), which applies this to every
 * preSend action and request hook.
 */

/** Where each provider keeps what names a contact: top level, Additional Fields, Update Fields. */
const places = (name: string) => [name, `additionalFields.${name}`, `updateFields.${name}`];
const FIRST_NAME = places('firstName');
const LAST_NAME = places('lastName');
const FULL_NAME = places('name');
const EMAIL = places('email');
const PHONE = ['phoneNumbers', 'phone'];

/** A parameter's text for this row, or undefined (absent, blank, not text, or its expression fails). */
function textOf(context: IExecuteSingleFunctions, paths: string[]): string | undefined {
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
function rowNumberOf(context: IExecuteSingleFunctions): number | undefined {
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
export function rowPartsOf(context: IExecuteSingleFunctions): RowParts {
	const fullName = [textOf(context, FIRST_NAME), textOf(context, LAST_NAME)].filter(Boolean).join(' ');
	return {
		rowNumber: rowNumberOf(context),
		name: fullName || textOf(context, FULL_NAME),
		email: textOf(context, EMAIL),
		contactId: textOf(context, ['contactId']),
		phone: textOf(context, PHONE),
	};
}

/** The description, unless the message already says it (the fix would be printed twice). */
function ownDescription(message: string, description: string | null | undefined): string | undefined {
	const text = description?.trim();
	return text && !message.includes(text) ? text : undefined;
}

/** The error in the shape described above, labelled with this row. */
export function labelRowError(context: IExecuteSingleFunctions, error: unknown): unknown {
	const itemIndex = context.getItemIndex();
	const label = rowLabel(itemIndex, rowPartsOf(context));
	// A provider's answer, or a finding already in shape (NodeCheckError is a NodeApiError).
	if (error instanceof NodeApiError) {
		error.message = withRowLabel(error.message, itemIndex, label);
		error.description = ownDescription(error.message, error.description);
		return error;
	}
	if (error instanceof NodeOperationError) {
		const message = withRowLabel(error.message, itemIndex, label);
		return new NodeCheckError(context.getNode(), message, {
			itemIndex,
			description: ownDescription(message, error.description),
		});
	}
	// n8n's own errors (an expression that fails, …) keep their class: only the label is added.
	if (error instanceof Error) error.message = withRowLabel(error.message, itemIndex, label);
	return error;
}
