'use strict';
/**
 * Klen AI's public API as its docs describe it (seed 003 and providers.md): keys with
 * permissions, POST /contacts/create, PATCH /contacts/{id}/update, GET /contacts/{id},
 * GET /contacts (page from 1, limit ≤ 100, loose `search`), errors `{error, message}`,
 * 60 requests/min with Retry-After on 429.
 */
const { ApiError, createContractServer } = require('./contractServer');

const KEYS = {
	klen_valid: ['can_read_contacts', 'can_write_contacts'],
	klen_readonly: ['can_read_contacts'],
	klen_nopermission: [],
};
const TEAMS = { 1: 'accessible', 2: 'forbidden' };
const E164 = /^\+[1-9]\d{6,14}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const STRINGS = ['first_name', 'last_name', 'email', 'company', 'website', 'address', 'city', 'state', 'zip_code', 'country', 'status', 'stage'];
const KNOWN = new Set([...STRINGS, 'team_id', 'tags', 'phone_numbers', 'custom_context', 'industry_context']);

const fail = (status, error, message) => new ApiError(status, { error, message });

function validate(body, { create }) {
	if (typeof body !== 'object' || body === null || Array.isArray(body)) throw fail(400, 'invalid_json', 'Invalid JSON payload');
	if (create && (typeof body.first_name !== 'string' || body.first_name.trim() === '')) throw fail(400, 'missing_first_name', 'First name is required');
	const problems = [];
	for (const key of Object.keys(body)) if (!KNOWN.has(key)) problems.push(`${key}: unknown field`);
	for (const key of STRINGS) if (body[key] !== undefined && (typeof body[key] !== 'string' || body[key] === '')) problems.push(`${key}: must be a non-empty string`);
	if (body.email !== undefined && !EMAIL.test(body.email)) problems.push('email: Enter a valid email address.');
	if (body.team_id !== undefined && !Number.isInteger(body.team_id)) problems.push('team_id: must be an integer');
	if (body.tags !== undefined && (!Array.isArray(body.tags) || body.tags.some((tag) => typeof tag !== 'string'))) problems.push('tags: must be an array of tag names');
	if (body.phone_numbers !== undefined) {
		if (!Array.isArray(body.phone_numbers)) problems.push('phone_numbers: must be an array');
		else
			body.phone_numbers.forEach((entry, index) => {
				if (typeof entry !== 'object' || entry === null) return problems.push(`phone_numbers[${index}]: must be an object`);
				if (typeof entry.phone_number !== 'string' || !E164.test(entry.phone_number)) problems.push(`phone_numbers[${index}].phone_number: must be in E.164 format`);
				if (entry.phone_type !== undefined && typeof entry.phone_type !== 'string') problems.push(`phone_numbers[${index}].phone_type: must be a string`);
				for (const flag of ['primary', 'do_not_call']) if (entry[flag] !== undefined && typeof entry[flag] !== 'boolean') problems.push(`phone_numbers[${index}].${flag}: must be a boolean`);
			});
	}
	for (const key of ['custom_context', 'industry_context']) {
		if (body[key] !== undefined && (typeof body[key] !== 'object' || body[key] === null || Array.isArray(body[key]))) problems.push(`${key}: must be an object`);
	}
	if (problems.length) throw fail(400, 'validation_error', `Validation error: ${problems.join('; ')}`);
	if (body.team_id !== undefined) {
		if (!TEAMS[body.team_id]) throw fail(404, 'team_not_found', 'Team not found');
		if (TEAMS[body.team_id] === 'forbidden') throw fail(403, 'team_access_denied', 'You do not have access to this team');
	}
}

function phoneNumbers(entries, nextId) {
	const numbers = entries.map((entry) => ({
		id: entry.id ?? nextId(),
		phone_number: entry.phone_number,
		phone_type: entry.phone_type ?? 'mobile',
		primary: entry.primary ?? false,
		do_not_call: entry.do_not_call ?? false,
	}));
	if (numbers.length && !numbers.some((entry) => entry.primary)) numbers[0].primary = true;
	return numbers;
}

