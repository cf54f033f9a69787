/**
 * How a failed row reads: in n8n's error panel, in a Continue On Fail error item, and on the
 * error output. The node's own findings read as the node's (no "From Skipcall · Error code:
 * none"), the fix is said once, provider answers stay provider errors, and every message
 * names the row so that a person can find it in the sheet.
 */
import { WorkflowExecute } from 'n8n-core';
import type { IDataObject } from 'n8n-workflow';

import { SkipcallApi } from '../../credentials/SkipcallApi.credentials';
import { retryPolicy } from '../../nodes/common/sending/send';
import { Skipcall } from '../../nodes/Skipcall/Skipcall.node';
import { type RunResult, buildWorkflow } from '../support/n8n.cts';
import { VALID_KEY, runSkipcall, startSkipcall, type SkipcallServer } from '../support/skipcall.cts';

let server: SkipcallServer;
beforeAll(async () => {
	retryPolicy.firstBackoffMs = 10;
	server = await startSkipcall();
});
beforeEach(() => server.reset());
afterAll(async () => await server.stop());

/** Names and numbers from the row, as a sheet gives them. */
const fromRow = {
	operation: 'create',
	firstName: '={{ $json.first }}',
	lastName: '={{ $json.last }}',
	phoneNumbers: '={{ $json.phone }}',
	additionalFields: { email: '={{ $json.email }}' },
};
const marie = { first: 'Marie', last: 'Dupont', phone: '06 12', email: 'marie.dupont@example.com', row_number: 6 };

/** What n8n's error panel shows under "From <node>": present when any of these is set. */
function fromNodeDetails(error: RunResult['error']): unknown[] {
	const raw = error as unknown as { httpCode?: string | null; messages?: string[]; context?: { data?: unknown }; extra?: unknown };
	return [raw.httpCode, ...(raw.messages ?? []).filter((message) => message !== error?.message), raw.context?.data, raw.extra].filter(Boolean);
}

const occurrences = (text: string, part: string) => text.split(part).length - 1;

describe('the node’s own findings read as the node’s, with the fix said once', () => {
	it('a bad phone number: a NodeOperationError, no provider details, the fix in the message only', async () => {
		const result = await runSkipcall(server, fromRow, [marie]);
		expect(server.requests).toEqual([]);
		expect(result.error).toMatchObject({
			name: 'NodeOperationError',
			message:
				'[item 0 · row 6 · Marie Dupont · marie.dupont@example.com] Phone Numbers: "06 12" has no country code. Write it in international format (e.g. +33 6 12 34 56 78) or set Options › Default Country for Phone Numbers.',
			description: 'Found by the node before sending: nothing was sent for this row. Parameter: phoneNumbers.',
		});
		expect(fromNodeDetails(result.error)).toEqual([]);
		expect(occurrences(`${result.error?.message} ${result.error?.description}`, 'Options › Default Country for Phone Numbers')).toBe(1);
	});

	it('a connection that breaks: the node’s finding too, not an answer of Skipcall', async () => {
		server.inject(() => true, 'reset');
		const result = await runSkipcall(server, fromRow, [{ ...marie, phone: '+33612345678' }]);
		expect(result.error).toMatchObject({
			name: 'NodeOperationError',
			message:
				'[item 0 · row 6 · Marie Dupont · marie.dupont@example.com] Connection to Skipcall failed (connection reset): the contact may have been created',
		});
		expect(fromNodeDetails(result.error)).toEqual([]);
	});
});

describe('provider answers stay provider errors', () => {
	it('a 400: a NodeApiError with its HTTP code, labelled with the row', async () => {
		server.inject(() => true, { status: 400, body: { statusCode: 400, message: ['email must be an email'], error: 'Bad Request' } });
		const result = await runSkipcall(server, fromRow, [{ ...marie, phone: '+33612345678' }]);
		expect(result.error).toMatchObject({
			name: 'NodeApiError',
			httpCode: '400',
			message: '[item 0 · row 6 · Marie Dupont · marie.dupont@example.com] Skipcall rejected the request (400): email must be an email',
			description: 'Correct the value the server names, then run the node again.',
		});
	});

	it('a 401 whose fix is in the message: the description does not repeat it', async () => {
		const result = await runSkipcall(server, fromRow, [{ ...marie, phone: '+33612345678' }], { apiKey: 'sk_live_not_this_one' });
		expect(result.error).toMatchObject({ name: 'NodeApiError', httpCode: '401' });
		expect(occurrences(result.error?.message ?? '', 'Copy the API key again')).toBe(1);
		expect(result.error?.description).toBeUndefined();
		expect(JSON.stringify(result.run)).not.toContain('sk_live_not_this_one');
	});
});

