/**
 * Wording shared by every message the nodes show. With Continue On Fail n8n keeps only an
 * error's message in the output item, so each message starts by naming the row.
 */

/** `[item 4]`: n8n's own (0-based) index of the input item. */
export function itemPrefix(itemIndex: number): string {
	return `[item ${itemIndex}]`;
}

/** Appended when a create failed in a way that may still have created the contact. */
export const MAY_HAVE_BEEN_CREATED = ': the contact may have been created';