function createKlenServer(options = {}) {
	const contacts = new Map();
	let lastId = 1000;
	let lastPhoneId = 5000;
	const nextPhoneId = () => ++lastPhoneId;
	const now = () => new Date().toISOString();

	function permissionOf(record) {
		const key = /^Bearer (.+)$/.exec(record.headers.authorization ?? '')?.[1] ?? record.headers['x-api-key'];
		return KEYS[key];
	}
	function requirePermission(record, permission) {
		if (!permissionOf(record).includes(permission)) {
			throw fail(403, 'permission_denied', `The API key doesn't have the required permission: ${permission}`);
		}
	}
	function contactOf(rawId) {
		if (!/^\d+$/.test(rawId)) throw fail(404, 'not_found', 'Contact not found');
		const contact = contacts.get(Number(rawId));
		if (!contact) throw fail(404, 'not_found', 'Contact not found');
		return contact;
	}

	const server = createContractServer({
		name: 'Klen AI',
		rateLimit: options.rateLimit ?? { limit: 60, windowMs: 60_000 },
		authenticate(key, record) {
			const apiKey = key ?? record.headers['x-api-key'];
			if (!apiKey) throw fail(401, 'authentication_required', 'No API key was provided');
			if (!KEYS[apiKey]) throw fail(401, 'invalid_key', 'The API key is invalid or inactive');
		},
		rateLimitAnswer: (retryAfterSeconds) => ({
			headers: { 'Retry-After': String(retryAfterSeconds) },
			body: { error: 'rate_limit_exceeded', message: 'Rate limit exceeded: 60 requests per minute' },
		}),
		invalidJsonBody: { error: 'invalid_json', message: 'Invalid JSON payload' },
		notFoundBody: { error: 'not_found', message: 'Not found' },
		routes: [
			{
				method: 'POST',
				path: '/api/v1/contacts/create',
				handler({ body, record }) {
					requirePermission(record, 'can_read_contacts');
					validate(body, { create: true });
					const id = ++lastId;
					const contact = {
						id,
						first_name: body.first_name,
						last_name: body.last_name ?? null,
						email: body.email ?? null,
						company: body.company ?? null,
						website: body.website ?? null,
						address: body.address ?? null,
						city: body.city ?? null,
						state: body.state ?? null,
						zip_code: body.zip_code ?? null,
						country: body.country ?? 'US',
						status: body.status ?? 'not_contacted',
						stage: body.stage ?? 'lead',
						team_id: body.team_id ?? null,
						tags: body.tags ?? [],
						phone_numbers: phoneNumbers(body.phone_numbers ?? [], nextPhoneId),
						custom_context: body.custom_context ?? {},
						industry_context: body.industry_context ?? {},
						created_at: now(),
						updated_at: now(),
					};
					contacts.set(id, contact);
					return { status: 201, body: contact };
				},
			},
			{
				method: 'PATCH',
				path: /^\/api\/v1\/contacts\/([^/]+)\/update$/,
				handler({ params: [rawId], body, record }) {
					requirePermission(record, 'can_write_contacts');
					const contact = contactOf(rawId);
					validate(body, { create: false });
					const { phone_numbers: numbers, ...rest } = body;
					Object.assign(contact, rest, { updated_at: now() });
					if (numbers) contact.phone_numbers = phoneNumbers(numbers, nextPhoneId);
					return { body: contact };
				},
			},
			{
				method: 'GET',
				path: /^\/api\/v1\/contacts\/([^/]+)$/,
				handler({ params: [rawId], record }) {
					requirePermission(record, 'can_read_contacts');
					return { body: contactOf(rawId) };
				},
			},
			{
				method: 'GET',
				path: '/api/v1/contacts',
				handler({ query, record }) {
					requirePermission(record, 'can_read_contacts');
					const page = Number(query.page ?? 1);
					const limit = Number(query.limit ?? 20);
					if (!Number.isInteger(page) || page < 1) throw fail(400, 'validation_error', 'page: must be 1 or more');
					if (!Number.isInteger(limit) || limit < 1 || limit > 100) throw fail(400, 'validation_error', 'limit: must be between 1 and 100');
					const search = (query.search ?? '').toLowerCase();
					const matching = [...contacts.values()].filter((contact) => {
						if (query.stage && contact.stage !== query.stage) return false;
						if (query.status && contact.status !== query.status) return false;
						if (query.tag && !contact.tags.includes(query.tag)) return false;
						if (!search) return true;
						const text = [contact.first_name, contact.last_name, contact.email, contact.company, ...contact.phone_numbers.map((entry) => entry.phone_number)]
							.filter(Boolean)
							.join(' ')
							.toLowerCase();
						return text.includes(search);
					});
					const pages = Math.max(1, Math.ceil(matching.length / limit));
					return {
						body: { count: matching.length, page, limit, pages, contacts: matching.slice((page - 1) * limit, page * limit) },
					};
				},
			},
		],
	});
	server.contacts = contacts;
	Object.defineProperty(server, 'baseUrl', { get: () => `${server.url}/api/v1` });
	return server;
}

module.exports = { createKlenServer, KLEN_KEYS: KEYS };
