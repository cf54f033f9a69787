import type { INodeProperties } from 'n8n-workflow';

import { buildContactBody, contactIdInUrl } from '../../../common/preSend';
import { contactOperation, contactOperations } from '../../../common/properties';
import { sendThroughPolicy } from '../../../common/request';
import { skipcallProfile } from '../../profile';
import { contactCreateDescription } from './create';
import { skipcallContactFields } from './fields';
import { contactGetDescription } from './get';
import { contactUpdateDescription } from './update';

const send = sendThroughPolicy(skipcallProfile);

export const contactDescription: INodeProperties[] = [
	contactOperations([
		contactOperation({
			name: 'Create',
			value: 'create',
			action: 'Create a contact',
			description: 'Create a contact',
			request: { method: 'POST', url: '/contacts' },
			preSend: [buildContactBody(skipcallContactFields, 'create')],
			sendWith: send,
		}),
		contactOperation({
			name: 'Get',
			value: 'get',
			action: 'Get a contact',
			description: 'Get a contact by ID',
			request: { method: 'GET', url: '/contacts/{contactId}' },
			preSend: [contactIdInUrl()],
			sendWith: send,
		}),
		contactOperation({
			name: 'Update',
			value: 'update',
			action: 'Update a contact',
			description: 'Update the fields given; the others keep their values',
			request: { method: 'PATCH', url: '/contacts/{contactId}' },
			preSend: [contactIdInUrl(), buildContactBody(skipcallContactFields, 'update')],
			sendWith: send,
		}),
	]),
	...contactCreateDescription,
	...contactUpdateDescription,
	...contactGetDescription,
];
