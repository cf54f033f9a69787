import type { INodeProperties } from 'n8n-workflow';

import { getManyThroughPolicy } from '../../../common/getMany';
import { buildContactBody, contactIdInUrl } from '../../../common/preSend';
import { contactOperation, contactOperations } from '../../../common/properties';
import { sendThroughPolicy } from '../../../common/request';
import { createThroughPolicy, upsertThroughPolicy } from '../../../common/upsert';
import { klenAiProfile } from '../../profile';
import { contactCreateDescription } from './create';
import { klenAiContactFields } from './fields';
import { contactGetDescription } from './get';
import { contactGetAllDescription, klenAiPaging } from './getAll';
import { contactUpdateDescription } from './update';
import { contactUpsertDescription, klenAiUpsertPlan } from './upsert';

const integerId = contactIdInUrl({ integer: true });
const createBody = buildContactBody(klenAiContactFields, 'create');

export const contactDescription: INodeProperties[] = [
	contactOperations([
		contactOperation({
			name: 'Create',
			value: 'create',
			action: 'Create a contact',
			description: 'Create a contact',
			request: { method: 'POST', url: '/contacts/create' },
			preSend: [createBody],
			sendWith: createThroughPolicy(klenAiProfile, klenAiUpsertPlan),
		}),
		contactOperation({
			name: 'Create or Update',
			value: 'upsert',
			action: 'Create or update a contact',
			description: 'Create a new record, or update the current one if it already exists (upsert)',
			request: { method: 'POST', url: '/contacts/create' },
			preSend: [createBody],
			sendWith: upsertThroughPolicy(klenAiProfile, klenAiUpsertPlan),
		}),
		contactOperation({
			name: 'Get',
			value: 'get',
			action: 'Get a contact',
			description: 'Get a contact by ID',
			request: { method: 'GET', url: '/contacts/{contactId}' },
			preSend: [integerId],
			sendWith: sendThroughPolicy(klenAiProfile),
		}),
		contactOperation({
			name: 'Get Many',
			value: 'getAll',
			action: 'Get many contacts',
			description: 'List contacts, optionally filtered',
			request: { method: 'GET', url: '/contacts' },
			sendWith: getManyThroughPolicy(klenAiProfile, klenAiPaging),
		}),
		contactOperation({
			name: 'Update',
			value: 'update',
			action: 'Update a contact',
			description: 'Update the fields given; the others keep their values',
			request: { method: 'PATCH', url: '/contacts/{contactId}/update' },
			preSend: [integerId, buildContactBody(klenAiContactFields, 'update')],
			sendWith: sendThroughPolicy(klenAiProfile),
		}),
	]),
	...contactCreateDescription,
	...contactUpsertDescription,
	...contactUpdateDescription,
	...contactGetDescription,
	...contactGetAllDescription,
];
