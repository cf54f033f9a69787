import { createHash } from 'node:crypto';

import { type ICredentialDataDecryptedObject, type IHttpRequestOptions, type JsonObject, NodeApiError, NodeOperationError } from 'n8n-workflow';

import type { Row } from '../common/engine/row';
import { itemPrefix } from '../common/messages';
import type { ProviderProfile } from '../common/profile';
import { type ApiAnswer, serverReason } from '../common/sending/apiErrors';
import { exchange, finalError } from '../common/sending/exchange';
import { sleep } from '../common/sending/pacing';
import { redact, redactDeep } from '../common/sending/redact';

/**
 * A credential that logs in (n8n's pre-authentication: a hidden expirable token field, a
 * `preAuthentication` that fills it) or carries a long-lived access token instead.
 */
export interface LoginProfile {
	/** The credential's hidden, expirable field holding the current login's token. */
	tokenField: string;
	/** Whether these credentials log in (else they carry an access token). */
	logsIn: (credentials: ICredentialDataDecryptedObject) => boolean;
	/** Who logs in, for messages: "admin@example.com". */
	user: (credentials: ICredentialDataDecryptedObject) => string;
	/** How to fix a refused access token. */
	tokenHint: string;
	/** What to check when the token of a fresh login is refused. */
	freshTokenHint: string;
}

/**
 * Tether's logins (credential Authentication › Login). n8n logs in itself: when the hidden,
 * expirable token field of the credentials handed to its request helper is empty, it calls the
 * credential's `preAuthentication`, saves the token it returns with the credential, and sends
 * the request with it. What n8n does not do is share that login: every row of a run would log
 * in, and after an expiry every row in flight would log in again. So the rows of a run share
 * one session per credential:
 * - the first request of a session goes alone (its token, saved by an earlier run, may have
 *   expired; without one it is the request n8n logs in for); the other rows wait for its answer;
 * - a 401 answered to a token of the session means it expired: the next request goes alone with
 *   an empty token field, n8n logs in again and saves the new token, the others wait, then every
 *   refused row is sent again with it. Each expiry costs one login, whatever is in flight;
 * - a refused login, or a token refused right after its login, ends the session: the run's
 *   other rows fail at once with the same message and are not sent (no login storm).
 * Answers are read as answers (the request helper does not throw on 401): n8n's own "refresh
 * on 401" would log in once per refused row, and the errors it throws keep neither the
 * answer's headers nor its body, which the rest of sending reads (Retry-After, error bodies).
 */

/** Timing of the session. Tests shorten the delay; the numbers of tries are the product's. */
export const sessionPolicy = {
	/** Logins whose token expired before one row could be sent: beyond, the row fails. */
	maxRefreshes: 5,
	/** A login that failed on the server's side (5xx, 429, no connection) is tried again this often. */
	loginRetries: 3,
	firstBackoffMs: 1000,
};

/** What the credential's `preAuthentication` tells the request n8n logged in for (reportLogin). */
export interface LoginOutcome {
	token?: string;
	failure?: LoginFailure;
}

export interface LoginFailure {
	/** A refusal (wrong email or password, wrong address) cannot succeed later; a 5xx or no connection may. */
	permanent: boolean;
	/** What the message shows in parentheses: "401", "connection refused". */
	status: string;
	/** The server's words, secrets removed. */
	reason?: string;
	/** How to fix it. */
	fix: string;
	/** How long the server asked to wait (429). */
	waitMs?: number;
}

/**
 * The key under which a request's credentials carry a ticket for the login outcome. A symbol
 * from the global registry: every copy of the credentials n8n makes keeps it (object spread
 * copies symbol keys), it is never saved (JSON drops symbol keys), and the credential's module
 * finds the same symbol as the node's.
 */
const TICKET = Symbol.for('n8n-nodes-contact-sync.loginTicket');

