import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	INodeExecutionData,
	INodeParameters,
	NodeParameterValueType,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { Row } from '../engine/row';
import { itemPrefix } from '../messages';
import { nodeRunOf } from './nodeRun';

/**
 * Without Continue On Fail, a check every row must pass is made on every row before any row
 * is sent (NodeRun in nodeRun.ts says why). n8n gives a preSend the context of its own item
 * only, and starts each item's request as soon as that item's parameters are read; so the
 * first row to arrive runs the check for all rows, each through a context of that row
 * (rowContext), and every row waits for that verdict.
 */

type PreSend = (this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions) => Promise<IHttpRequestOptions>;

interface Verdict {
	/** The first row that failed the check, and its error. */
	failure?: { itemIndex: number; error: unknown };
	/** What the check built for each row (its request options), for checks that look further. */
	built: Map<number, IHttpRequestOptions>;
}

/** The run's input items (RoutingNode reads the main input, or the tool input of an AI agent). */
export function inputItems(context: IExecuteSingleFunctions): INodeExecutionData[] | undefined {
	if (context instanceof Row) return context.getInputItems();
	const data = context.getExecuteData()?.data;
	const items = data?.main?.[0] ?? data?.ai_tool?.[0];
	return Array.isArray(items) ? (items as INodeExecutionData[]) : undefined;
}

const isDateTime = (value: unknown) => (value as { isLuxonDateTime?: unknown } | null)?.isLuxonDateTime === true;

/**
 * A parameter's value for row `itemIndex`: expressions evaluated for that row, as
 * getNodeParameter evaluates them for its own row (n8n-core's getParameterValue, then its
 * cleanup: a date nested in an object or list becomes its text).
 */
function resolveFor(context: IExecuteSingleFunctions, value: unknown, itemIndex: number, nested = false): unknown {
	if (typeof value === 'string') return value.startsWith('=') ? context.evaluateExpression(value.slice(1), itemIndex) : value;
	if (nested && isDateTime(value)) return String(value);
	if (Array.isArray(value)) return value.map((entry) => resolveFor(context, entry, itemIndex, true));
	if (value && typeof value === 'object' && !isDateTime(value)) {
		return Object.fromEntries(Object.entries(value).map(([key, entry]) => [key, resolveFor(context, entry, itemIndex, true)]));
	}
	return value;
}

function valueAt(parameters: INodeParameters, path: string): unknown {
	return path.split('.').reduce<unknown>((value, key) => (value && typeof value === 'object' ? (value as IDataObject)[key] : undefined), parameters);
}

/** A context like `context`, for another row of the same run: its item index, parameters and input item. */
export function rowContext(context: IExecuteSingleFunctions, itemIndex: number, parameters: INodeParameters, items: INodeExecutionData[]): IExecuteSingleFunctions {
	return Object.create(context, {
		getItemIndex: { value: () => itemIndex },
		getInputData: { value: () => items[itemIndex] },
		getNodeParameter: {
			value: (name: string, fallback?: unknown) => {
				const raw = valueAt(parameters, name);
				return (raw === undefined ? fallback : resolveFor(context, raw, itemIndex)) as NodeParameterValueType;
			},
		},
		evaluateExpression: { value: (expression: string, index = itemIndex) => context.evaluateExpression(expression, index) },
	}) as IExecuteSingleFunctions;
}

async function checkEveryRow(context: IExecuteSingleFunctions, check: PreSend, requestOptions: IHttpRequestOptions): Promise<Verdict> {
	const items = inputItems(context) ?? [];
	const parameters = context.getNode().parameters;
	const built = new Map<number, IHttpRequestOptions>();
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		const options: IHttpRequestOptions = {
			...requestOptions,
			body: requestOptions.body && typeof requestOptions.body === 'object' ? { ...(requestOptions.body as IDataObject) } : requestOptions.body,
			qs: { ...requestOptions.qs },
			headers: { ...requestOptions.headers },
		};
		try {
			built.set(itemIndex, await check.call(rowContext(context, itemIndex, parameters, items), options));
		} catch (error) {
			// An expression that fails for that row fails the row, named like any input error.
			const found =
				error instanceof NodeOperationError
					? error
					: new NodeOperationError(context.getNode(), `${itemPrefix(itemIndex)} ${error instanceof Error ? error.message : String(error)}`, { itemIndex });
			return { failure: { itemIndex, error: found }, built };
		}
	}
	return { built };
}

/**
 * The preSend `check`, made on every row first when Continue On Fail is off: the first row
 * that fails it fails with its error, and every other row is held (nodeRun.ts), so nothing
 * is sent. With Continue On Fail each row is checked on its own, as before. `name` lets a
 * later check read what this one built for every row (builtForEveryRow).
 */
export function everyRowFirst(check: PreSend, name?: string): PreSend {
	return async function (this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> {
		const run = nodeRunOf(this);
		if (!run || run.continueOnFail || run.engine) return await check.call(this, requestOptions);
		let verdict = run.once.get(check) as Promise<Verdict> | undefined;
		if (!verdict) {
			verdict = checkEveryRow(this, check, requestOptions);
			run.once.set(check, verdict);
			if (name !== undefined) run.once.set(name, verdict);
		}
		const { failure } = await verdict;
		const itemIndex = this.getItemIndex();
		if (failure?.itemIndex === itemIndex) throw failure.error;
		if (failure) {
			run.held.add(itemIndex);
			return requestOptions;
		}
		return await check.call(this, requestOptions);
	};
}

/**
 * What the check named `name` (everyRowFirst) built for each row of the run, once every row
 * passed it. Undefined with Continue On Fail, outside a run, or when no such check ran.
 */
export async function builtForEveryRow(context: IExecuteSingleFunctions, name: string): Promise<Map<number, IHttpRequestOptions> | undefined> {
	const run = nodeRunOf(context);
	const verdict = run && !run.continueOnFail && !run.engine ? (run.once.get(name) as Promise<Verdict> | undefined) : undefined;
	if (!verdict) return undefined;
	const { failure, built } = await verdict;
	return failure ? undefined : built;
}

/**
 * A check of every row that a request hook makes (Create or Update's lookup keys, from what
 * a preSend built): `firstFailing` runs once per run and names the first row that fails.
 * That row fails with its error; the others are held and end without output (sendingRow).
 * Returns whether this row may be sent.
 */
export async function hookCheckOfEveryRow(
	context: IExecuteSingleFunctions,
	key: unknown,
	firstFailing: () => Promise<{ itemIndex: number; error: unknown } | undefined>,
): Promise<boolean> {
	const run = nodeRunOf(context);
	if (!run || run.continueOnFail || run.engine) return true;
	let verdict = run.once.get(key) as Promise<{ itemIndex: number; error: unknown } | undefined> | undefined;
	if (!verdict) {
		verdict = firstFailing();
		run.once.set(key, verdict);
	}
	const failure = await verdict;
	if (!failure) return true;
	if (failure.itemIndex === context.getItemIndex()) throw failure.error;
	run.held.add(context.getItemIndex());
	return false;
}
