import { retryPolicy } from '../../nodes/common/sending/send';
import { TETHER_ACTIVE_PIPELINE, TETHER_PIPELINES, requestLines, runTether, startTether, type TetherServer } from '../support/tether.cts';

let server: TetherServer;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
let contact: any;
beforeAll(async () => {
	retryPolicy.firstBackoffMs = 10;
	server = await startTether({ tokenUses: Infinity });
});
beforeEach(() => {
	server.clearContacts();
	contact = server.seedContact({ firstName: 'Jane', lastName: 'Doe', email: 'jane@example.com', phoneNumber: ['+14165550100'] });
	server.reset();
});
afterAll(async () => await server.stop());

const [NEW, CONTACTED, QUALIFIED] = TETHER_ACTIVE_PIPELINE.stages;
const PARTNERS = TETHER_PIPELINES[1];
const update = (updateFields: Record<string, unknown>, contactId = '={{ $json.id }}') => ({ operation: 'update', contactId, updateFields });
const patch = () => server.requests.find((request: { method: string }) => request.method === 'PATCH');

describe('Update sends PATCH /api/contacts/{id} with only what Tether can change, and outputs the contact', () => {
	it('status, stage, pipeline and phone numbers (which replace the list), exactly', async () => {
		const result = await runTether(
			server,
			{
				...update({ status: 'Onboarding', pipelineStage: PARTNERS.stages[1]._id, pipelineId: PARTNERS._id, phoneNumbers: '+1 416 555 0199, 416 555 0100' }),
				options: { defaultCountry: 'CA' },
			},
			[{ id: contact._id }],
		);
		expect(result.error).toBeUndefined();
		expect(requestLines(server)).toEqual([`PATCH /api/contacts/${contact._id}`]);
		expect(patch().body).toEqual({
			status: 'Onboarding',
			pipelineStage: PARTNERS.stages[1]._id,
			pipelineId: PARTNERS._id,
			phoneNumber: [
				{ value: '+14165550199', isPrimary: true },
				{ value: '+14165550100', isPrimary: false },
			],
		});
		expect(result.items).toEqual([JSON.parse(JSON.stringify(server.contacts.get(contact._id)))]);
		expect(result.items?.[0]).toMatchObject({ firstName: 'Jane', status: 'Onboarding', pipelineId: PARTNERS._id });
	});

	it('a stage by name alone moves the contact within its pipeline', async () => {
		const result = await runTether(server, update({ status: 'Qualified' }), [{ id: contact._id }]);
		expect(patch().body).toEqual({ status: 'Qualified' });
		expect(result.items?.[0]).toMatchObject({ status: 'Qualified', pipelineStage: QUALIFIED._id });
	});

	it('Pipeline Stage "clear" (or null from an expression) sends null: the contact leaves its stage', async () => {
		await runTether(server, update({ pipelineStage: CONTACTED._id }), [{ id: contact._id }]);
		server.reset();
		const result = await runTether(server, update({ pipelineStage: ' Clear ' }), [{ id: contact._id }]);
		expect(patch().body).toEqual({ pipelineStage: null });
		expect(result.items?.[0]).toMatchObject({ pipelineStage: null, status: null, pipelineId: TETHER_ACTIVE_PIPELINE._id });
		server.reset();
		await runTether(server, update({ pipelineStage: '={{ null }}', pipelineId: TETHER_ACTIVE_PIPELINE._id }), [{ id: contact._id }]);
		expect(patch().body).toEqual({ pipelineStage: null, pipelineId: TETHER_ACTIVE_PIPELINE._id });
	});

	it('a stage given by its id', async () => {
		const result = await runTether(server, update({ pipelineStage: NEW._id }), [{ id: contact._id }]);
		expect(result.items?.[0]).toMatchObject({ status: 'New', pipelineStage: NEW._id });
	});
});

describe('Update refuses what it cannot send, before sending', () => {
	it.each([
		['nothing to update', {}, '[item 0 · contact CID] Update Fields: nothing to update. Add at least one field with a value.'],
		['a status while clearing the stage', { status: 'New', pipelineStage: 'clear' }, '[item 0 · contact CID] Update Fields: Status is "New" while Pipeline Stage is cleared. Either clear Pipeline Stage or set Status, not both.'],
		['an invalid phone number', { phoneNumbers: '+1 416 555' }, '[item 0 · contact CID] Phone Numbers: "+1 416 555" is not a valid international phone number. Check the digits after the country code, e.g. +33 6 12 34 56 78.'],
	])('%s', async (_, updateFields, message) => {
		const result = await runTether(server, update(updateFields), [{ id: contact._id }]);
		expect(result.error?.message).toBe(message.replace('CID', contact._id));
		expect(server.requests).toHaveLength(0);
	});

	it('an empty Contact ID', async () => {
		const result = await runTether(server, update({ status: 'New' }, ' '));
		expect(result.error?.message).toBe('[item 0] Contact ID: is required but empty. Give the ID of the contact.');
		expect(server.requests).toHaveLength(0);
	});
});

describe('Update’s errors name the contact and say what to do', () => {
	it('an unknown id: 404 naming it (the id is URL-encoded)', async () => {
		const result = await runTether(server, update({ status: 'New' }, 'no/such id'), [{}], { continueOnFail: true });
		expect(requestLines(server)).toEqual(['PATCH /api/contacts/no%2Fsuch%20id']);
		expect(result.items?.[0].error).toMatch(/^\[item 0 · contact no\/such id\] Contact no\/such id not found at Tether \(404\)/);
	});

	it('a number another contact has: names the number and that contact, not updated', async () => {
		const other = server.seedContact({ firstName: 'Ann', phoneNumber: ['+14165550111'] });
		server.reset();
		const result = await runTether(server, update({ phoneNumbers: '+14165550100, +14165550111' }), [{ id: contact._id }], { continueOnFail: true });
		expect(result.items).toEqual([
			{
				error: `[item 0 · contact ${contact._id}] Phone number +14165550111 already belongs to Tether contact ${other._id} (409). Remove the number from this row, or from the other contact first.`,
			},
		]);
		expect(server.contacts.get(contact._id).phoneNumber).toEqual([{ value: '+14165550100', isPrimary: true }]);
	});

	it('a stage name the pipeline does not have: Tether’s own words, listing the stages', async () => {
		const result = await runTether(server, update({ status: 'Negotiation' }), [{ id: contact._id }]);
		expect(result.error?.message).toBe(
			`[item 0 · contact ${contact._id}] Tether rejected the request (400): status "Negotiation" is not a stage of pipeline "Sales" (stages: New, Contacted, Qualified, Won, Lost)`,
		);
	});
});
