import { type IDataObject, type IHttpRequestOptions, type INodeProperties, NodeOperationError } from 'n8n-workflow';

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

/** What Create or Update finds the contact by (lookup.ts), as each node version's editor places those fields. */
const MATCH_FIELDS: Record<number, string> = {
	1: 'Email, then by the first Phone Number (both under Additional Fields)',
	2: 'Email (under Additional Fields), then by the first of Phone Numbers',
};
const matchFields = (version: number) => MATCH_FIELDS[Math.min(version, 2)];

/** Read step: a row that gives neither match field fails here, naming them, before any request. */
async function requireMatchField(this: Row, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> {
	if (klenAiUpsertPlan.lookupKeys((requestOptions.body ?? {}) as IDataObject, {}).length > 0) return requestOptions;
	const itemIndex = this.getItemIndex();
	throw new NodeOperationError(
		this.getNode(),
		`${itemPrefix(itemIndex)} Create or Update finds the contact by ${matchFields(this.getNode().typeVersion)}, and this row has neither. Add Email or Phone Numbers, or use Create.`,
		{ itemIndex, description: NOT_SENT },
	);
}

const notice = (version: number, versions: Array<number | { _cnd: { gte: number } }>): INodeProperties => ({
	displayName: `Finds the contact by ${matchFields(version)}: one match is updated with these fields, none is created, several is an error. Each row needs an Email or a Phone Number.`,
	name: 'upsertNotice',
	type: 'notice',
	default: '',
	displayOptions: { show: { resource: ['contact'], operation: ['upsert'], '@version': versions } },
});

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
	properties: [notice(1, [1]), notice(2, [{ _cnd: { gte: 2 } }])],
};
