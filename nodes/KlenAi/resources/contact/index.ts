import type { INodeProperties } from 'n8n-workflow';

import { getManyThroughPolicy } from '../../../common/getMany';
import { buildContactBody, contactIdInUrl } from '../../../common/preSend';
import { sendThroughPolicy } from '../../../common/request';
import { createThroughPolicy, upsertThroughPolicy } from '../../../common/upsert';
import { klenAiProfile } from '../../profile';
import { contactCreateDescription } from './create';
import { klenAiContactFields } from './fields';
import { contactGetDescription } from './get';
import { contactGetAllDescription, klenAiPaging } from './getAll';
import { contactUpdateDescription } from './update';
import { contactUpsertDescription, klenAiUpsertPlan } from './upsert';

const send = { pagination: sendThroughPolicy(klenAiProfile) };
const integerId = contactIdInUrl({ integer: true });

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
					request: { method: 'POST', url: '/contacts/create' },
					send: { preSend: [buildContactBody(klenAiContactFields, 'create')], paginate: true },
					operations: { pagination: createThroughPolicy(klenAiProfile, klenAiUpsertPlan) },
				},
			},
			{
				name: 'Create or Update',
				value: 'upsert',
				action: 'Create or update a contact',
				description: 'Create a new record, or update the current one if it already exists (upsert)',
				routing: {
					request: { method: 'POST', url: '/contacts/create' },
					send: { preSend: [buildContactBody(klenAiContactFields, 'create')], paginate: true },
					operations: { pagination: upsertThroughPolicy(klenAiProfile, klenAiUpsertPlan) },
				},
			},
			{
				name: 'Get',
				value: 'get',
				action: 'Get a contact',
				description: 'Get a contact by ID',
				routing: {
					request: { method: 'GET', url: '/contacts/{contactId}' },
					send: { preSend: [integerId], paginate: true },
					operations: send,
				},
			},
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many contacts',
				description: 'List contacts, optionally filtered',
				routing: {
					request: { method: 'GET', url: '/contacts' },
					send: { paginate: true },
					operations: { pagination: getManyThroughPolicy(klenAiProfile, klenAiPaging) },
				},
			},
			{
				name: 'Update',
				value: 'update',
				action: 'Update a contact',
				description: 'Update the fields given; the others keep their values',
				routing: {
					request: { method: 'PATCH', url: '/contacts/{contactId}/update' },
					send: { preSend: [integerId, buildContactBody(klenAiContactFields, 'update')], paginate: true },
					operations: send,
				},
			},
		],
		default: 'create',
	},
	...contactCreateDescription,
	...contactUpsertDescription,
	...contactUpdateDescription,
	...contactGetDescription,
	...contactGetAllDescription,
];
