import { WorkflowExecute } from 'n8n-core';

import { SkipcallApi } from '../../credentials/SkipcallApi.credentials';
import { Skipcall } from '../../nodes/Skipcall/Skipcall.node';
import { retryPolicy } from '../../nodes/common/sending/send';
import { buildWorkflow } from '../support/n8n.cts';
import { type ScriptedServer, json, scriptedServer } from '../support/scripted.cts';

/**
 * Issue 9, case 13: credentials are read once per run of the node, never kept longer. Before,
 * they were kept 60 s per execution id, so an execution resumed under the same id after the
 * credential was edited still sent the old key.
 */

let server: ScriptedServer;
beforeAll(async () => {
	retryPolicy.firstBackoffMs = 10;
	server = await scriptedServer((_, response) => json(response, 200, { id: 'c1' }));
});
afterAll(async () => await server.stop());

async function runWith(apiKey: string, executionId?: string) {
	const built = buildWorkflow({
		nodeType: new Skipcall(),
		credentialType: new SkipcallApi(),
		credentials: { apiKey, baseUrl: `${server.origin}/v1` },
		parameters: { resource: 'contact', operation: 'get', contactId: 'c1' },
		items: [{}, {}],
	});
	if (executionId) built.additionalData.executionId = executionId;
	await new WorkflowExecute(built.additionalData, built.mode).run(built.workflow, built.workflow.getNode('Items')!);
	return built.additionalData.executionId as string;
}

describe('An edited credential is used by the next run, even under the same execution id', () => {
	it('the second run of execution X sends the new key', async () => {
		const executionId = await runWith('sk_live_before_edit_0001');
		await runWith('sk_live_after_edit_0002', executionId);
		expect(server.requests.map((request) => request.headers.authorization)).toEqual([
			'Bearer sk_live_before_edit_0001',
			'Bearer sk_live_before_edit_0001',
			'Bearer sk_live_after_edit_0002',
			'Bearer sk_live_after_edit_0002',
		]);
	});
});
