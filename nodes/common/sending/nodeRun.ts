import {
	type DeclarativeRestApiSettings,
	type IExecutePaginationFunctions,
	type IExecuteSingleFunctions,
	type INodeExecutionData,
	NodeOperationError,
} from 'n8n-workflow';

import { Row } from '../engine/row';
import { itemPrefix } from '../messages';

/**
 * What the rows of one run of a node share. n8n's declarative engine handles every input
 * item on its own and all at once (RoutingNode), but without Continue On Fail the run fails
 * as a whole at a failed row and outputs nothing: a row sent anyway is a contact created
 * that no output reports, and created again when the sheet is run once more. So, without
 * Continue On Fail, the rows of a run share:
 * - the verdict of checks made on every row before any is sent (everyRowFirst.ts): while one
 *   row is invalid, the others are held and not sent;
 * - their first failure: no row is sent after it.
 * RoutingNode reports the failed row with the lowest index, so a row held or stopped for
 * another's sake ends without output (sendingRow) rather than with an error of its own: the
 * run still fails, with the error of the row that caused it.
 */
export interface NodeRun {
	continueOnFail: boolean;
	/** A run of the one execute() (common/engine): it reads every row first and stops after a failure itself. */
	engine?: boolean;
	firstFailure?: { itemIndex: number; message: string };
	/** Rows not to send because another row is invalid. */
	held: Set<number>;
	/** Results computed once for all the rows of the run, by key. */
	once: Map<unknown, unknown>;
	/** The first row's helpers: n8n builds them anew for every item of every run (see nodeRunOf). */
	firstRow: object;
}

const runs = new WeakMap<object, NodeRun>();

/**
 * The run `context` belongs to. n8n hands every item of one run of a node the same execute
 * data, and a new one to each run (each loop of a workflow, each resumed execution); a
 * WeakMap keyed by it lives as long as the run. n8n's own Retry On Fail runs the node again
 * with the same execute data: that retry starts with item 0 and new helpers, and is a new run.
 */
export function nodeRunOf(context: IExecuteSingleFunctions): NodeRun | undefined {
	if (context instanceof Row) return context.run;
	let key: unknown;
	try {
		key = context.getExecuteData();
	} catch {
		key = undefined;
	}
	if (!key || typeof key !== 'object') return undefined;
	const helpers = context.helpers as object;
	let run = runs.get(key);
	if (!run || (context.getItemIndex() === 0 && run.firstRow !== helpers)) {
		run = { continueOnFail: context.continueOnFail(), held: new Set(), once: new Map(), firstRow: helpers };
		runs.set(key, run);
	}
	return run;
}

/** Notes a row's failure: without Continue On Fail, no row is sent after it. */
export function noteFailure(run: NodeRun | undefined, itemIndex: number, error: unknown): void {
	if (!run || run.continueOnFail || run.firstFailure || notSent(error)) return;
	const message = error instanceof Error ? error.message : String(error);
	run.firstFailure = { itemIndex, message };
}

function notSent(error: unknown): boolean {
	return (error as { notSent?: unknown } | null)?.notSent === true;
}

/**
 * The error of a row not to send: held for another row's sake, or another row of the run
 * has failed. Every request checks this before it leaves (sending/send.ts).
 */
export function stoppedError(context: IExecuteSingleFunctions, run: NodeRun | undefined): NodeOperationError | undefined {
	if (!run || run.continueOnFail) return undefined;
	const itemIndex = context.getItemIndex();
	const first = run.firstFailure;
	let message: string | undefined;
	if (run.held.has(itemIndex)) {
		message = `${itemPrefix(itemIndex)} Not sent: another row is invalid, and without Settings › On Error › Continue the node sends no row until every row is valid`;
	} else if (first && first.itemIndex !== itemIndex) {
		message = `${itemPrefix(itemIndex)} Not sent: ${itemPrefix(first.itemIndex)} failed first, and without Settings › On Error › Continue the node sends nothing more after a failed row. ${first.message}`;
	}
	if (message === undefined) return undefined;
	const error = new NodeOperationError(context.getNode(), message, {
		itemIndex,
		description: 'Fix the failed row and run the node again. With Settings › On Error › Continue every row is sent and each failure becomes an error item.',
	});
	return Object.assign(error, { notSent: true });
}

type RequestHook = (
	this: IExecutePaginationFunctions,
	requestData: DeclarativeRestApiSettings.ResultOptions,
) => Promise<INodeExecutionData[]>;

/**
 * A request hook that takes part in the run's discipline: a row held or stopped for another
 * row's sake ends without output (the run fails with that row's error, see NodeRun), and a
 * row's own failure stops the rows not sent yet. Every hook of common/operations is one.
 */
export function sendingRow(hook: RequestHook): RequestHook {
	return async function (this: IExecutePaginationFunctions, requestData: DeclarativeRestApiSettings.ResultOptions) {
		const run = nodeRunOf(this);
		if (run?.engine) return await hook.call(this, requestData);
		const itemIndex = this.getItemIndex();
		if (run && !run.continueOnFail && run.held.has(itemIndex)) return [];
		return await hook.call(this, requestData).catch((error: unknown) => {
			if (run && !run.continueOnFail && notSent(error)) return [];
			noteFailure(run, itemIndex, error);
			throw error;
		});
	};
}
