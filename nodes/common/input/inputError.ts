import { type INode, NodeApiError, NodeOperationError } from 'n8n-workflow';

import { itemPrefix } from '../messages';
import { ContactFieldError } from './fields';
import { FieldError } from './values';

/** The description of every input problem: the message already says what and how to fix it. */
export const NOT_SENT = 'Found by the node before sending: nothing was sent for this row.';

/**
 * An input problem, found before any request: names the item, the field and the value, and
 * says how to fix it. The fix is in the message, because with Continue On Fail the output
 * item keeps only the message; the description adds what the message does not say (the
 * parameter's name, that nothing was sent) rather than the fix again.
 */
export function inputError(node: INode, itemIndex: number, error: unknown, fieldName?: string): NodeOperationError | NodeApiError {
	if (error instanceof ContactFieldError) {
		return new NodeOperationError(node, `${itemPrefix(itemIndex)} ${error.message}. ${error.fieldError.fix}`, {
			itemIndex,
			description: `${NOT_SENT} Parameter: ${error.field.name}.`,
		});
	}
	if (error instanceof FieldError) {
		const subject = fieldName ? `${fieldName}: ` : '';
		return new NodeOperationError(node, `${itemPrefix(itemIndex)} ${subject}${error.problem}. ${error.fix}`, {
			itemIndex,
			description: NOT_SENT,
		});
	}
	if (error instanceof NodeOperationError || error instanceof NodeApiError) return error;
	return new NodeOperationError(node, error instanceof Error ? error : String(error), { itemIndex });
}
