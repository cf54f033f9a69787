import type {
	IDisplayOptions,
	IHttpRequestMethods,
	INodeProperties,
	INodePropertyOptions,
	INodeTypeDescription,
} from 'n8n-workflow';
import { getCountries } from 'libphonenumber-js/max';

export const contactResource: INodeProperties = {
	displayName: 'Resource',
	name: 'resource',
	type: 'options',
	noDataExpression: true,
	options: [{ name: 'Contact', value: 'contact' }],
	default: 'contact',
};

function countryOptions() {
	const names = new Intl.DisplayNames(['en'], { type: 'region' });
	return [
		{ name: 'None (Numbers Must Be International)', value: '' },
		...getCountries()
			.map((code) => ({ name: `${names.of(code) ?? code} (${code})`, value: code as string }))
			.sort((a, b) => a.name.localeCompare(b.name)),
	];
}

export const defaultCountryOption: INodeProperties = {
	displayName: 'Default Country',
	name: 'defaultCountry',
	type: 'options',
	options: countryOptions(),
	default: '',
	description:
		'Country used to read phone numbers written without an international prefix, such as 06 12 34 56 78 (France) or (416) 555-0100 (United States). Numbers starting with + or 00 are read as international whatever this says.',
};

export function requestsPerMinuteOption(providerName: string, lowest: number, where: string): INodeProperties {
	return {
		displayName: 'Requests per Minute',
		name: 'requestsPerMinute',
		type: 'number',
		typeOptions: { minValue: 0, numberPrecision: 0 },
		default: lowest,
		description: `The rate limit of your ${providerName} plan: the node never sends faster. ${where} With several n8n workers (queue mode), give each its share. 0 turns pacing off ("too many requests" answers are still waited out).`,
	};
}

export const maxRateLimitWaitOption: INodeProperties = {
	displayName: 'Max Rate-Limit Wait (Seconds)',
	name: 'maxRateLimitWait',
	type: 'number',
	typeOptions: { minValue: 0 },
	default: 300,
	description:
		'How long one item may wait in total for the provider to accept it after "too many requests" answers, before it fails',
};

/** The node-wide `options` collection shown on the operations listed. */
export function optionsCollection(operations: string[], options: INodeProperties[]): INodeProperties {
	return {
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: { show: { resource: ['contact'], operation: operations } },
		options,
	};
}

type Pagination = NonNullable<NonNullable<INodePropertyOptions['routing']>['operations']>['pagination'];
type PreSend = NonNullable<NonNullable<NonNullable<INodePropertyOptions['routing']>['send']>['preSend']>[number];

/**
 * One operation of the Contact resource: its request, the preSend actions that build it, and
 * the hook that sends it (see nodes/common/request.ts for why every operation has one).
 */
export function contactOperation(operation: {
	name: string;
	value: string;
	action: string;
	description: string;
	request: { method: IHttpRequestMethods; url: string };
	preSend?: PreSend[];
	sendWith: Pagination;
}): INodePropertyOptions {
	return {
		name: operation.name,
		value: operation.value,
		action: operation.action,
		description: operation.description,
		routing: {
			request: operation.request,
			send: { ...(operation.preSend ? { preSend: operation.preSend } : {}), paginate: true },
			operations: { pagination: operation.sendWith },
		},
	};
}

/** The Operation selector of the Contact resource. */
export function contactOperations(options: INodePropertyOptions[], defaultOperation = 'create'): INodeProperties {
	return {
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['contact'] } },
		options,
		default: defaultOperation,
	};
}

/** What every node of this package declares the same way; the rest is the provider's data. */
export function contactNodeDescription(node: {
	displayName: string;
	name: string;
	icon: string;
	description: string;
	credential: string;
	/** The node method that tests the credential (see common/credentialTest.ts). */
	credentialTest: string;
	properties: INodeProperties[];
}): INodeTypeDescription {
	return {
		displayName: node.displayName,
		name: node.name,
		icon: { light: `file:${node.icon}.svg`, dark: `file:${node.icon}.dark.svg` },
		group: ['output'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: node.description,
		defaults: { name: node.displayName },
		usableAsTool: true,
		inputs: ['main'],
		outputs: ['main'],
		credentials: [{ name: node.credential, required: true, testedBy: node.credentialTest }],
		// No requestDefaults: the base URL (from the credential) and the JSON headers are set
		// where every request is sent, common/request.ts.
		properties: [contactResource, ...node.properties],
	};
}

/** The Contact ID parameter of the operations that act on one contact. */
export function contactIdProperty(show: IDisplayOptions['show'], description: string, placeholder: string): INodeProperties {
	return {
		displayName: 'Contact ID',
		name: 'contactId',
		type: 'string',
		required: true,
		default: '',
		placeholder,
		description,
		displayOptions: { show },
	};
}
