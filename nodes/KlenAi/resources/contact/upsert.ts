import { type IDataObject, type IHttpRequestOptions, NodeOperationError } from 'n8n-workflow';

import { type ContactOperation, contactOperation } from '../../../common/description/operations';
import { NOT_SENT } from '../../../common/input/inputError';
import { itemPrefix } from '../../../common/messages';
import { upsertContact } from '../../../common/operations/upsert';
import { klenAiProfile } from '../../profile';
import { createBody } from './create';
import { klenAiListing } from './listing';
import { klenEndpoints } from './endpoints';
import { klenAiUpsertPlan } from './lookup';
import type { Row } from '../../../common/engine/row';

/** What Create or Update finds the contact by (lookup.ts), as the editor names those fields. */
const MATCH_FIELDS = 'Email, then by the first Phone Number (both under Additional Fields)';

/** preSend: a row that gives neither match field fails here, naming them, before any request. */
async function requireMatchField(this: Row, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> {
	if (klenAiUpsertPlan.lookupKeys((requestOptions.body ?? {}) as IDataObject, {}).length > 0) return requestOptions;
	const itemIndex = this.getItemIndex();
	throw new NodeOperationError(
		this.getNode(),
		`${itemPrefix(itemIndex)} Create or Update finds the contact by ${MATCH_FIELDS}, and this row has neither. Add Email or Phone Numbers, or use Create.`,
		{ itemIndex, description: NOT_SENT },
	);
}

export const upsert: ContactOperation = {
	...contactOperation({
		name: 'Create or Update',
		value: 'upsert',
		action: 'Create or update a contact',
		description: 'Create a new record, or update the current one if it already exists (upsert)',
		request: { method: 'POST', url: klenEndpoints.create },
		read: [createBody, requireMatchField],
		send: upsertContact(klenAiProfile, klenAiUpsertPlan, klenAiListing),
	}),
	// The fields are Create's (create.ts shows them for both operations). The notice is shown
	// above them (common/description/operations.ts puts notices first).
	properties: [
		{
			displayName: `Finds the contact by ${MATCH_FIELDS}: one match is updated with these fields, none is created, several is an error. Each row needs an Email or a Phone Number.`,
			name: 'upsertNotice',
			type: 'notice',
			default: '',
			displayOptions: { show: { resource: ['contact'], operation: ['upsert'] } },
		},
	],
};
