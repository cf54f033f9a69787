import { type INode, NodeApiError, NodeOperationError } from 'n8n-workflow';

import { itemPrefix } from '../messages';
import { ContactFieldError } from './fields';
import { FieldError, describeValue } from './values';

/**
 * An input problem, found before any request: names the item, the field and the value, and
 * says how to fix it. The fix is in the message too, because with Continue On Fail the
 * output item keeps only the message.
 */
export function inputError(node: INode, itemIndex: number, error: unknown, fieldName?: string): NodeOperationError | NodeApiError {
	if (error instanceof ContactFieldError) {
		return new NodeOperationError(node, `${itemPrefix(itemIndex)} ${error.message}. ${error.fieldError.fix}`, {
			itemIndex,
			description: `${error.field.displayName} (${error.field.name}) was ${describeValue(error.fieldError.value)}. ${error.fieldError.fix}`,
		});
	}
	if (error instanceof FieldError) {
		const subject = fieldName ? `${fieldName}: ` : '';
		return new NodeOperationError(node, `${itemPrefix(itemIndex)} ${subject}${error.problem}. ${error.fix}`, {
			itemIndex,
			description: error.fix,
		});
	}
	if (error instanceof NodeOperationError || error instanceof NodeApiError) return error;
	return new NodeOperationError(node, error instanceof Error ? error : String(error), { itemIndex });
}