/** Called by a credential's `preAuthentication` with the credentials n8n handed it. */
export function reportLogin(credentials: object, outcome: LoginOutcome): void {
	const ticket = (credentials as Record<symbol, LoginOutcome | undefined>)[TICKET];
	if (ticket) Object.assign(ticket, outcome);
}

interface SessionFailure {
	message: string;
	description: string;
	httpCode?: string;
	body?: unknown;
}

interface Session {
	/** The token requests are sent with ('' before the first login). */
	token: string;
	/** Whether a request with `token` was answered with anything but 401. */
	proven: boolean;
	/** Set while one request goes alone (a first request, a login): the others wait for it. */
	gate?: Promise<void>;
	failure?: SessionFailure;
	/** The credential's secrets and every token of the session: removed from every message. */
	secrets: string[];
	usedAt: number;
}

const sessions = new Map<string, Session>();
const SESSION_IDLE_MS = 60 * 60_000;

function executionIdOf(context: Row): string | undefined {
	try {
		return context.getExecutionId();
	} catch {
		return undefined;
	}
}

/** One session per credential and execution: two nodes of a workflow using one credential share it. */
function sessionOf(context: Row, profile: ProviderProfile, login: LoginProfile, credentials: ICredentialDataDecryptedObject): Session {
	const now = Date.now();
	for (const [key, session] of sessions) if (now - session.usedAt > SESSION_IDLE_MS && !session.gate) sessions.delete(key);
	const fields = Object.keys(credentials)
		.filter((name) => name !== login.tokenField)
		.sort()
		.map((name) => [name, credentials[name]]);
	const identity = createHash('sha256').update(JSON.stringify(fields)).digest('hex').slice(0, 24);
	const credentialId = context.getNode().credentials?.[profile.credentialType]?.id ?? '';
	const key = `${profile.credentialType}|${executionIdOf(context) ?? ''}|${credentialId}|${identity}`;
	let session = sessions.get(key);
	if (!session) {
		const saved = login.logsIn(credentials) ? String(credentials[login.tokenField] ?? '') : '';
		const secrets = [...profile.secretFields.map((field) => String(credentials[field] ?? '')), saved].filter((secret) => secret !== '');
		session = { token: saved, proven: false, secrets, usedAt: now };
		sessions.set(key, session);
	}
	session.usedAt = now;
	return session;
}

/**
 * The secrets to remove from what a row shows: the session's list, to which a token obtained
 * later in the row is added, so the caller's copy stays complete.
 */
export function sessionSecrets(context: Row, profile: ProviderProfile, login: LoginProfile, credentials: ICredentialDataDecryptedObject): Array<string | undefined> {
	return sessionOf(context, profile, login, credentials).secrets;
}

function sessionError(context: Row, session: Session, sentByThisRow: boolean): Error {
	const failure = session.failure as SessionFailure;
	const itemIndex = context.getItemIndex();
	const message = redact(`${itemPrefix(itemIndex)} ${failure.message}`, session.secrets);
	const description = redact(
		sentByThisRow ? failure.description : `${failure.description} This item was not sent: another item of the run found the credential refused.`,
		session.secrets,
	);
	const body = redactDeep(failure.body, session.secrets);
	const error =
		body !== undefined
			? new NodeApiError(context.getNode(), body && typeof body === 'object' ? (body as JsonObject) : { body: String(body) }, {
					message,
					description,
					httpCode: failure.httpCode,
					itemIndex,
				})
			: new NodeOperationError(context.getNode(), message, { itemIndex, description });
	// Worded for the row already: sendRequest passes it on as it is.
	return finalError(error);
}

/** Takes the token a login of this request obtained; returns whether there was one. */
function adopt(session: Session, sent: string, ticket: LoginOutcome): boolean {
	const { token } = ticket;
	if (!token || token === sent) return false;
	if (!session.secrets.includes(token)) session.secrets.push(token);
	if (session.token === sent) session.token = token;
	return true;
}

