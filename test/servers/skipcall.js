'use strict';
/**
 * Skipcall's public API as its docs describe it (seeds 000, 001 and providers.md):
 * POST /contacts, PATCH /contacts/{id}, GET /contacts/{id}, GET /custom-fields,
 * GET /workspaces, bearer keys, 100 requests/min with X-RateLimit-* headers.
 * Error bodies are not documented; this server answers NestJS-style
 * `{statusCode, message, error}`, which is what the API's other shapes suggest.
 */
const { randomUUID } = require('node:crypto');
const { ApiError, createContractServer } = require('./contractServer');

const KEYS = {
	sk_test_valid: { teamId: '7d0c7f0e-0000-4000-8000-000000000001', api: true },
	sk_test_noapi: { teamId: '7d0c7f0e-0000-4000-8000-000000000002', api: false },
};

const CUSTOM_FIELDS = [
	{ id: 'cf1', slug: 'industry', name: 'Industry', workspaceId: 'w1' },
	{ id: 'cf2', slug: 'team_size', name: 'Size', workspaceId: 'w1' },
	{ id: 'cf3', slug: 'source', name: 'Lead Source', workspaceId: 'w1' },
];

const E164 = /^\+[1-9]\d{6,14}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const STRING_LIMITS = { firstName: [1, 100], lastName: [1, 100], company: [0, 200], city: [0, 200], country: [0, 200], role: [0, 200] };
const URL_FIELDS = ['url', 'linkedinUrl', 'linkedinSalesUrl'];
const KNOWN = new Set([...Object.keys(STRING_LIMITS), ...URL_FIELDS, 'email', 'phoneNumbers', 'allowPhoneCalls', 'customFields']);

function badRequest(messages) {
	return new ApiError(400, { statusCode: 400, message: messages, error: 'Bad Request' });
}

function validateContact(body, { create }) {
	const problems = [];
	if (typeof body !== 'object' || body === null || Array.isArray(body)) throw badRequest(['body must be an object']);
	for (const key of Object.keys(body)) if (!KNOWN.has(key)) problems.push(`property ${key} should not exist`);
	for (const [field, [min, max]] of Object.entries(STRING_LIMITS)) {
		const value = body[field];
		if (value === undefined) {
			if (create && min > 0) problems.push(`${field} must be a string`);
			continue;
		}
		if (typeof value !== 'string') problems.push(`${field} must be a string`);
		else if (value.length < Math.max(min, 1) || value.length > max) problems.push(`${field} must be longer than or equal to ${Math.max(min, 1)} and shorter than or equal to ${max} characters`);
	}
	if (body.phoneNumbers === undefined) {
		if (create) problems.push('phoneNumbers must contain at least 1 elements');
	} else if (!Array.isArray(body.phoneNumbers) || body.phoneNumbers.length < 1 || body.phoneNumbers.length > 20) {
		problems.push('phoneNumbers must contain between 1 and 20 elements');
	} else {
		for (const number of body.phoneNumbers) if (typeof number !== 'string' || !E164.test(number)) problems.push(`each value in phoneNumbers must be a valid phone number (E.164): ${number}`);
	}
	if (body.email !== undefined && (typeof body.email !== 'string' || !EMAIL.test(body.email))) problems.push('email must be an email');
	for (const field of URL_FIELDS) {
		if (body[field] !== undefined && (typeof body[field] !== 'string' || !/^https?:\/\/[^\s/]+\.[^\s]+$/.test(body[field]))) problems.push(`${field} must be a URL address`);
	}
	if (body.allowPhoneCalls !== undefined && typeof body.allowPhoneCalls !== 'boolean') problems.push('allowPhoneCalls must be a boolean value');
	if (body.customFields !== undefined) {
		if (typeof body.customFields !== 'object' || body.customFields === null || Array.isArray(body.customFields)) problems.push('customFields must be an object');
		else
			for (const key of Object.keys(body.customFields)) {
				if (!CUSTOM_FIELDS.some((field) => field.slug === key || field.name === key)) problems.push(`Unknown custom field: ${key}`);
			}
	}
	if (problems.length) throw badRequest(problems);
}

function customFieldsByName(values = {}) {
	const result = {};
	for (const [key, value] of Object.entries(values)) {
		const field = CUSTOM_FIELDS.find((candidate) => candidate.slug === key || candidate.name === key);
		result[field.name] = value;
	}
	return result;
}

