import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

/**
 * Settings › Retry On Fail without duplicates. When a node fails (or, with Continue On Fail,
 * outputs an error first), n8n runs it again within the same execution, same run, same input:
 * every row the first try sent would be sent again, and every contact it created created
 * twice. So the answers of a try are kept for the next: a retry gives the rows that were
 * answered their earlier items, in the same order, and sends only the others (the row that
 * failed, and those not sent after it). A row whose try failed in a way that may have created
 * the contact all the same (the connection broke after sending, a 5xx to a create) is not sent
 * again: the retry gives it the same error, which says to check before running it again.
 *
 * Kept by what n8n gives every execute(): the execution's id, the node, the run index (a loop
 * or a later run of the node is another run, with its own rows). Kept only while the node may
 * still be retried: dropped once every row has an answer, and after KEEP_MS in any case.
 */

/** What a try gave a row that a retry gives it again: its items, or an error after which the contact may exist. */
export type RetryAnswer = { items: INodeExecutionData[] } | { error: Error };

interface Held {
	answers: Array<RetryAnswer | undefined>;
	at: number;
}

const held = new Map<string, Held>();

/** n8n waits at most 5 s between tries: a quarter of an hour outlasts any retry. */
export const KEEP_MS = 15 * 60_000;

export interface RetryMemo {
	/** What an earlier try of this run gave the row, if a retry is to give it again. */
	answerOf(itemIndex: number): RetryAnswer | undefined;
	/** Keeps this try's answers (with the earlier ones) for a retry; forgets them once every row has its items. */
	remember(answers: Array<RetryAnswer | undefined>): void;
}

function prune(now: number): void {
	for (const [key, entry] of held) if (now - entry.at > KEEP_MS) held.delete(key);
}

/** The retry memory of this run of the node, or undefined when n8n will not retry it (Retry On Fail off, no execution id). */
export function retryMemoOf(context: IExecuteFunctions): RetryMemo | undefined {
	const node = context.getNode();
	const executionId = context.getExecutionId();
	if (node.retryOnFail !== true || !executionId) return undefined;
	const runIndex = context.getWorkflowDataProxy(0).$runIndex;
	const key = `${executionId}|${node.id || node.name}|${runIndex}`;
	const now = Date.now();
	prune(now);
	const earlier = held.get(key);
	const count = context.getInputData().length;
	const answers = earlier && earlier.answers.length === count ? earlier.answers : [];
	return {
		answerOf: (itemIndex) => answers[itemIndex],
		remember(current) {
			const merged = Array.from({ length: count }, (_, itemIndex) => current[itemIndex] ?? answers[itemIndex]);
			if (merged.every((entry) => entry !== undefined && 'items' in entry)) held.delete(key);
			else held.set(key, { answers: merged, at: Date.now() });
		},
	};
}
