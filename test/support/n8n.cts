/**
 * Runs our nodes through n8n-core's real workflow engine (WorkflowExecute + RoutingNode):
 * a two-node workflow, "Items" (emits the test's input items) → the node under test.
 */
import { DirectoryLoader, ExecutionLifecycleHooks, WorkflowExecute } from 'n8n-core';
import {
	type ICredentialDataDecryptedObject,
	type ICredentialType,
	ICredentialsHelper,
	type IDataObject,
	type IExecuteFunctions,
	type IHttpRequestHelper,
	type IHttpRequestOptions,
	type INode,
	type INodeCredentialsDetails,
	type INodeExecutionData,
	type INodeProperties,
	type INodeType,
	type INodeTypes,
	type IRun,
	type IWorkflowExecuteAdditionalData,
	type IVersionedNodeType,
	type WorkflowExecuteMode,
	Workflow,
} from 'n8n-workflow';

class ItemsSource implements INodeType {
	description = {
		displayName: 'Items',
		name: 'itemsSource',
		group: ['input'],
		version: 1,
		description: 'Emits the items of the test',
		defaults: { name: 'Items' },
		inputs: [],
		outputs: ['main'],
		properties: [{ displayName: 'Items', name: 'items', type: 'json', default: '[]' }] as INodeProperties[],
	} as INodeType['description'];

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const items = JSON.parse(this.getNodeParameter('items', 0) as string) as IDataObject[];
		return [items.map((json) => ({ json }))];
	}
}

class TestCredentialsHelper extends ICredentialsHelper {
	constructor(
		private readonly types: Record<string, ICredentialType>,
		private readonly data: Record<string, ICredentialDataDecryptedObject>,
	) {
		super();
	}

	getParentTypes(): string[] {
		return [];
	}

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		requestOptions: IHttpRequestOptions,
		workflow: Workflow,
		node: INode,
	): Promise<IHttpRequestOptions> {
		const type = this.types[typeName];
		const authenticate = type.authenticate;
		if (typeof authenticate === 'function') return await authenticate(credentials, requestOptions);
		if (!authenticate) return requestOptions;
		const resolve = (value: unknown) =>
			workflow.expression.getSimpleParameterValue(node, value as string, 'internal', { $credentials: credentials }, undefined, value as string);
		for (const [target, entries] of Object.entries(authenticate.properties) as Array<[string, Record<string, unknown>]>) {
			const current = ((requestOptions as unknown as Record<string, IDataObject>)[target] ??= {});
			for (const [key, value] of Object.entries(entries)) current[key] = resolve(value) as string;
		}
		return requestOptions;
	}

	/**
	 * What n8n's CredentialsHelper does (packages/cli/src/credentials-helper.ts, 1.123 and 2.41):
	 * for a credential with a hidden expirable property, when that property is empty or the
	 * caller says the credentials expired, it runs the credential's preAuthentication, saves
	 * the credentials merged with its output, and returns them.
	 */
	async preAuthentication(
		helpers: IHttpRequestHelper,
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		node: INode,
		credentialsExpired: boolean,
	): Promise<ICredentialDataDecryptedObject | undefined> {
		const type = this.types[typeName];
		const expirable = type.properties.find((property) => property.type === 'hidden' && property.typeOptions?.expirable === true);
		if (expirable === undefined || typeof type.preAuthentication !== 'function') return undefined;
		if (credentials[expirable.name] !== '' && !credentialsExpired) return undefined;
		const output = await type.preAuthentication.call(helpers, credentials);
		if (output[expirable.name] === undefined || !node.credentials) return undefined;
		await this.updateCredentials(node.credentials[typeName], typeName, Object.assign(credentials, output));
		return Object.assign(credentials, output);
	}

	async getCredentials(): Promise<never> {
		throw new Error('not used in tests');
	}

	async getDecrypted(
		_additionalData: IWorkflowExecuteAdditionalData,
		nodeCredentials: INodeCredentialsDetails,
		type: string,
	): Promise<ICredentialDataDecryptedObject> {
		const found = this.data[type];
		if (!found) throw new Error(`No test credential of type ${type} (${nodeCredentials.name})`);
		// Defaults of the credential type first, as n8n applies them.
		const defaults = Object.fromEntries(this.types[type].properties.map((property) => [property.name, property.default]));
		return { ...defaults, ...found } as ICredentialDataDecryptedObject;
	}

	/** Saves as n8n's database does (JSON): the test's credentials object, which later runs read. */
	async updateCredentials(_nodeCredentials: INodeCredentialsDetails, type: string, data: ICredentialDataDecryptedObject): Promise<void> {
		const saved = this.data[type];
		for (const key of Object.keys(saved)) delete saved[key];
		Object.assign(saved, JSON.parse(JSON.stringify(data)));
	}

	async updateCredentialsOauthTokenData(): Promise<void> {}

	getCredentialsProperties(type: string): INodeProperties[] {
		return this.types[type].properties;
	}
}

/**
 * A credential's `authenticate` applied to a request as n8n applies it (a generic one: its
 * `={{ }}` values resolved with the credential's data), outside a run.
 */
export async function authenticateRequest(type: ICredentialType, credentials: ICredentialDataDecryptedObject, request: IHttpRequestOptions): Promise<IHttpRequestOptions> {
	const { workflow, node } = buildWorkflow({
		nodeType: new ItemsSource(),
		credentialType: type,
		credentials,
		parameters: {},
		items: [],
	});
	const helper = new TestCredentialsHelper({ [type.name]: type }, { [type.name]: credentials });
	return await helper.authenticate(credentials, type.name, { ...request, headers: { ...request.headers } }, workflow, node);
}