function createSkipcallServer(options = {}) {
	const contacts = new Map();
	// The team's custom fields, and the largest page the server gives whatever is asked
	// (a real API may cap pages below the requested size): tests change both.
	const customFields = { list: CUSTOM_FIELDS, pageCap: 100 };
	const now = () => new Date().toISOString();

	function contactOf(id) {
		const contact = contacts.get(id);
		if (!contact) throw new ApiError(404, { statusCode: 404, message: `Contact ${id} not found`, error: 'Not Found' });
		return contact;
	}

	const server = createContractServer({
		name: 'Skipcall',
		rateLimit: options.rateLimit ?? { limit: 100, windowMs: 60_000 },
		authenticate(key) {
			if (!key || !KEYS[key]) throw new ApiError(401, { statusCode: 401, message: 'Invalid API key', error: 'Unauthorized' });
			if (!KEYS[key].api) throw new ApiError(403, { statusCode: 403, message: 'Your plan does not include API access', error: 'Forbidden' });
		},
		rateLimitAnswer: () => ({ headers: {}, body: { statusCode: 429, message: 'Too Many Requests', error: 'Too Many Requests' } }),
		invalidJsonBody: { statusCode: 400, message: 'Unexpected token in JSON', error: 'Bad Request' },
		routes: [
			{
				method: 'POST',
				path: '/v1/contacts',
				handler({ body, record }) {
					validateContact(body, { create: true });
					const key = /^Bearer (.+)$/.exec(record.headers.authorization)[1];
					const id = randomUUID();
					const contact = {
						id,
						firstName: body.firstName,
						lastName: body.lastName,
						allowPhoneCalls: body.allowPhoneCalls ?? true,
						callCount: 0,
						teamId: KEYS[key].teamId,
						phoneNumbers: body.phoneNumbers,
						customFields: customFieldsByName(body.customFields),
						createdAt: now(),
						updatedAt: now(),
						lastModificationSource: 'API',
						email: body.email ?? null,
						company: body.company ?? null,
						city: body.city ?? null,
						country: body.country ?? null,
						url: body.url ?? null,
						linkedinUrl: body.linkedinUrl ?? null,
						linkedinSalesUrl: body.linkedinSalesUrl ?? null,
						role: body.role ?? null,
						lastCallAt: null,
					};
					contacts.set(id, contact);
					return { status: 200, body: contact };
				},
			},
			{
				method: 'PATCH',
				path: /^\/v1\/contacts\/([^/]+)$/,
				handler({ params: [id], body }) {
					const contact = contactOf(id);
					validateContact(body, { create: false });
					const { customFields, ...rest } = body;
					Object.assign(contact, rest, { updatedAt: now(), lastModificationSource: 'API' });
					if (customFields) Object.assign(contact.customFields, customFieldsByName(customFields));
					return { body: contact };
				},
			},
			{
				method: 'GET',
				path: /^\/v1\/contacts\/([^/]+)$/,
				handler: ({ params: [id] }) => ({ body: contactOf(id) }),
			},
			{
				method: 'GET',
				path: '/v1/custom-fields',
				handler({ query }) {
					const page = Number(query.page ?? 0);
					const size = Number(query.size ?? 20);
					if (!Number.isInteger(size) || size < 1 || size > 100) throw badRequest(['size must not be greater than 100']);
					const answered = Math.min(size, customFields.pageCap);
					const data = customFields.list.slice(page * answered, page * answered + answered);
					return { body: { data, page, size: answered, total: customFields.list.length } };
				},
			},
			{
				method: 'GET',
				path: '/v1/workspaces',
				handler: () => ({ body: { data: [{ id: 'w1', name: 'Sales' }] } }),
			},
			{ method: 'GET', path: '/v1/health', handler: () => ({ body: { status: 'ok' } }) },
		],
	});
	server.contacts = contacts;
	server.customFields = customFields;
	// The base URL as the credential holds it.
	Object.defineProperty(server, 'baseUrl', { get: () => `${server.url}/v1` });
	return server;
}

module.exports = { createSkipcallServer, SKIPCALL_KEYS: KEYS, SKIPCALL_CUSTOM_FIELDS: CUSTOM_FIELDS };
