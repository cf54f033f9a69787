import type { IDataObject, IHttpRequestOptions, INodeExecutionData } from 'n8n-workflow';

import { contactIdProperty, fieldsCollection } from '../../../common/description/fields';
import { type ContactOperation, contactOperation } from '../../../common/description/operations';
import { buildContactBody, contactIdInUrl } from '../../../common/input/contactBody';
import { inputError } from '../../../common/input/inputError';
import { answerItems } from '../../../common/operations/single';
import { sendRequest } from '../../../common/sending/send';
import { tetherProfile } from '../../profile';
import { duplicateError, holderOf, tetherDuplicate } from './duplicates';
import { checkClearedStage, tetherUpdateFields } from './fields';
import { tetherContact, tetherEndpoints } from './lookup';
import type { Row } from '../../../common/engine/row';

const show = { resource: ['contact'], operation: ['update'] };

/** preSend: a cleared stage with a Status is refused before sending (Tether refuses it too). */
async function stageRules(this: Row, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> {
	try {
		checkClearedStage((requestOptions.body ?? {}) as IDataObject);
	} catch (error) {
		throw inputError(this.getNode(), this.getItemIndex(), error, 'Update Fields');
	}
	return requestOptions;
}

/** Sends the update and outputs the contact, not Tether's envelope. */
export async function updateTetherContact(
	this: Row,
	options: IHttpRequestOptions,
): Promise<INodeExecutionData[]> {
	let failure: unknown;
	try {
		const answer = await sendRequest.call(this, tetherProfile, options);
		return answerItems(tetherContact(answer.body));
	} catch (error) {
		failure = error;
	}
	const duplicate = tetherDuplicate(failure);
	if (!duplicate) throw failure;
	throw duplicateError.call(this, duplicate, await holderOf.call(this, duplicate, options), 'not updated');
}

export const update: ContactOperation = {
	...contactOperation({
		name: 'Update',
		value: 'update',
		action: 'Update a contact',
		description: 'Change a contact’s status, pipeline stage, pipeline or phone numbers by its Contact ID, the others keep their values; returns the updated contact',
		request: { method: 'PATCH', url: tetherEndpoints.one('{contactId}') },
		read: [contactIdInUrl(), buildContactBody(tetherUpdateFields, 'update'), stageRules],
		send: updateTetherContact,
	}),
	properties: [
		contactIdProperty(show, 'ID of the contact to update (its _id in Tether)', '64f0a1b2c3d4e5f6a7b8c9d0'),
		{
			displayName: 'Tether offers no way to change a contact’s names, email or process: only these fields can be updated',
			name: 'updateNotice',
			type: 'notice',
			default: '',
			displayOptions: { show },
		},
		fieldsCollection(tetherUpdateFields, 'update', show),
	],
};