export interface RunOptions {
	nodeType: INodeType;
	credentialType: ICredentialType;
	credentials: ICredentialDataDecryptedObject;
	parameters: IDataObject;
	items: IDataObject[];
	continueOnFail?: boolean;
	/** The node's version in the workflow (1 unless given). */
	typeVersion?: number;
	/** Node settings as saved in a workflow: retryOnFail, maxTries, waitBetweenTries… */
	settings?: Partial<INode>;
}

export interface RunResult {
	/** Output items of our node (json only), or undefined when the node failed. */
	items?: IDataObject[];
	/** Full output items (pairedItem, error). */
	raw?: INodeExecutionData[];
	/** The error that stopped the workflow, if any. */
	error?: { message: string; description?: string; name?: string; context?: IDataObject; httpCode?: string };
	run: IRun;
}

let executionCounter = 0;

/**
 * How the node under test is wired: `main`, Items → node (the default); or `tool`, Items →
 * "Tool Caller" with the node's tool variant on its `ai_tool` input (test/support/tool.ts).
 */
export interface Layout {
	registry: Record<string, INodeType>;
	nodes: (node: INode) => INode[];
	connections: (nodeName: string) => Workflow['connectionsBySourceNode'];
	/** The node whose output the test reads. */
	outputOf: (nodeName: string) => string;
	/** The type name n8n would give the node under test. */
	typeName: (name: string) => string;
}

const itemsNode = (items: IDataObject[]): INode => ({
	id: 'items',
	name: 'Items',
	type: 'test.itemsSource',
	typeVersion: 1,
	position: [0, 0],
	parameters: { items: JSON.stringify(items) },
});

/** The workflow Items → node, with the registry and additional data n8n would give it. */
export function buildWorkflow(options: RunOptions, layout?: Layout) {
	const { nodeType, credentialType } = options;
	DirectoryLoader.applyDeclarativeNodeOptionParameters(nodeType);
	const typeName = layout ? layout.typeName(nodeType.description.name) : `n8n-nodes-contact-sync.${nodeType.description.name}`;
	const registry: Record<string, INodeType> = { 'test.itemsSource': new ItemsSource(), [typeName]: nodeType, ...layout?.registry };
	const nodeTypes: INodeTypes = {
		getByName: (name: string) => registry[name] as INodeType | IVersionedNodeType,
		getByNameAndVersion: (name: string) => registry[name],
		getKnownTypes: () => ({}),
	};

	const nodeName = nodeType.description.defaults.name as string;
	const tested: INode = {
		id: 'node',
		name: nodeName,
		type: typeName,
		typeVersion: options.typeVersion ?? 1,
		position: [200, 0],
		parameters: options.parameters as INode['parameters'],
		credentials: { [credentialType.name]: { id: '1', name: 'test credential' } },
		...(options.continueOnFail ? { onError: 'continueRegularOutput' as const } : {}),
		...options.settings,
	};
	const nodes: INode[] = [itemsNode(options.items), ...(layout ? layout.nodes(tested) : [tested])];
	const workflow = new Workflow({
		id: 'test',
		name: 'test',
		nodes,
		connections: layout ? layout.connections(nodeName) : { Items: { main: [[{ node: nodeName, type: 'main', index: 0 }]] } },
		active: false,
		nodeTypes,
		settings: {},
	});

	const executionId = `test-${++executionCounter}`;
	const mode: WorkflowExecuteMode = 'manual';
	const hooks = new ExecutionLifecycleHooks(mode, executionId, {
		id: 'test',
		name: 'test',
		nodes,
		connections: workflow.connectionsBySourceNode,
		active: false,
		settings: {},
		createdAt: new Date(),
		updatedAt: new Date(),
		isArchived: false,
	} as never);
	const additionalData = {
		credentialsHelper: new TestCredentialsHelper(
			{ [credentialType.name]: credentialType },
			{ [credentialType.name]: options.credentials },
		),
		hooks,
		executionId,
		currentNodeExecutionIndex: 0,
		restApiUrl: 'http://127.0.0.1:5678/rest',
		instanceBaseUrl: 'http://127.0.0.1:5678',
		formWaitingBaseUrl: 'http://127.0.0.1:5678/form-waiting',
		webhookBaseUrl: 'http://127.0.0.1:5678/webhook',
		webhookWaitingBaseUrl: 'http://127.0.0.1:5678/webhook-waiting',
		webhookTestBaseUrl: 'http://127.0.0.1:5678/webhook-test',
		variables: {},
		logAiEvent: () => {},
		executeWorkflow: async () => {
			throw new Error('not used');
		},
		getRunExecutionData: async () => undefined,
		startRunnerTask: async () => {
			throw new Error('not used');
		},
	} as unknown as IWorkflowExecuteAdditionalData;

	return { workflow, additionalData, mode, nodeName: layout ? layout.outputOf(nodeName) : nodeName, node: workflow.getNode(nodeName)! };
}

/** Runs Items → node once through WorkflowExecute, as a manual execution. */
export async function runNode(options: RunOptions, layout?: Layout): Promise<RunResult> {
	const { workflow, additionalData, mode, nodeName } = buildWorkflow(options, layout);
	const run = await new WorkflowExecute(additionalData, mode).run(workflow, workflow.getNode('Items')!);
	const taskData = run.data.resultData.runData[nodeName]?.[0];
	const raw = taskData?.data?.main?.[0] ?? undefined;
	const error = taskData?.error ?? run.data.resultData.error;
	return {
		run,
		raw: raw ?? undefined,
		items: error ? undefined : raw?.map((item) => item.json),
		error: error as RunResult['error'],
	};
}
