'use strict';
/**
 * Tether's API as its docs describe it (seed 004 and providers.md), one instance per customer,
 * every path under /api: POST /api/auth/login → a JWT that expires (after `tokenUses` requests
 * or `tokenTtlMs`), GET /api/auth/verify-token, POST /api/contact, PATCH /api/contacts/{id},
 * PUT /api/contact, GET /api/contacts. Static access tokens for the token credential mode; a
 * viewer whose role cannot write (403). No documented rate limit: off unless `rateLimit` is given.
 * Error bodies other than the documented 401 are gaps: `{success: false, error, message}`.
 * Data and validation rules live in tetherModel.js.
 */
const { randomBytes } = require('node:crypto');
const { ApiError, createContractServer } = require('./contractServer');
const model = require('./tetherModel');

const { USERS, ACCESS_TOKENS, PIPELINES, failure } = model;
const [ADMIN, VIEWER] = USERS;
const EXPIRED = { error: 'Invalid or expired token' };
const publicUser = (user) => ({ _id: user._id, email: user.email, name: user.name, role: user.role });

/**
 * @param {object} [options]
 * @param {number} [options.tokenUses=20] requests a login token serves before it expires (Infinity: no limit)
 * @param {number} [options.tokenTtlMs=3600000] lifetime of a login token (also its JWT `exp`)
 * @param {{limit: number, windowMs: number}} [options.rateLimit] off (limit 0) by default
 * @param {400|409} [options.duplicateStatus=409] status of a duplicate phone number
 * @param {boolean} [options.duplicateContactId=true] whether that answer names the contact holding it
 * @param {boolean} [options.listTotals=true] whether GET /api/contacts adds page, size, total, totalPages
 * @param {number} [options.defaultPageSize=20]
 * @param {number} [options.port]
 */
