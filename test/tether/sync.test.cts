/**
 * Issue 11: "a 2,000-row sync never fails on expiry". 50 rows in Login mode against a Tether
 * whose tokens expire during the run, more than once: by uses (20 requests a token, so rows
 * sent side by side meet a dead token together), and by time (a 300 ms lifetime, with the run
 * paced to 10 requests a second by Requests per Minute, the window shortened for test speed:
 * five bursts a second apart, each meeting an expired token).
 */
import { pacing } from '../../nodes/common/sending/pacing';
import { retryPolicy } from '../../nodes/common/sending/send';
import { loginCredentials, runTether, startTether, type TetherServer } from '../support/tether.cts';

const ROWS = 50;
const rows = Array.from({ length: ROWS }, (_, index) => ({ name: `Sync${index}`, phone: `+1 416 555 ${String(3000 + index)}` }));
const create = { operation: 'create', phoneNumbers: '={{ $json.phone }}', additionalFields: { firstName: '={{ $json.name }}' } };

let server: TetherServer;
beforeAll(() => {
	retryPolicy.firstBackoffMs = 10;
});
afterEach(async () => await server.stop());

/** The login tokens Tether issued, in order. */
const logins = () => [...server.tokens.values()].filter((session) => !session.static);

function expectEveryRowCreatedOnce(items: Array<Record<string, unknown>> | undefined) {
	expect(items?.map((item) => item.error ?? item.firstName)).toEqual(rows.map((row) => row.name));
	expect([...server.contacts.values()].map((contact) => contact.firstName).sort()).toEqual(rows.map((row) => row.name).sort());
	expect(server.counters).toMatchObject({ creates: ROWS, duplicates: 0, failedLogins: 0 });
}

describe('A 50-row sync in Login mode whose token expires more than once: every row created once, one login per expiry', () => {
	it('tokens that expire after 20 requests: 3 logins, each after its predecessor was used up', async () => {
		server = await startTether({ tokenUses: 20 });
		const credentials = loginCredentials(server);
		const result = await runTether(server, create, rows, { credentials, continueOnFail: true });
		expectEveryRowCreatedOnce(result.items);
		const tokens = logins();
		expect(tokens).toHaveLength(3);
		expect(server.counters.logins).toBe(3);
		// Each token but the last served all its 20 requests before the next login: no login without an expiry.
		expect(tokens.map((token) => token.uses)).toEqual([20, 20, 10]);
		expect(tokens.slice(0, -1).every((token) => token.usesLeft === 0)).toBe(true);
		// n8n saved the last login's token with the credential.
		expect(server.tokens.get(String(credentials.sessionToken))).toBe(tokens[2]);
	}, 30_000);

	it('tokens that live 300 ms, the run paced over five seconds: each login comes after the previous token expired', async () => {
		const windowMs = pacing.windowMs;
		pacing.windowMs = 1000;
		try {
			server = await startTether({ tokenUses: Infinity, tokenTtlMs: 300 });
			const started = Date.now();
			const result = await runTether(server, { ...create, options: { requestsPerMinute: 10 } }, rows, { credentials: loginCredentials(server), continueOnFail: true });
			const tookMs = Date.now() - started;
			expectEveryRowCreatedOnce(result.items);
			const tokens = logins();
			expect(tokens.length).toBeGreaterThanOrEqual(3);
			expect(server.counters.logins).toBe(tokens.length);
			tokens.slice(1).forEach((token, index) => expect(token.issuedAt).toBeGreaterThanOrEqual(tokens[index].expiresAt));
			expect(tokens.length).toBeLessThanOrEqual(Math.ceil(tookMs / 300) + 1);
		} finally {
			pacing.windowMs = windowMs;
		}
	}, 30_000);
});
