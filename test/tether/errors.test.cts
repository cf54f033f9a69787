import { retryPolicy } from '../../nodes/common/sending/send';
import {
	TETHER_VIEWER,
	TETHER_VIEWER_ACCESS_TOKEN,
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

const create = { operation: 'create', phoneNumbers: '+12125550100', additionalFields: { firstName: 'Jane' } };
const ROLE_FIX =
	'The Tether user’s role does not allow this: ask a Tether admin for a role that can create and update contacts, or use another user’s login.';

describe('403: the user’s role lacks the right, said so whichever way the credential signs in', () => {
	it.each([
		['a viewer’s access token', () => tokenCredentials(server, TETHER_VIEWER_ACCESS_TOKEN)],
		['a viewer’s login', () => loginCredentials(server, TETHER_VIEWER)],
	])('%s creating a contact', async (_, credentials) => {
		const result = await runTether(server, create, [{}], { credentials: credentials(), continueOnFail: true });
		expect(result.items).toEqual([{ error: `[item 0 · Jane] No access (plan or permission) at Tether (403): Your role does not allow this action. ${ROLE_FIX}` }]);
		expect(server.contacts.size).toBe(0);
	});

	it('a viewer can still list contacts', async () => {
		server.seedContact({ firstName: 'Ann', phoneNumber: ['+12125550101'] });
		const result = await runTether(server, { operation: 'getAll', returnAll: true }, [{}], { credentials: loginCredentials(server, TETHER_VIEWER) });
		expect(result.items?.map((item) => item.firstName)).toEqual(['Ann']);
	});
});

describe('Other refusals show Tether’s message', () => {
	it('a pipeline Tether does not have (400 {success: false, error, message})', async () => {
		const result = await runTether(server, { ...create, additionalFields: { pipelineId: '665f000000000000000002ff' } });
		expect(result.error?.message).toBe('[item 0 · +12125550100] Tether rejected the request (400): pipeline "665f000000000000000002ff" not found');
		expect(result.error?.httpCode).toBe('400');
	});

	it('a server error on a create that did not go through: looked up by its number, then sent once more', async () => {
		server.inject((request: { path: string }) => request.path === '/api/contact', { status: 500, body: { success: false, error: 'Server error', message: 'Internal error' } });
		const result = await runTether(server, create);
		expect(requestLines(server)).toEqual(['POST /api/contact', 'GET /api/contacts?search=%2B12125550100&size=100', 'POST /api/contact']);
		expect(result.items?.[0].firstName).toBe('Jane');
		expect(server.contacts.size).toBe(1);
	});

	it('a list answered 503 is asked again', async () => {
		server.inject((request: { path: string }) => request.path === '/api/contacts', { status: 503, body: { success: false, error: 'Unavailable', message: 'Try later' } });
		const result = await runTether(server, { operation: 'getAll', limit: 5 });
		expect(requestLines(server)).toEqual(['GET /api/contacts?page=1&size=5', 'GET /api/contacts?page=1&size=5']);
		expect(result.items).toEqual([]);
	});
});

describe('Tether documents no rate limit: pacing is off by default, and 429 answers are still waited out', () => {
	it('429 with Retry-After: 1: waits a second, then sends the create again', async () => {
		server.inject((request: { path: string }) => request.path === '/api/contact', {
			status: 429,
			headers: { 'Retry-After': '1' },
			body: { success: false, error: 'Too many requests', message: 'Too many requests, please try again later.' },
		});
		const started = Date.now();
		const result = await runTether(server, create);
		expect(Date.now() - started).toBeGreaterThanOrEqual(950);
		expect(requestLines(server)).toEqual(['POST /api/contact', 'POST /api/contact']);
		expect(result.items?.[0].firstName).toBe('Jane');
	});

	it('beyond Max Rate-Limit Wait the row fails with Tether’s words', async () => {
		server.inject((request: { path: string }) => request.path === '/api/contact', {
			status: 429,
			headers: { 'Retry-After': '30' },
			body: { success: false, error: 'Too many requests', message: 'Too many requests, please try again later.' },
		});
		const result = await runTether(server, { ...create, options: { maxRateLimitWait: 5 } });
		expect(result.error?.message).toMatch(/^\[item 0 · Jane\] Rate limited by Tether \(429\): Too many requests, please try again later\./);
		expect(requestLines(server)).toEqual(['POST /api/contact']);
	});

	it('Requests per Minute is 0 (off) unless set', async () => {
		const { Tether } = await import('../../nodes/Tether/Tether.node');
		const options = new Tether().description.properties.find((property) => property.name === 'options');
		const requestsPerMinute = options?.options?.find((option) => option.name === 'requestsPerMinute');
		expect(requestsPerMinute).toMatchObject({ displayName: 'Requests per Minute', default: 0 });
	});
});
