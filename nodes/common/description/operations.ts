import type { IHttpRequestOptions, INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import type { OperationPlan, ReadStep } from '../engine/execute';
import type { Row } from '../engine/row';
import { booleanParameter, isDryRun } from '../sending/dryRun';
import { WRITE_OPERATIONS, dryRunOption, optionsCollection, requestTimeoutOption } from './options';

export const contactResource: INodeProperties = {
	displayName: 'Resource',
	name: 'resource',
	type: 'options',
	noDataExpression: true,
	options: [{ name: 'Contact', value: 'contact' }],
	default: 'contact',
};

/** One operation of the Contact resource: its entry in the Operation list, its parameters, and the plan the engine runs. */
export interface ContactOperation {
	option: INodePropertyOptions;
	properties: INodeProperties[];
	plan: OperationPlan;
}

/**
 * An operation's entry in the Operation list, and its plan (common/engine/execute.ts): the
 * request a row starts from, the steps that read and check the row and complete the request
 * (every row before anything is sent), and how a row is sent.
 */
export function contactOperation(operation: {
	name: string;
	value: string;
	action: string;
	description: string;
	request: OperationPlan['request'];
	read?: ReadStep[];
	send: OperationPlan['send'];
}): Omit<ContactOperation, 'properties'> {
	const { name, value, action, description } = operation;
	return {
		option: { name, value, action, description },
		plan: { request: operation.request, read: [booleanChecks(value), ...(operation.read ?? [])], send: operation.send },
	};
}

/** The plans of the operations, by value, for the node's execute(). */
export function operationPlans(operations: ContactOperation[]): Record<string, OperationPlan> {
	return Object.fromEntries(operations.map((operation) => [String(operation.option.value), operation.plan]));
}

/**
 * Read step: the operation's boolean parameters that an expression can feed (Options › Dry Run,
 * Return All), read like boolean cells before anything is sent: a value that reads as neither
 * fails the row.
 */
function booleanChecks(operation: string): ReadStep {
	return async function (this: Row, request: IHttpRequestOptions): Promise<IHttpRequestOptions> {
		if (WRITE_OPERATIONS.includes(operation)) isDryRun(this);
		if (operation === 'getAll') booleanParameter(this, 'returnAll', 'Return All');
		return request;
	};
}

/**
 * The Contact resource's parameters: the Operation selector (Create first, the default), the
 * operations' notices, each operation's own parameters, then the node-wide Options (the node's
 * own, plus Dry Run and Request Timeout on every node).
 *
 * Notices come first: n8n shows parameters in this order, and an operation's parameters may
 * be declared by another (Klen's Create shows its fields on Create or Update too), so a notice
 * declared with its operation would land below fields it is about.
 */
export function contactResourceProperties(operations: ContactOperation[], options: INodeProperties[]): INodeProperties[] {
	const properties = operations.flatMap((operation) => operation.properties);
	const isNotice = (property: INodeProperties) => property.type === 'notice';
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
		...properties.filter(isNotice),
		...properties.filter((property) => !isNotice(property)),
		optionsCollection(
			operations.map((operation) => String(operation.option.value)),
			withEveryNodeOption(options),
		),
	];
}

/** The node's own options, plus those every node has, in the editor's alphabetical order. */
function withEveryNodeOption(options: INodeProperties[]): INodeProperties[] {
	const given = new Set(options.map((option) => option.name));
	return [...options, ...[dryRunOption, requestTimeoutOption].filter((option) => !given.has(option.name))].sort((a, b) =>
		a.displayName.localeCompare(b.displayName),
	);
}
