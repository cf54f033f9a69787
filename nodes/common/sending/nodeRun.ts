import { type IExecuteSingleFunctions, NodeOperationError } from 'n8n-workflow';

import { itemPrefix } from '../messages';

/**
 * What the rows of one run of a node share. n8n's declarative engine handles every input
 * item on its own and all at once (RoutingNode), but without Continue On Fail the run fails
 * as a whole at the first failed row and outputs nothing: a row sent after that is a contact
 * created that no output reports, and created again when the sheet is run once more. So the
 * rows of a run share their first failure (no row is sent after it) and checks made once
 * for every row (common/input/contactBody.ts checks every row before any is sent).
 */
export interface NodeRun {
	continueOnFail: boolean;
	firstFailure?: { itemIndex: number; message: string };
	/** Results computed once for all the rows of the run, by name. */
	once: Map<string, unknown>;
	/** The first row's helpers: n8n builds them anew for every item of every run (see nodeRunOf). */
	firstRow: object;
}

const runs = new WeakMap<object, NodeRun>();

/**
 * The run `context` belongs to. n8n hands every item of one run of a node the same execute
 * data, and a new one to each run (each loop of a workflow); a WeakMap keyed by it lives as
 * long as the run. n8n's own Retry On Fail runs the node again with the same execute data:
 * that retry starts with item 0 and new helpers, and is a new run.
 */
export function nodeRunOf(context: IExecuteSingleFunctions): NodeRun | undefined {
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
		run = { continueOnFail: context.continueOnFail(), once: new Map(), firstRow: helpers };
		runs.set(key, run);
	}
	return run;
}

/** Notes a row's failure: without Continue On Fail, no row is sent after it. */
export function noteFailure(run: NodeRun | undefined, itemIndex: number, error: unknown): void {
	if (!run || run.continueOnFail || run.firstFailure) return;
	if ((error as { notSentBecause?: number } | null)?.notSentBecause !== undefined) return;
	const message = error instanceof Error ? error.message : String(error);
	run.firstFailure = { itemIndex, message };
}

/** Refuses to send a row once another row of the run has failed without Continue On Fail. */
export function throwIfStopped(context: IExecuteSingleFunctions, run: NodeRun | undefined): void {
	const first = run?.firstFailure;
	if (!first) return;
	const itemIndex = context.getItemIndex();
	const error = new NodeOperationError(
		context.getNode(),
		`${itemPrefix(itemIndex)} Not sent: ${itemPrefix(first.itemIndex)} failed first, and without Settings › On Error › Continue the node sends nothing more after a failed row. ${first.message}`,
		{
			itemIndex,
			description:
				'Fix the failed row and run the node again. Rows answered before the failure were handled by the provider; with Settings › On Error › Continue every row is sent and each failure becomes an error item.',
		},
	);
	throw Object.assign(error, { notSentBecause: first.itemIndex });
}

/**
 * Runs one row's work, noting its failure for the other rows of the run. Every operation
 * hook runs its row through here.
 */
export async function asRow<T>(context: IExecuteSingleFunctions, work: () => Promise<T>): Promise<T> {
	const run = nodeRunOf(context);
	return await work().catch((error: unknown) => {
		noteFailure(run, context.getItemIndex(), error);
		throw error;
	});
}
