import type { IDataObject, IHttpRequestOptions, INodeExecutionData } from 'n8n-workflow';

import { type ContactOperation, contactOperation } from '../../../common/description/operations';
import type { Row } from '../../../common/engine/row';
import { inputError } from '../../../common/input/inputError';
import { FieldError, readString, readStringList } from '../../../common/input/values';
import { itemPrefix } from '../../../common/messages';
import { answerItems, contactFrom } from '../../../common/operations/single';
import type { ProviderProfile } from '../../../common/profile';
import { serverReason } from '../../../common/sending/apiErrors';
import { sendRequest } from '../../../common/sending/send';
import { skodeProfile } from '../../profile';
import { skodeEndpoints } from './endpoints';

/** The API's names for the contact kept and the contacts merged into it (Skode: `primary_id`, `duplicate_ids`). */
interface MergeFields {
	primary: string;
	duplicates: string;
}

interface MergeIds {
	primaryId: string;
	duplicateIds: string[];
}

/**
 * Reads Primary ID and Duplicate IDs (a list, or IDs separated by commas, semicolons or new
 * lines), trimmed and de-duplicated. The primary may not be among the duplicates: a contact
 * cannot be merged into itself.
 */
function mergeIdsOf(context: Row): MergeIds {
	const node = context.getNode();
	const itemIndex = context.getItemIndex();
	const rawPrimary = context.getNodeParameter('primaryId', '');
	const rawDuplicates = context.getNodeParameter('duplicateIds', '');
	let primaryId: string | undefined;
	try {
		primaryId = readString(rawPrimary);
		if (primaryId === undefined) throw new FieldError('is required but empty', 'Give the ID of the contact to keep.', rawPrimary);
	} catch (error) {
		throw inputError(node, itemIndex, error, 'Primary ID');
	}
	try {
		const duplicateIds = readStringList(rawDuplicates);
		if (duplicateIds === undefined) {
			throw new FieldError('is required but empty', 'Give the IDs of the contacts to merge into the primary one, separated by commas.', rawDuplicates);
		}
		if (duplicateIds.includes(primaryId)) {
			throw new FieldError(
				`"${primaryId}" is the Primary ID too`,
				'Remove the primary contact from Duplicate IDs: a contact cannot be merged into itself.',
				rawDuplicates,
			);
		}
		return { primaryId, duplicateIds };
	} catch (error) {
		throw inputError(node, itemIndex, error, 'Duplicate IDs');
	}
}

/** Read step: the merge request's body, checked before anything is sent. */
function buildMergeBody(fields: MergeFields) {
	return async function (this: Row, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> {
		const { primaryId, duplicateIds } = mergeIdsOf(this);
		requestOptions.body = { [fields.primary]: primaryId, [fields.duplicates]: duplicateIds };
		return requestOptions;
	};
}

/**
 * The Merge hook: outputs the primary contact as the provider answers it (or, with no body,
 * `{ merged: true, primaryId, duplicateIds }`). A 404 says which IDs to check, since the
 * provider may not say which of them it did not find.
 */
function mergeContacts(profile: ProviderProfile, fields: MergeFields) {
	return async function (
		this: Row,
		options: IHttpRequestOptions,
	): Promise<INodeExecutionData[]> {
		const sent = (options.body ?? {}) as IDataObject;
		const primaryId = String(sent[fields.primary]);
		const duplicateIds = (sent[fields.duplicates] as string[] | undefined) ?? [];
		// sendRequest fails only with NodeApiError or NodeOperationError.
		let failure: unknown;
		try {
			const answer = await sendRequest.call(this, profile, options);
			const body = contactFrom(answer.body);
			const merged = body && typeof body === 'object' ? body : { merged: true, primaryId, duplicateIds };
			return answerItems(merged);
		} catch (error) {
			failure = error;
		}
		const { httpCode, errorResponse } = (failure ?? {}) as { httpCode?: unknown; errorResponse?: unknown };
		if (String(httpCode) === '404' && failure instanceof Error) {
			const reason = serverReason(errorResponse);
			failure.message = `${itemPrefix(this.getItemIndex())} A contact to merge was not found at ${profile.displayName} (404)${reason ? `: ${reason}` : ''}. Check Primary ID (${primaryId}) and Duplicate IDs (${duplicateIds.join(', ')}).`;
		}
		throw failure;
	};
}

const show = { resource: ['contact'], operation: ['merge'] };
const mergeFields = { primary: 'primary_id', duplicates: 'duplicate_ids' };

export const merge: ContactOperation = {
	...contactOperation({
		name: 'Merge',
		value: 'merge',
		action: 'Merge contacts',
		description: 'Merge duplicate contacts (their IDs) into one primary contact (its ID); returns the primary contact',
		request: { method: 'POST', url: skodeEndpoints.merge },
		read: [buildMergeBody(mergeFields)],
		send: mergeContacts(skodeProfile, mergeFields),
	}),
	properties: [
		{
			displayName: 'Primary ID',
			name: 'primaryId',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. contact_xyz789',
			description: 'ID of the contact to keep. It receives the activities, deals, conversations and tags of the duplicates.',
			displayOptions: { show },
		},
		{
			displayName: 'Duplicate IDs',
			name: 'duplicateIds',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. contact_abc123, contact_def456',
			description:
				'IDs of the contacts to merge into the primary one, separated by commas, or an array from an expression. They are soft-deleted and redirect to the primary contact. The primary contact may not be among them.',
			displayOptions: { show },
		},
	],
};
