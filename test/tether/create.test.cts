import { retryPolicy } from '../../nodes/common/sending/send';
import {
	TETHER_ACTIVE_PIPELINE,
	TETHER_PIPELINES,
	loginCredentials,
	requestLines,
	runTether,
	startTether,
	tokenCredentials,
	type TetherServer,
} from '../support/tether.cts';

let server: TetherServer;
beforeAll(async () => {
	retryPolicy.firstBackoffMs = 10;
	server = await startTether({ tokenUses: Infinity });
});
beforeEach(() => {
	server.reset();
	server.clearContacts();
});
afterAll(async () => await server.stop());

const PARTNERS = TETHER_PIPELINES[1];
const posts = () => server.requests.filter((request: { method: string; path: string }) => request.method === 'POST' && request.path === '/api/contact');

describe.each([
	['Access Token', tokenCredentials],
	['Login', loginCredentials],
])('Create sends every documented field to POST /api/contact and outputs the contact (%s)', (_, credentialsOf) => {
	it('sends the exact body (phone objects in E.164, the first primary, email as text) and outputs data.contact', async () => {
		const result = await runTether(
			server,
			{
				operation: 'create',
				phoneNumbers: '={{ $json.phones }}',
				additionalFields: {
					firstName: ' Jane ',
					lastName: 'Doe',
					email: 'jane.doe@example.com',
					process: 'inbound',
					status: 'Qualified',
					pipelineStage: TETHER_ACTIVE_PIPELINE.stages[2]._id,
					pipelineId: TETHER_ACTIVE_PIPELINE._id,
				},
				options: { defaultCountry: 'CA' },
			},
			[{ phones: '(416) 555-0100; +1 416 555 0101, 416.555.0100' }],
			{ credentials: credentialsOf(server) },
		);
		expect(result.error).toBeUndefined();
		const [request] = posts();
		expect(request.body).toEqual({
			phoneNumber: [
				{ value: '+14165550100', isPrimary: true },
				{ value: '+14165550101', isPrimary: false },
			],
			firstName: 'Jane',
			lastName: 'Doe',
			email: 'jane.doe@example.com',
			process: 'inbound',
			status: 'Qualified',
			pipelineStage: TETHER_ACTIVE_PIPELINE.stages[2]._id,
			pipelineId: TETHER_ACTIVE_PIPELINE._id,
		});
		expect(request.headers['content-type']).toBe('application/json');
		const [contact] = server.contacts.values();
		expect(result.items).toEqual([JSON.parse(JSON.stringify(contact))]);
		expect(result.items?.[0]).toMatchObject({ status: 'Qualified', email: 'jane.doe@example.com' });
	});
});

describe('Phone numbers are read as people write them and sent as Tether’s objects', () => {
	const phones = async (value: unknown, options: object = {}) => {
		server.clearContacts();
		const result = await runTether(server, { operation: 'create', phoneNumbers: '={{ $json.value }}', options }, [{ value }]);
		expect(result.error).toBeUndefined();
		return posts().at(-1).body.phoneNumber;
	};

	it('one number, several in a cell, an array, a numeric cell', async () => {
		expect(await phones('+33 6 12 34 56 78')).toEqual([{ value: '+33612345678', isPrimary: true }]);
		expect(await phones('06 12 34 56 78\n07 81 23 45 67', { defaultCountry: 'FR' })).toEqual([
			{ value: '+33612345678', isPrimary: true },
			{ value: '+33781234567', isPrimary: false },
		]);
		expect(await phones(['+44 20 7946 0958', '+44 7911 123456'])).toEqual([
			{ value: '+442079460958', isPrimary: true },
			{ value: '+447911123456', isPrimary: false },
		]);
		expect(await phones(4915123456789)).toEqual([{ value: '+4915123456789', isPrimary: true }]);
	});

	it('a Tether contact’s own phoneNumber entries: the one marked primary stays primary', async () => {
		expect(
			await phones([
				{ value: '+1 212 555 0123', isPrimary: false },
				{ value: '+1 212 555 0124', isPrimary: true },
			]),
		).toEqual([
			{ value: '+12125550123', isPrimary: false },
			{ value: '+12125550124', isPrimary: true },
		]);
	});

	it('status and pipeline given by name and id go to the named pipeline', async () => {
		const result = await runTether(server, {
			operation: 'create',
			phoneNumbers: '+12125550150',
			additionalFields: { status: 'Onboarding', pipelineId: PARTNERS._id },
		});
		expect(result.items?.[0]).toMatchObject({ pipelineId: PARTNERS._id, status: 'Onboarding', pipelineStage: PARTNERS.stages[1]._id });
	});

	it('without stage or pipeline, Tether puts the contact in the active pipeline’s first stage; nothing empty is sent', async () => {
		const result = await runTether(server, { operation: 'create', phoneNumbers: '+12125550151', additionalFields: { firstName: '', email: ' ', status: '' } });
		expect(posts()[0].body).toEqual({ phoneNumber: [{ value: '+12125550151', isPrimary: true }] });
		expect(result.items?.[0]).toMatchObject({ pipelineId: TETHER_ACTIVE_PIPELINE._id, status: 'New' });
	});
});