function refused(displayName: string, what: string, answer: ApiAnswer, fix: string): SessionFailure {
	const reason = serverReason(answer.body);
	return {
		message: `${displayName} ${what} (${answer.statusCode})${reason ? `: ${reason}` : ''}. ${fix}`,
		description: fix,
		httpCode: String(answer.statusCode),
		body: answer.body ?? {},
	};
}

/**
 * One request of a row, sent through n8n's request helper with the credential's session
 * token; `exchange` for credentials that do not log in.
 */
export async function sessionExchange(
	this: Row,
	profile: ProviderProfile,
	login: LoginProfile,
	request: IHttpRequestOptions,
	credentials: ICredentialDataDecryptedObject,
	timeoutMs: number,
): Promise<ApiAnswer> {
	const { displayName } = profile;
	const session = sessionOf(this, profile, login, credentials);
	const logsIn = login.logsIn(credentials);
	const user = login.user(credentials);
	let loginTries = 0;
	for (let refreshes = 0; ; ) {
		while (session.gate) await session.gate;
		if (session.failure) throw sessionError(this, session, false);
		const alone = !session.proven;
		let open = () => {};
		if (alone) {
			let resolve = () => {};
			session.gate = new Promise<void>((done) => (resolve = done));
			open = () => {
				session.gate = undefined;
				resolve();
			};
		}
		const sent = logsIn ? session.token : '';
		const ticket: LoginOutcome = {};
		const data = { ...credentials, [login.tokenField]: sent, [TICKET]: ticket } as ICredentialDataDecryptedObject;
		let answer: ApiAnswer | undefined;
		let broken: unknown;
		try {
			answer = await exchange.call(this, profile.credentialType, request, data, timeoutMs);
		} catch (error) {
			broken = error;
		}
		if (answer === undefined) {
			adopt(session, sent, ticket);
			const failure = ticket.failure;
			if (!failure) {
				open();
				throw broken;
			}
			if (!failure.permanent && loginTries < sessionPolicy.loginRetries) {
				// Still alone: the others keep waiting while the server recovers.
				await sleep(failure.waitMs ?? sessionPolicy.firstBackoffMs * 2 ** loginTries, this.getExecutionCancelSignal());
				loginTries++;
				open();
				continue;
			}
			session.failure = {
				message: `${displayName} login failed for ${user} (${failure.status})${failure.reason ? `: ${failure.reason}` : ''}. ${failure.fix}`,
				description: failure.fix,
			};
			open();
			throw sessionError(this, session, true);
		}
		const loggedIn = adopt(session, sent, ticket);
		if (answer.statusCode !== 401) {
			if (alone && session.token === (loggedIn ? ticket.token : sent)) session.proven = true;
			open();
			return answer;
		}
		if (!logsIn) {
			session.failure = refused(displayName, 'refused the access token', answer, login.tokenHint);
		} else if (loggedIn) {
			session.failure = refused(displayName, `refused the request right after logging in as ${user}`, answer, login.freshTokenHint);
		} else if (sent === '') {
			session.failure = refused(
				displayName,
				'refused a request n8n sent without logging in (the credential’s pre-authentication did not run)',
				answer,
				'Use an n8n version that runs credential pre-authentication, or set the credential’s Authentication to Access Token.',
			);
		}
		if (session.failure) {
			open();
			throw sessionError(this, session, true);
		}
		// The token expired: the next request goes alone with none, and n8n logs in again.
		if (session.token === sent) {
			session.token = '';
			session.proven = false;
		}
		open();
		if (++refreshes > sessionPolicy.maxRefreshes) {
			session.failure = refused(
				displayName,
				`kept refusing tokens: ${sessionPolicy.maxRefreshes} fresh logins expired before this item could be sent`,
				answer,
				`Check how long ${displayName} keeps a login valid, and lower Options › Requests per Minute if many rows are sent at once.`,
			);
			throw sessionError(this, session, true);
		}
	}
}