describe('every message names the row: n8n’s item index, the sheet line, the name and email', () => {
	it('with Continue On Fail, each error item is self-sufficient: the row, the problem and the fix', async () => {
		const result = await runSkipcall(
			server,
			fromRow,
			[
				{ ...marie, phone: '+33612345678' },
				{ ...marie, first: 'Jean', email: 'jean@example.com', phone: 'n/a', row_number: 7 },
			],
			{ continueOnFail: true },
		);
		expect(result.items?.[0]).toMatchObject({ firstName: 'Marie' });
		expect(result.items?.[1]).toEqual({
			error:
				'[item 1 · row 7 · Jean Dupont · jean@example.com] Phone Numbers: "n/a" has no country code. Write it in international format (e.g. +33 6 12 34 56 78) or set Options › Default Country for Phone Numbers.',
		});
	});

	it('long values are cut; a row without name or email falls back to its phone number; no row number without one', async () => {
		const long = 'Marie-Hélène Anne-Sophie de la Tour d’Auvergne';
		const result = await runSkipcall(
			server,
			fromRow,
			[
				{ first: long, last: '', phone: 'x', email: '' },
				{ first: '', last: '', phone: '12', email: '' },
			],
			{ continueOnFail: true },
		);
		const labels = result.items?.map((item) => String(item.error).slice(0, String(item.error).indexOf(']') + 1));
		expect(labels).toEqual(['[item 0 · Marie-Hélène Anne-Sophie de la Tour d’A…]', '[item 1 · 12]']);
	});

	it('the API key never appears, even when a row holds it', async () => {
		const result = await runSkipcall(server, fromRow, [{ ...marie, first: VALID_KEY }], { continueOnFail: true });
		// The row's own value is the row's: the key the node sends is in no message.
		const { error } = result.items?.[0] as { error: string };
		expect(error.startsWith(`[item 0 · row 6 · ${VALID_KEY} Dupont`)).toBe(true);
		const other = await runSkipcall(server, fromRow, [marie], { continueOnFail: true, apiKey: 'sk_live_secret_in_no_label' });
		expect(JSON.stringify(other.run)).not.toContain('sk_live_secret_in_no_label');
	});
});

describe('On Error › Continue (using error output): failed rows come out on their own branch', () => {
	it('good rows on the success output, failed rows on the error output, each naming its row', async () => {
		const { workflow, additionalData, mode, nodeName, node } = buildWorkflow({
			nodeType: new Skipcall(),
			credentialType: new SkipcallApi(),
			credentials: { apiKey: VALID_KEY, baseUrl: server.baseUrl },
			parameters: { resource: 'contact', ...fromRow, options: { defaultCountry: 'FR' } },
			items: [
				{ ...marie, phone: '06 12 34 56 78', row_number: 2 },
				{ ...marie, first: 'Bad', phone: 'call me', email: 'bad@example.com', row_number: 3 },
				{ ...marie, first: 'Jean', phone: '07 81 23 45 67', email: 'jean@example.com', row_number: 4 },
			] as IDataObject[],
		});
		node.onError = 'continueErrorOutput';
		const run = await new WorkflowExecute(additionalData, mode).run(workflow, workflow.getNode('Items')!);
		const [success, failed] = run.data.resultData.runData[nodeName][0].data!.main;
		expect(success?.map((item) => item.json.firstName)).toEqual(['Marie', 'Jean']);
		expect(failed?.map((item) => item.json)).toEqual([
			{
				error:
					'[item 1 · row 3 · Bad Dupont · bad@example.com] Phone Numbers: "call me" is not a valid phone number for France (FR). Check the digits, or write it in international format (e.g. +44 20 7946 0958) if it is not from France (FR).',
			},
		]);
	});
});