describe('Bad input never reaches Tether', () => {
	it.each([
		['no phone number', { phoneNumbers: ' ' }, '[item 0] Phone Numbers: is required but empty. Give a value for Phone Numbers.'],
		[
			'a number without country code and no Default Country',
			{ phoneNumbers: '416-555-0100' },
			'[item 0 · 416-555-0100] Phone Numbers: "416-555-0100" has no country code. Write it in international format (e.g. +33 6 12 34 56 78) or set Options › Default Country for Phone Numbers.',
		],
		[
			'two numbers marked primary',
			{ phoneNumbers: '={{ [{ value: "+12125550123", isPrimary: true }, { value: "+12125550124", isPrimary: true }] }}' },
			'[item 0] Phone Numbers: 2 numbers are marked primary (+12125550123, +12125550124). Mark exactly one number with isPrimary: true, or none (the first is then primary).',
		],
		[
			'an email that is not one',
			{ phoneNumbers: '+12125550123', additionalFields: { email: 'jane@' } },
			'[item 0 · jane@] Email: "jane@" is not an email address. Give an address such as jane@example.com.',
		],
	])('refuses %s', async (_, parameters, message) => {
		const result = await runTether(server, { operation: 'create', ...parameters });
		expect(server.requests).toHaveLength(0);
		expect(result.error?.message).toBe(message);
	});
});

describe('A number another contact has: the error names the number and that contact, and points to Create or Update', () => {
	const fix = (id: string) => `Use Create or Update to update that contact, or Update with Contact ID ${id}.`;

	it('409 naming the contact: said as Tether says it, without another request', async () => {
		const holder = server.seedContact({ firstName: 'Ann', phoneNumber: ['+12125550160'] });
		const result = await runTether(server, { operation: 'create', phoneNumbers: '+1 212 555 0160' }, [{}], { continueOnFail: true });
		expect(result.items).toEqual([{ error: `[item 0 · +1 212 555 0160] Phone number +12125550160 already belongs to Tether contact ${holder._id} (409). ${fix(holder._id)}` }]);
		expect(requestLines(server)).toEqual(['POST /api/contact']);
		expect(server.contacts.size).toBe(1);
	});

	it('400 without the contact’s id (an instance answering so): the contact is found by the number', async () => {
		server.configure({ duplicateStatus: 400, duplicateContactId: false });
		try {
			const holder = server.seedContact({ firstName: 'Ann', phoneNumber: ['+12125550161', '+12125550162'] });
			const result = await runTether(server, { operation: 'create', phoneNumbers: '+12125550170, +12125550162', additionalFields: { firstName: 'Bo' } });
			expect(result.error?.message).toBe(`[item 0 · Bo] Phone number +12125550162 already belongs to Tether contact ${holder._id} (400). ${fix(holder._id)}`);
			expect(result.error?.httpCode).toBe('400');
			expect(requestLines(server)).toEqual(['POST /api/contact', 'GET /api/contacts?search=%2B12125550162&size=100']);
		} finally {
			server.configure({ duplicateStatus: 409, duplicateContactId: true });
		}
	});

	it('two rows with the same number in one run: the first is created, the second names it', async () => {
		const result = await runTether(server, { operation: 'create', phoneNumbers: '={{ $json.phone }}' }, [{ phone: '+12125550180' }, { phone: '+1 (212) 555-0180' }], {
			continueOnFail: true,
		});
		const [created] = server.contacts.values();
		expect(result.items?.[0]._id).toBe(created._id);
		expect(result.items?.[1]).toEqual({ error: `[item 1 · +1 (212) 555-0180] Phone number +12125550180 already belongs to Tether contact ${created._id} (409). ${fix(created._id)}` });
	});
});

describe('A create that may have gone through is checked by its first number, never repeated blindly', () => {
	it('connection reset after Tether created it: found by the number, output once, not created twice', async () => {
		server.inject((request: { path: string }) => request.path === '/api/contact', 'resetAfterHandling');
		const result = await runTether(server, { operation: 'create', phoneNumbers: '+12125550190', additionalFields: { firstName: 'Reset' } });
		expect(server.contacts.size).toBe(1);
		expect(requestLines(server)).toEqual(['POST /api/contact', 'GET /api/contacts?search=%2B12125550190&size=100']);
		expect(result.items).toEqual([JSON.parse(JSON.stringify([...server.contacts.values()][0]))]);
	});

	it('connection reset before Tether acted: not found, sent once more', async () => {
		server.inject((request: { path: string }) => request.path === '/api/contact', 'reset');
		const result = await runTether(server, { operation: 'create', phoneNumbers: '+12125550191' });
		expect(requestLines(server)).toEqual(['POST /api/contact', 'GET /api/contacts?search=%2B12125550191&size=100', 'POST /api/contact']);
		expect(result.items?.[0].phoneNumber).toEqual([{ value: '+12125550191', isPrimary: true }]);
		expect(server.contacts.size).toBe(1);
	});
});
