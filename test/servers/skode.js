'use strict';
/**
 * Skode AI's public API as its docs describe it (seed 002 and providers.md), under /v1:
 * POST /contacts, GET/PATCH/DELETE /contacts/{id}, POST /contacts/merge, GET /contacts;
 * bearer `sk_live_…` keys (one read-only), errors `{error, message}`, 100 requests/min with
 * X-RateLimit-* headers and Retry-After on 429. The docs leave the list envelope, the 409's
 * id field and the single-contact envelope open: options choose them, so tests can prove the
 * node reads them defensively. Validation rules live in skodeRules.js.
 */
const { randomBytes } = require('node:crypto');
const { ApiError, createContractServer } = require('./contractServer');
const rules = require('./skodeRules');

const SKODE_KEY = 'sk_live_skode_sandbox_valid';
const SKODE_READONLY_KEY = 'sk_live_skode_sandbox_readonly';
const KEYS = { [SKODE_KEY]: { write: true }, [SKODE_READONLY_KEY]: { write: false } };
const WRITES = new Set(['POST', 'PATCH', 'PUT', 'DELETE']);
const CONTACT_PATH = /^\/v1\/contacts\/([^/]+)$/;

// randomBytes costs ~30 µs a call here: draw ids from a pool so seeding 10k contacts stays quick.
let pool = Buffer.alloc(0);
function randomHex() {
	if (pool.length < 6) pool = randomBytes(6 * 1024);
	const hex = pool.subarray(0, 6).toString('hex');
	pool = pool.subarray(6);
	return hex;
}
const keyOf = (record) => /^Bearer (.+)$/.exec(record.headers.authorization ?? '')?.[1];

/**
 * @param {object} [options]
 * @param {{limit: number, windowMs: number}} [options.rateLimit] default 100 per 60 s
 * @param {string|null} [options.conflictIdField] the 409's id field: 'contact_id' (default), 'id', 'existing_id', … or null for none
 * @param {'data'|'bare'|'contacts'|'items'|'noTotals'} [options.listEnvelope] GET /contacts shape, default 'data'
 * @param {'bare'|'data'|'contact'} [options.contactEnvelope] single-contact answers, default 'bare'
 * @param {number} [options.port]
 */
