import type { IDataObject, IHttpRequestOptions, INodeExecutionData } from 'n8n-workflow';

import { createProperties } from '../../../common/description/fields';
import { type ContactOperation, contactOperation } from '../../../common/description/operations';
import { buildContactBody } from '../../../common/input/contactBody';
import { createWithRecovery } from '../../../common/operations/create';
import { answerItems } from '../../../common/operations/single';
import { accountOf, lockKeysOf, lookupKeysOf, oneAtATime } from '../../../common/operations/lookup';
import { tetherProfile } from '../../profile';
import { duplicateError, holderOf, tetherDuplicate } from './duplicates';
import { tetherCreateFields } from './fields';
import { tetherContact, tetherEndpoints, tetherLookup } from './lookup';
import type { Row } from '../../../common/engine/row';

// Create or Update takes the same fields as Create.
const show = { resource: ['contact'], operation: ['create', 'upsert'] };

export const createBody = buildContactBody(tetherCreateFields, 'create');

/**
 * Sends the create (a create that may have gone through is looked up by its first number
 * before it is sent again), outputs the contact rather than Tether's envelope, and turns a
 * refused number into an error naming the contact that has it.
 */
async function createTetherContact(
	this: Row,
	options: IHttpRequestOptions,
): Promise<INodeExecutionData[]> {
	const keys = lookupKeysOf(this, tetherLookup, (options.body ?? {}) as IDataObject);
	let failure: unknown;
	try {
		const body = await oneAtATime(lockKeysOf(tetherProfile, keys, await accountOf(this, tetherProfile)), async () => await createWithRecovery.call(this, tetherProfile, tetherLookup, keys, options));
		return answerItems(tetherContact(body));
	} catch (error) {
		failure = error;
	}
	const duplicate = tetherDuplicate(failure);
	if (!duplicate) throw failure;
	throw duplicateError.call(this, duplicate, await holderOf.call(this, duplicate, options), 'not created');
}

export const create: ContactOperation = {
	...contactOperation({
		name: 'Create',
		value: 'create',
		action: 'Create a contact',
		description: 'Create a contact from one or more phone numbers and any names, email and process given; returns the created contact',
		request: { method: 'POST', url: tetherEndpoints.create },
		read: [createBody],
		send: createTetherContact,
	}),
	properties: createProperties(tetherCreateFields, show),
};
