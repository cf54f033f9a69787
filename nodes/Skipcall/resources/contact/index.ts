import type { INodeProperties } from 'n8n-workflow';

import { buildContactBody, contactIdInUrl } from '../../../common/preSend';
import { sendThroughPolicy } from '../../../common/request';
import { skipcallProfile } from '../../profile';
import { contactCreateDescription } from './create';
import { skipcallContactFields } from './fields';
import { contactGetDescription } from './get';
import { contactUpdateDescription } from './update';

const send = { pagination: sendThroughPolicy(skipcallProfile) };

export const contactDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['contact'] } },
		options: [
			{
				name: 'Create',
				value: 'create',
				action: 'Create a contact',
				description: 'Create a contact',
				routing: {
					request: { method: 'POST', url: '/contacts' },
					send: { preSend: [buildContactBody(skipcallContactFields, 'create')], paginate: true },
					operations: send,
				},
			},
			{
				name: 'Get',
				value: 'get',
				action: 'Get a contact',
				description: 'Get a contact by ID',
				routing: {
					request: { method: 'GET', url: '/contacts/{contactId}' },
					send: { preSend: [contactIdInUrl()], paginate: true },
					operations: send,
				},
			},
			{
				name: 'Update',
				value: 'update',
				action: 'Update a contact',
				description: 'Update the fields given; the others keep their values',
				routing: {
					request: { method: 'PATCH', url: '/contacts/{contactId}' },
					send: {
						preSend: [contactIdInUrl(), buildContactBody(skipcallContactFields, 'update')],
						paginate: true,
					},
					operations: send,
				},
			},
		],
		default: 'create',
	},
	...contactCreateDescription,
	...contactUpdateDescription,
	...contactGetDescription,
];
