import type {
	DeclarativeRestApiSettings,
	IExecutePaginationFunctions,
	IExecuteSingleFunctions,
	IHttpRequestMethods,
	IHttpRequestOptions,
	INodeExecutionData,
	INodeProperties,
	INodePropertyOptions,
} from 'n8n-workflow';

import type { OperationPlan } from '../engine/execute';
import type { Row } from '../engine/row';
import { booleanParameter, isDryRun } from '../sending/dryRun';
import { everyRowFirst } from '../sending/everyRowFirst';
import { sendingRow } from '../sending/nodeRun';
import { WRITE_OPERATIONS, dryRunOption } from './dryRun';
import { optionsCollection } from './options';
import { requestTimeoutOption } from './requestTimeout';
import { labelRowError } from './rowErrors';

export const contactResource: INodeProperties = {
	displayName: 'Resource',
	name: 'resource',
	type: 'options',
	noDataExpression: true,
	options: [{ name: 'Contact', value: 'contact' }],
	default: 'contact',
};

/** The hook that sends an operation's request (common/operations/): a function, not n8n's generic pagination. */
type RequestHook = (
	this: IExecutePaginationFunctions,
	requestData: DeclarativeRestApiSettings.ResultOptions,
) => Promise<INodeExecutionData[]>;
type PreSend = NonNullable<NonNullable<NonNullable<INodePropertyOptions['routing']>['send']>['preSend']>[number];

/** One operation of the Contact resource: its entry in the Operation list, its parameters, and (nodes run by the one execute()) its plan. */
export interface ContactOperation {
	option: INodePropertyOptions;
	properties: INodeProperties[];
	plan?: OperationPlan;
}

/**
 * An operation run by the one execute() (common/engine): its entry in the Operation list, and
 * the plan the engine runs — the request a row starts from, the steps that read and check the
 * row and complete it (every row before anything is sent), and the hook that sends it.
 */
export function plannedOperation(operation: {
	name: string;
	value: string;
	action: string;
	description: string;
	request: { method: IHttpRequestMethods; url: string };
	preSend?: PreSend[];
	send: RequestHook;
}): { option: INodePropertyOptions; plan: OperationPlan } {
	const { send } = operation;
	return {
		option: { name: operation.name, value: operation.value, action: operation.action, description: operation.description },
		plan: {
			request: operation.request,
			read: [booleanChecks(operation.value), ...(operation.preSend ?? [])] as unknown as OperationPlan['read'],
			send: async function (this: Row, request: IHttpRequestOptions) {
				return await send.call(this as unknown as IExecutePaginationFunctions, { options: request } as DeclarativeRestApiSettings.ResultOptions);
			},
		},
	};
}

/** The plans of the operations, by value, for the node's execute(). */
export function operationPlans(operations: ContactOperation[]): Record<string, OperationPlan> {
	const plans: Record<string, OperationPlan> = {};
	for (const operation of operations) if (operation.plan) plans[String(operation.option.value)] = operation.plan;
	return plans;
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
	const preSend = [booleanChecks(operation.value), ...(operation.preSend ?? [])].map(labellingErrors);
	return {
		name: operation.name,
		value: operation.value,
		action: operation.action,
		description: operation.description,
		routing: {
			request: operation.request,
			send: { preSend, paginate: true },
			// Every operation takes part in the run's discipline (sending/nodeRun.ts, sendingRow).
			operations: { pagination: labellingErrors(sendingRow(operation.send)) },
		},
	};
}

/**
 * preSend: the operation's boolean parameters that an expression can feed (Options › Dry Run,
 * Return All), read like boolean cells before anything is sent: a value that reads as neither
 * fails the row, and without Continue On Fail every row is read first (everyRowFirst).
 */
function booleanChecks(operation: string): PreSend {
	return everyRowFirst(async function (this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> {
		if (WRITE_OPERATIONS.includes(operation)) isDryRun(this);
		if (operation === 'getAll') booleanParameter(this, 'returnAll', 'Return All');
		return requestOptions;
	}) as PreSend;
}

/**
 * The same function, whose errors leave it labelled with the row and in their final shape
 * (rowErrors.ts). Wrapping here, where every operation is declared, covers every message of
 * every operation without each of them building the label.
 */
function labellingErrors<T extends IExecuteSingleFunctions, A extends unknown[], R>(fn: (this: T, ...args: A) => Promise<R>) {
	return async function (this: T, ...args: A): Promise<R> {
		try {
			return await fn.apply(this, args);
		} catch (error) {
			throw labelRowError(this, error);
		}
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
