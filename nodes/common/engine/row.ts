import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	IExecuteFunctions,
	INode,
	INodeExecutionData,
	NodeParameterValueType,
} from 'n8n-workflow';

/**
 * What the rows of one run of a node share: the node's setting, the credentials (read once:
 * n8n reads them from its database and decrypts them on every call), results computed once for
 * every row (the account's index), and whether a row has failed (without Continue On Fail,
 * nothing more is sent after it).
 */
export class Run {
	/** Results computed once for all the rows of the run, by key. */
	private readonly once = new Map<unknown, unknown>();
	/** The first row that failed, without Continue On Fail: no request leaves after it. */
	firstFailure?: { itemIndex: number; message: string };
	private readonly credentials = new Map<string, Promise<ICredentialDataDecryptedObject>>();

	constructor(
		readonly execution: IExecuteFunctions,
		readonly items: INodeExecutionData[],
		readonly continueOnFail: boolean,
	) {}

	/** Without Continue On Fail, a row has failed: no request of another row leaves after it. */
	noteFailure(itemIndex: number, message: string): void {
		if (!this.continueOnFail && !this.firstFailure) this.firstFailure = { itemIndex, message };
	}

	/** What `make` gives, made by the first row that asks and shared with the run's other rows. */
	shared<T>(key: unknown, make: () => T): T {
		if (!this.once.has(key)) this.once.set(key, make());
		return this.once.get(key) as T;
	}

	/** The run's credentials of `type`, read once; a later run reads them as they are then. */
	async credentialsOf(type: string): Promise<ICredentialDataDecryptedObject> {
		let credentials = this.credentials.get(type);
		if (!credentials) {
			credentials = this.execution.getCredentials(type);
			this.credentials.set(type, credentials);
			credentials.catch(() => this.credentials.delete(type));
		}
		return await credentials;
	}
}

/**
 * The error of a request not sent because another row failed first (without Continue On
 * Fail): the row ends without output, and the node fails with the other row's error.
 */
export class NotSent extends Error {
	constructor(readonly itemIndex: number) {
		super(`[item ${itemIndex}] Not sent: another row failed first`);
		this.name = 'NotSent';
	}
}

/**
 * One input row's view of the node's execution: its item index, its parameters (each read once,
 * with n8n's own getNodeParameter for that item), its input item, and the run it belongs to.
 * The shared machinery (common/input, sending, operations) takes a Row where it needs to know
 * which row it works for.
 */
export class Row {
	private readonly parameters = new Map<string, unknown>();

	constructor(
		readonly run: Run,
		readonly itemIndex: number,
	) {}

	getItemIndex(): number {
		return this.itemIndex;
	}

	getNode(): INode {
		return this.run.execution.getNode();
	}

	/** The parameter's value for this row (a dot path reaches inside a collection), `fallback` when unset. */
	getNodeParameter(name: string, fallback?: unknown): NodeParameterValueType | object {
		if (!this.parameters.has(name)) {
			this.parameters.set(name, this.run.execution.getNodeParameter(name, this.itemIndex, fallback as never));
		}
		const value = this.parameters.get(name);
		return (value === undefined ? fallback : value) as NodeParameterValueType | object;
	}

	getInputData(): INodeExecutionData {
		return this.run.items[this.itemIndex];
	}

	getInputItems(): INodeExecutionData[] {
		return this.run.items;
	}

	continueOnFail(): boolean {
		return this.run.continueOnFail;
	}

	getExecutionId(): string | undefined {
		return this.run.execution.getExecutionId();
	}

	getExecutionCancelSignal(): AbortSignal | undefined {
		return this.run.execution.getExecutionCancelSignal?.();
	}

	async getCredentials(type: string): Promise<ICredentialDataDecryptedObject> {
		return await this.run.credentialsOf(type);
	}

	/** n8n's request helpers, called on the execution's own context. */
	get helpers(): IExecuteFunctions['helpers'] {
		return this.run.execution.helpers;
	}

	/** The execution's context, for n8n's helpers that read it. */
	get execution(): IExecuteFunctions {
		return this.run.execution;
	}

	/** NotSent when another row of the run has failed and this one may send nothing more. */
	stopped(): NotSent | undefined {
		const first = this.run.firstFailure;
		return first && first.itemIndex !== this.itemIndex ? new NotSent(this.itemIndex) : undefined;
	}

	/** The Options collection of this row. */
	options(): IDataObject {
		return (this.getNodeParameter('options', {}) ?? {}) as IDataObject;
	}
}