function createSkodeServer(options = {}) {
	let settings = rules.settingsFrom(options, { conflictIdField: 'contact_id', listEnvelope: 'data', contactEnvelope: 'bare' });
	const contacts = new rules.ContactMap();
	/** Merged-away duplicates: id → {contact, merged_into, merged_at}. */
	const merged = new Map();
	/** Deleted contacts ("recoverable from trash for 30 days"): id → {contact, deleted_at}. */
	const trash = new Map();
	const counts = { creates: 0, updates: 0, deletes: 0, merges: 0 };
	let seeded = 0;

	const now = () => new Date().toISOString();
	// updated_at always moves forward, even within one millisecond.
	const touch = (contact) => {
		contact.updated_at = new Date(Math.max(Date.now(), Date.parse(contact.updated_at) + 1)).toISOString();
	};
	function newId() {
		let id;
		do id = `contact_${randomHex()}`;
		while (contacts.has(id) || merged.has(id) || trash.has(id));
		return id;
	}
	function live(id) {
		const contact = contacts.get(id);
		if (!contact) throw rules.notFound();
		return contact;
	}
	function primaryOf(id) {
		let current = id;
		for (let hops = 0; merged.has(current) && hops <= merged.size; hops++) current = merged.get(current).merged_into;
		return current;
	}
	function refuseDuplicateEmail(email, selfId) {
		const existing = email ? contacts.withEmail(email) : undefined;
		if (!existing || existing.id === selfId) return;
		const body = { error: 'conflict', message: 'A contact with this email already exists' };
		if (settings.conflictIdField) body[settings.conflictIdField] = existing.id;
		throw new ApiError(409, body);
	}
	function build(body) {
		const at = now();
		const contact = {
			id: newId(),
			name: body.name,
			email: body.email ?? null,
			phone: body.phone ?? null,
			company: body.company ?? null,
			title: body.title ?? null,
			address: body.address ? { ...body.address } : null,
			tags: [...(body.tags ?? [])],
			custom_fields: { ...(body.custom_fields ?? {}) },
			created_at: at,
			updated_at: at,
		};
		contacts.set(contact.id, contact);
		return contact;
	}
	// GET (and merge) answers carry the associations the docs list; this sandbox has none.
	const view = (contact) => ({ ...contact, deals: [], activities: [] });
	const answer = (contact, status = 200) => ({ status, body: rules.contactBody(settings.contactEnvelope, contact) });

	const routes = [
		{
			method: 'POST',
			path: '/v1/contacts/merge',
			handler({ body }) {
				const { primaryId, duplicateIds } = rules.validateMerge(body);
				for (const id of [primaryId, ...duplicateIds]) if (!contacts.has(id)) throw rules.notFound(`Contact not found: ${id}`);
				const primary = contacts.get(primaryId);
				for (const id of duplicateIds) {
					const duplicate = contacts.get(id);
					for (const tag of duplicate.tags) if (!primary.tags.includes(tag)) primary.tags.push(tag);
					contacts.delete(id);
					merged.set(id, { contact: duplicate, merged_into: primaryId, merged_at: now() });
				}
				touch(primary);
				counts.merges++;
				return answer(view(primary));
			},
		},
		{
			method: 'POST',
			path: '/v1/contacts',
			handler({ body }) {
				rules.validateContact(body, { create: true });
				refuseDuplicateEmail(body.email);
				counts.creates++;
				return answer(build(body), 201);
			},
		},
		// "Duplicate contacts are soft-deleted and redirect to the primary record": a GET of one
		// answers its primary (following merges of merges); other requests find nothing there.
		{ method: 'GET', path: CONTACT_PATH, handler: ({ params: [id] }) => answer(view(live(primaryOf(id)))) },
		{
			method: 'PATCH',
			path: CONTACT_PATH,
			handler({ params: [id], body }) {
				const contact = live(id);
				rules.validateContact(body, { create: false });
				const email = body.email !== undefined ? body.email : contact.email;
				const phone = body.phone !== undefined ? body.phone : contact.phone;
				if (!email && !phone) throw rules.invalid('email', 'At least one of email or phone is required');
				refuseDuplicateEmail(body.email, id);
				const oldEmail = contact.email;
				for (const [key, value] of Object.entries(body)) {
					if (key === 'custom_fields') {
						// Partial update: the keys sent replace theirs (null removes one), the others stay.
						for (const [field, fieldValue] of Object.entries(value)) {
							if (fieldValue === null) delete contact.custom_fields[field];
							else contact.custom_fields[field] = fieldValue;
						}
					} else if (key === 'tags') contact.tags = [...value];
					else if (key === 'address') contact.address = value === null ? null : { ...value };
					else contact[key] = value;
				}
				contacts.reindex(contact, oldEmail);
				touch(contact);
				counts.updates++;
				return answer(contact);
			},
		},
		{
			method: 'DELETE',
			path: CONTACT_PATH,
			handler({ params: [id] }) {
				const contact = live(id);
				contacts.delete(id);
				trash.set(id, { contact, deleted_at: now() });
				counts.deletes++;
				return { status: 204 };
			},
		},
		{
			method: 'GET',
			path: '/v1/contacts',
			handler({ query }) {
				const { page, perPage, filter, order } = rules.parseListQuery(query);
				const matching = order([...contacts.values()].filter(filter));
				const data = matching.slice((page - 1) * perPage, page * perPage);
				return { body: rules.listBody(settings.listEnvelope, data, page, perPage, matching.length) };
			},
		},
		// Anything else: Skode's 404, with the rate-limit headers like every answer.
		...[...WRITES, 'GET'].map((method) => ({
			method,
			path: /^\/.*$/,
			handler: () => {
				throw rules.notFound('Not found');
			},
		})),
	];

	// Run after the key check and the rate limiter: a read-only key may not write, and a
	// refusal is answered with the X-RateLimit-* headers (the base adds them to answers only).
	const guarded = routes.map((route) => ({
		...route,
		async handler(context) {
			try {
				if (WRITES.has(route.method) && !KEYS[keyOf(context.record)].write) {
					throw rules.fail(403, 'forbidden', 'This API key is read-only: it cannot create, update, merge or delete contacts');
				}
				return await route.handler(context);
			} catch (error) {
				if (error instanceof ApiError) return { status: error.status, body: error.body, headers: error.headers };
				throw error;
			}
		},
	}));

	const server = createContractServer({
		name: 'Skode AI',
		port: options.port,
		rateLimit: options.rateLimit ?? { limit: 100, windowMs: 60_000 },
		authenticate(key) {
			if (!key || !KEYS[key]) throw rules.fail(401, 'unauthorized', 'Invalid API key');
		},
		rateLimitAnswer: (retryAfterSeconds) => ({
			headers: { 'Retry-After': String(retryAfterSeconds) },
			body: { error: 'rate_limited', message: 'Too many requests' },
		}),
		invalidJsonBody: { error: 'invalid_json', message: 'Request body is not valid JSON' },
		notFoundBody: { error: 'not_found', message: 'Not found' },
		routes: guarded,
	});

	const baseReset = server.reset.bind(server);
	Object.assign(server, {
		contacts,
		merged,
		trash,
		counts,
		/** Clears requests, faults, the limiter and the counts; contacts stay (see clear()). */
		reset() {
			baseReset();
			for (const key of Object.keys(counts)) counts[key] = 0;
		},
		/** reset() and forget every contact, merged or deleted one too. */
		clear() {
			this.reset();
			contacts.clear();
			merged.clear();
			trash.clear();
		},
		/** Changes conflictIdField / listEnvelope / contactEnvelope of a running server. */
		configure(changes) {
			settings = rules.settingsFrom(changes, settings);
		},
		/**
		 * Adds `count` contacts without HTTP (not counted in `counts`). `make(index)` returns a
		 * create body, validated like one, plus optional `created_at`/`updated_at` (ISO) to backdate.
		 * Default: "Seed Contact n", seed<n>@example.com, +1555<n>, companies Acme/Globex/Initech.
		 */
		seed(count, make) {
			const made = [];
			for (let index = 0; index < count; index++) {
				const n = ++seeded;
				const { created_at: createdAt, updated_at: updatedAt, ...body } = make
					? make(index)
					: {
							name: `Seed Contact ${n}`,
							email: `seed${n}@example.com`,
							phone: `+1555${String(n).padStart(7, '0')}`,
							company: ['Acme', 'Globex', 'Initech'][n % 3],
							tags: n % 2 ? ['seed'] : ['seed', 'even'],
						};
				rules.validateContact(body, { create: true });
				if (body.email && contacts.withEmail(body.email)) throw new Error(`seed: a contact already has the email ${body.email}`);
				const contact = build(body);
				if (createdAt) contact.created_at = contact.updated_at = createdAt;
				if (updatedAt) contact.updated_at = updatedAt;
				made.push(contact);
			}
			return made;
		},
	});
	Object.defineProperty(server, 'settings', { get: () => ({ ...settings }) });
	Object.defineProperty(server, 'baseUrl', { get: () => `${server.url}/v1` });
	return server;
}

module.exports = { createSkodeServer, SKODE_KEY, SKODE_READONLY_KEY, SKODE_KEYS: KEYS };