function createTetherServer(options = {}) {
	const settings = {
		tokenUses: options.tokenUses ?? 20,
		tokenTtlMs: options.tokenTtlMs ?? 3_600_000,
		duplicateStatus: options.duplicateStatus ?? 409,
		duplicateContactId: options.duplicateContactId ?? true,
		listTotals: options.listTotals ?? true,
		defaultPageSize: options.defaultPageSize ?? 20,
	};
	const contacts = new Map();
	/** token → {user, static, issuedAt, expiresAt, usesLeft, uses, revoked} */
	const tokens = new Map();
	const counters = {};
	const zeroCounters = () =>
		Object.assign(counters, { logins: 0, failedLogins: 0, expiredTokens: 0, invalidTokens: 0, missingTokens: 0, forbidden: 0, creates: 0, updates: 0, duplicates: 0 });
	zeroCounters();
	let lastId = 0;
	const nextId = () => `66a0${(++lastId).toString(16).padStart(20, '0')}`;
	const now = () => new Date().toISOString();

	function addStaticTokens() {
		tokens.set(ACCESS_TOKENS.admin, { user: ADMIN, static: true, expiresAt: Infinity, usesLeft: Infinity, uses: 0, revoked: false });
		tokens.set(ACCESS_TOKENS.viewer, { user: VIEWER, static: true, expiresAt: Infinity, usesLeft: Infinity, uses: 0, revoked: false });
	}
	addStaticTokens();

	/** Mints a login token, as POST /api/auth/login does (without counting a login). */
	function issueToken(user = ADMIN, { uses = settings.tokenUses, ttlMs = settings.tokenTtlMs } = {}) {
		const known = USERS.find((candidate) => candidate.email === user.email) ?? ADMIN;
		const issuedAt = Date.now();
		const payload = { sub: known._id, email: known.email, role: known.role, iat: Math.floor(issuedAt / 1000), exp: Math.floor((issuedAt + ttlMs) / 1000), jti: randomBytes(6).toString('hex') };
		const token = model.jwtLike(payload, randomBytes(24));
		tokens.set(token, { user: known, static: false, issuedAt, expiresAt: issuedAt + ttlMs, usesLeft: uses, uses: 0, revoked: false });
		return token;
	}

	function authenticate(token) {
		if (!token) {
			counters.missingTokens++;
			throw failure(401, 'Unauthorized', 'No token provided');
		}
		const session = tokens.get(token);
		if (!session) {
			counters.invalidTokens++;
			throw new ApiError(401, EXPIRED);
		}
		if (session.revoked || Date.now() >= session.expiresAt || session.usesLeft <= 0) {
			counters.expiredTokens++;
			throw new ApiError(401, EXPIRED);
		}
		session.usesLeft--;
		session.uses++;
		return session;
	}

	function requireWrite(auth) {
		if (!model.WRITE_ROLES.has(auth.user.role)) {
			counters.forbidden++;
			throw failure(403, 'Forbidden', 'Your role does not allow this action');
		}
	}
	function contactOf(id) {
		const contact = contacts.get(id);
		if (!contact) throw failure(404, 'Not found', 'Contact not found');
		return contact;
	}
	/** A number may belong to one contact of the organisation only. */
	function checkUnique(entries, exceptId) {
		for (const { value } of entries) {
			const owner = [...contacts.values()].find((contact) => contact._id !== exceptId && contact.phoneNumber.some((entry) => entry.value === value));
			if (!owner) continue;
			counters.duplicates++;
			const named = settings.duplicateContactId;
			throw failure(settings.duplicateStatus, 'Duplicate phone number', `Phone number ${value} already exists${named ? ` for contact ${owner._id}` : ''}`, named ? { contactId: owner._id } : {});
		}
	}
	function applyStage(contact, { pipeline, stage }) {
		contact.pipelineId = pipeline._id;
		contact.pipelineStage = stage ? stage._id : null;
		contact.status = stage ? stage.name : null;
	}

	function storeContact(fields, user) {
		const contact = {
			_id: nextId(),
			firstName: fields.firstName ?? null,
			lastName: fields.lastName ?? null,
			email: model.normaliseEmail(fields.email),
			phoneNumber: model.phoneEntries(fields.phoneNumber),
			secondaryPhoneNumber: [],
			process: fields.process ?? null,
			status: null,
			pipelineStage: null,
			pipelineId: null,
			organizationId: model.ORGANIZATION_ID,
			userId: user._id,
			createdBy: user._id,
			assignees: [user._id],
			createdAt: now(),
			updatedAt: now(),
		};
		applyStage(contact, model.resolveStage(fields));
		contacts.set(contact._id, contact);
		return contact;
	}

	function update(contact, body, record) {
		const resolved = model.resolveStage(body, contact);
		if (body.phoneNumber !== undefined) checkUnique(body.phoneNumber, contact._id);
		applyStage(contact, resolved);
		if (body.phoneNumber !== undefined) contact.phoneNumber = model.phoneEntries(body.phoneNumber);
		contact.updatedAt = now();
		counters.updates++;
		record.updatedId = contact._id;
		return { body: { success: true, message: 'Contact updated successfully', data: { contact } } };
	}

	const server = createContractServer({
		name: 'Tether',
		rateLimit: options.rateLimit ?? { limit: 0, windowMs: 60_000 },
		port: options.port,
		authenticate,
		rateLimitAnswer: (retryAfterSeconds) => ({
			headers: { 'Retry-After': String(retryAfterSeconds) },
			body: { success: false, error: 'Too many requests', message: 'Too many requests, please try again later.' },
		}),
		invalidJsonBody: { success: false, error: 'Bad request', message: 'Invalid JSON' },
		notFoundBody: { success: false, error: 'Not found', message: 'Route not found' },
		routes: [
			{
				method: 'POST',
				path: '/api/auth/login',
				public: true,
				handler({ body }) {
					if (typeof body !== 'object' || body === null || Array.isArray(body)) throw model.invalid(['body must be a JSON object']);
					const problems = Object.keys(body).filter((key) => key !== 'email' && key !== 'password').map((key) => `field not accepted here: ${key}`);
					for (const key of ['email', 'password']) if (typeof body[key] !== 'string' || body[key] === '') problems.push(`${key} is required`);
					if (problems.length) throw model.invalid(problems);
					const user = USERS.find((candidate) => candidate.email === body.email.trim().toLowerCase() && candidate.password === body.password);
					if (!user) {
						counters.failedLogins++;
						throw failure(401, 'Invalid credentials', 'Invalid email or password');
					}
					counters.logins++;
					return { body: { token: issueToken(user), user: publicUser(user) } };
				},
			},
			{ method: 'GET', path: '/api/auth/verify-token', handler: () => ({ body: { message: 'Token is good' } }) },
			{
				method: 'POST',
				path: '/api/contact',
				handler({ body, auth, record }) {
					requireWrite(auth);
					model.validateBody(body, model.CREATE_FIELDS, { requirePhone: true });
					model.resolveStage(body);
					checkUnique(body.phoneNumber);
					const contact = storeContact(body, auth.user);
					counters.creates++;
					// Which recorded requests wrote something (a refused one, 401 say, did not).
					record.createdId = contact._id;
					return { status: 201, body: { success: true, message: 'Contact created successfully', data: { contact, message: 'Contact created successfully' } } };
				},
			},
			{
				method: 'PATCH',
				path: /^\/api\/contacts\/([^/]+)$/,
				handler({ params: [id], body, auth, record }) {
					requireWrite(auth);
					const contact = contactOf(id);
					model.validateBody(body, model.PATCH_FIELDS, { nullableStage: true });
					if (!Object.keys(body).length) throw model.invalid([`nothing to update (accepted: ${model.PATCH_FIELDS.join(', ')})`]);
					return update(contact, body, record);
				},
			},
			{
				method: 'PUT',
				path: '/api/contact',
				handler({ body, auth, record }) {
					requireWrite(auth);
					model.validateBody(body, model.PUT_FIELDS, { requireId: true });
					return update(contactOf(body._id), body, record);
				},
			},
			{
				method: 'GET',
				path: '/api/contacts',
				handler({ query }) {
					const page = Number(query.page ?? 1);
					const size = Number(query.size ?? settings.defaultPageSize);
					const problems = [];
					if (!Number.isInteger(page) || page < 1) problems.push(`page ${JSON.stringify(query.page)} must be an integer of 1 or more`);
					if (!Number.isInteger(size) || size < 1 || size > 100) problems.push(`size ${JSON.stringify(query.size)} must be an integer between 1 and 100`);
					if (problems.length) throw model.invalid(problems);
					const matching = [...contacts.values()].filter(
						(contact) =>
							(query.status === undefined || contact.status === query.status) &&
							(query.pipelineId === undefined || contact.pipelineId === query.pipelineId) &&
							model.matchesSearch(contact, query.search ?? ''),
					);
					const data = matching.slice((page - 1) * size, page * size);
					const totals = settings.listTotals ? { page, size, total: matching.length, totalPages: Math.ceil(matching.length / size) } : {};
					return { body: { success: true, data, ...totals } };
				},
			},
			// Not in Tether's docs: the node must not depend on it.
			{ method: 'GET', path: '/api/pipelines', handler: () => ({ body: { success: true, data: PIPELINES } }) },
		],
	});

	const baseReset = server.reset;
	Object.assign(server, {
		contacts,
		tokens,
		counters,
		settings,
		pipelines: PIPELINES,
		issueToken,
		/** Forgets requests, faults and counters; un-revokes the static tokens. Contacts and login tokens stay. */
		reset() {
			baseReset();
			zeroCounters();
			addStaticTokens();
		},
		/** Stores a contact without the API (no validation, no counters). `phoneNumber` may be a string or strings. */
		seedContact(fields = {}) {
			const numbers = [].concat(fields.phoneNumber ?? []).map((entry, index) => (typeof entry === 'string' ? { value: entry, isPrimary: index === 0 } : entry));
			const { phoneNumber, ...rest } = fields;
			return storeContact({ ...rest, phoneNumber: numbers }, ADMIN);
		},
		clearContacts: () => contacts.clear(),
		/** Every login token (not the static ones) answers 401 from now on. */
		expireTokens() {
			for (const session of tokens.values()) if (!session.static) session.revoked = true;
		},
		revokeToken(token) {
			if (tokens.has(token)) tokens.get(token).revoked = true;
		},
		/** Changes settings (tokenUses and tokenTtlMs apply to tokens issued afterwards). */
		configure(changes) {
			Object.assign(settings, changes);
		},
	});
	Object.defineProperty(server, 'baseUrl', { get: () => server.url });
	Object.defineProperty(server, 'apiUrl', { get: () => `${server.url}/api` });
	return server;
}

module.exports = {
	createTetherServer,
	TETHER_USER: { email: ADMIN.email, password: ADMIN.password },
	TETHER_VIEWER: { email: VIEWER.email, password: VIEWER.password },
	TETHER_USERS: USERS.map(publicUser),
	TETHER_ACCESS_TOKEN: ACCESS_TOKENS.admin,
	TETHER_VIEWER_ACCESS_TOKEN: ACCESS_TOKENS.viewer,
	TETHER_PIPELINES: PIPELINES,
	TETHER_ACTIVE_PIPELINE: model.ACTIVE_PIPELINE,
};
