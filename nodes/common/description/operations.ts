import type { IHttpRequestMethods, INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { optionsCollection } from './options';

export const contactResource: INodeProperties = {
	displayName: 'Resource',
	name: 'resource',
	type: 'options',
	noDataExpression: true,
	options: [{ name: 'Contact', value: 'contact' }],
	default: 'contact',
};

type RequestHook = NonNullable<NonNullable<INodePropertyOptions['routing']>['operations']>['pagination'];
type PreSend = NonNullable<NonNullable<NonNullable<INodePropertyOptions['routing']>['send']>['preSend']>[number];

/** One operation of the Contact resource: its entry in the Operation list and its parameters. */
export interface ContactOperation {
	option: INodePropertyOptions;
	properties: INodeProperties[];
}

/**
 * An operation's entry in the Operation list: its request, the preSend actions that build it,
 * and the hook that sends it (see common/operations/single.ts for why every operation has one).
 */
export function contactOperation(operation: {
	name: string;
	value: string;
	action: string;
	description: string;
	request: { method: IHttpRequestMethods; url: string };
	preSend?: PreSend[];
	send: RequestHook;
}): INodePropertyOptions {
	return {
		name: operation.name,
		value: operation.value,
		action: operation.action,
		description: operation.description,
		routing: {
			request: operation.request,
			send: { ...(operation.preSend ? { preSend: operation.preSend } : {}), paginate: true },
			operations: { pagination: operation.send },
		},
	};
}

/**
 * The Contact resource's parameters: the Operation selector (Create first, the default), each
 * operation's own parameters, then the node-wide Options shown on every operation.
 */
export function contactResourceProperties(operations: ContactOperation[], options: INodeProperties[]): INodeProperties[] {
	return [
		{
			displayName: 'Operation',
			name: 'operation',
			type: 'options',
			noDataExpression: true,
			displayOptions: { show: { resource: ['contact'] } },
			options: operations.map((operation) => operation.option),
			default: 'create',
		},
		...operations.flatMap((operation) => operation.properties),
		optionsCollection(
			operations.map((operation) => String(operation.option.value)),
			options,
		),
	];
}
