import { type ContactOperation, contactOperation } from '../../../common/description/operations';
import { buildMergeBody, mergeContacts } from '../../../common/operations/merge';
import { skodeProfile } from '../../profile';
import { skodeEndpoints } from './endpoints';

const show = { resource: ['contact'], operation: ['merge'] };
const mergeFields = { primary: 'primary_id', duplicates: 'duplicate_ids' };

export const merge: ContactOperation = {
	...contactOperation({
		name: 'Merge',
		value: 'merge',
		action: 'Merge contacts',
		description: 'Merge duplicate contacts into one primary contact',
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
			placeholder: 'contact_xyz789',
			description: 'ID of the contact to keep. It receives the activities, deals, conversations and tags of the duplicates.',
			displayOptions: { show },
		},
		{
			displayName: 'Duplicate IDs',
			name: 'duplicateIds',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'contact_abc123, contact_def456',
			description:
				'IDs of the contacts to merge into the primary one, separated by commas, or an array from an expression. They are soft-deleted and redirect to the primary contact. The primary contact may not be among them.',
			displayOptions: { show },
		},
	],
};
