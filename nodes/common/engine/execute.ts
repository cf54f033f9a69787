import {
	type IExecuteFunctions,
	type IHttpRequestMethods,
	type IHttpRequestOptions,
	type INodeExecutionData,
	NodeApiError,
	NodeOperationError,
} from 'n8n-workflow';

import { rowLabel, rowPartsOf, withRowLabel } from '../messages';
import { pacing } from '../sending/pacing';
import { mayHaveActed } from '../sending/send';
import { retryMemoOf } from './retries';
import { NotSent, Row, Run } from './row';

/**
 * One operation of a node, as data the engine runs: the request a row starts from, the steps
 * that read and check the row's parameters and complete the request (body, query, the contact
 * ID in the URL), and how a row is sent (one request, Create or Update's lookups, Get Many's
 * pages…).
 */
export interface OperationPlan {
	request: { method: IHttpRequestMethods; url: string };
	read?: ReadStep[];
	send: (this: Row, request: IHttpRequestOptions) => Promise<INodeExecutionData[]>;
}

/** Reads and checks part of a row's parameters and completes its request; fails the row with what is wrong. */
export type ReadStep = (this: Row, request: IHttpRequestOptions) => Promise<IHttpRequestOptions>;

/** What became of a row: its output items, its error, or nothing (not sent after another row failed). */
type Outcome = { items: INodeExecutionData[] } | { error: Error } | { notSent: true };

/** Rows on their way at once: the pacing of each key decides how many of their requests are on the wire. */
const ROWS_AT_ONCE = pacing.maxInFlight;

/**
 * The one `execute()` of every node of the package, for the plans of its operations:
 * 1. every row is read and checked before anything is sent: without Continue On Fail, an
 *    invalid row stops the node with its error and nothing is sent;
 * 2. the rows are sent in input order, each within its key's pacing; without Continue On Fail,
 *    no request leaves after a row has failed, and the node fails with that row's error;
 * 3. one output item per input row, in order, paired with it (Get Many: the row's contacts).
 * With Settings › Retry On Fail, a retry of the node within the execution sends only the rows
 * that have no answer yet (retries.ts).
 */
export function executeOperations(plans: Record<string, OperationPlan>) {
	return async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const items = this.getInputData();
		const operation = this.getNodeParameter('operation', 0) as string;
		const plan = plans[operation];
		if (!plan) throw new NodeOperationError(this.getNode(), `The operation "${operation}" is not one this node knows`);
		const run = new Run(this, items, this.continueOnFail());
		const memo = retryMemoOf(this);
		const rows = items.map((_, itemIndex) => new Row(run, itemIndex));
		const outcomes: Outcome[] = [];
		const requests: Array<IHttpRequestOptions | undefined> = [];

		for (const row of rows) {
			const answered = memo?.answerOf(row.itemIndex);
			if (answered) {
				outcomes[row.itemIndex] = answered;
				continue;
			}
			try {
				requests[row.itemIndex] = await readRow(plan, row);
			} catch (error) {
				const labelled = labelRowError(row, error);
				if (!run.continueOnFail) throw labelled;
				outcomes[row.itemIndex] = { error: labelled };
			}
		}

		const toSend = rows.filter((row) => requests[row.itemIndex] !== undefined);
		await inOrder(toSend, ROWS_AT_ONCE, async (row) => {
			outcomes[row.itemIndex] = await sendRow(plan, row, requests[row.itemIndex] as IHttpRequestOptions);
		});

		memo?.remember(outcomes.map((outcome) => ('items' in outcome || ('error' in outcome && mayHaveActed(outcome.error)) ? outcome : undefined)));
		if (!run.continueOnFail) {
			const failure = outcomes.find((outcome): outcome is { error: Error } => 'error' in outcome);
			if (failure) throw failure.error;
		}
		return [rows.flatMap((row) => outputOf(outcomes[row.itemIndex], row.itemIndex))];
	};
}

async function readRow(plan: OperationPlan, row: Row): Promise<IHttpRequestOptions> {
	let request: IHttpRequestOptions = { method: plan.request.method, url: plan.request.url, qs: {}, headers: {} };
	for (const step of plan.read ?? []) request = await step.call(row, request);
	return request;
}

async function sendRow(plan: OperationPlan, row: Row, request: IHttpRequestOptions): Promise<Outcome> {
	const { run } = row;
	if (run.firstFailure) return { notSent: true };
	try {
		return { items: await plan.send.call(row, request) };
	} catch (error) {
		if (error instanceof NotSent) return { notSent: true };
		const labelled = labelRowError(row, error);
		run.noteFailure(row.itemIndex, labelled.message);
		return { error: labelled };
	}
}

/** Runs `work` on each entry in order, at most `width` at once: entry n starts before entry n + 1. */
async function inOrder<T>(entries: T[], width: number, work: (entry: T) => Promise<void>): Promise<void> {
	let next = 0;
	const worker = async () => {
		while (next < entries.length) await work(entries[next++]);
	};
	await Promise.all(Array.from({ length: Math.min(width, entries.length) }, worker));
}

/** A row's output: its items, paired with it, or its error item (Continue On Fail). */
function outputOf(outcome: Outcome | undefined, itemIndex: number): INodeExecutionData[] {
	const pairedItem = { item: itemIndex };
	if (!outcome || 'notSent' in outcome) return [];
	if ('error' in outcome) return [{ json: { error: outcome.error.message }, error: outcome.error as NodeApiError, pairedItem }];
	return outcome.items.map((item) => ({ ...item, pairedItem }));
}

/**
 * The error in the shape every message of the package has: starting with the row's label
 * (`[item 4 · row 6 · Marie Dupont · marie@example.com]`), the fix said once. Our findings stay
 * NodeOperationErrors, the provider's refusals NodeApiErrors; n8n's own errors (an expression
 * that fails) keep their class and get the label.
 */
function labelRowError(row: Row, error: unknown): Error {
	const itemIndex = row.itemIndex;
	const label = rowLabel(itemIndex, rowPartsOf(row));
	if (error instanceof NodeApiError || error instanceof NodeOperationError) {
		error.message = withRowLabel(error.message, itemIndex, label);
		const description = error.description?.trim();
		if (description && error.message.includes(description)) error.description = undefined;
		return error;
	}
	if (error instanceof Error) {
		error.message = withRowLabel(error.message, itemIndex, label);
		return error;
	}
	return new NodeOperationError(row.getNode(), withRowLabel(String(error), itemIndex, label), { itemIndex });
}

