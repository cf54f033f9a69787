'use strict';
/**
 * Skode AI's contact rules (seed 002 and providers.md), kept apart from the server in skode.js:
 * body validation for create/update/merge, the list's query parameters, filters, sort and
 * envelopes, the server's options, and the contact store with its email index. Every error is `{error, message}`; a 422 also names the `field` at fault.
 */
const { ApiError } = require('./contractServer');

const E164 = /^\+[1-9]\d{7,14}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const ISO_8601 = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;
const CONTACT_FIELDS = ['name', 'email', 'phone', 'company', 'title', 'address', 'tags', 'custom_fields'];
/** Optional fields that also take null: absent on create, cleared on update. */
const NULLABLE = ['email', 'phone', 'company', 'title', 'address'];
const ADDRESS_FIELDS = ['street', 'city', 'state', 'zip', 'country'];
const LIST_PARAMS = ['page', 'per_page', 'sort', 'email', 'company', 'tag', 'created_after', 'created_before', 'updated_after', 'q'];
const SORT_FIELDS = ['name', 'email', 'company', 'created_at', 'updated_at'];
const DEFAULT_PER_PAGE = 25;
const LIST_ENVELOPES = ['data', 'bare', 'contacts', 'items', 'noTotals'];
const CONTACT_ENVELOPES = ['bare', 'data', 'contact'];

const fail = (status, error, message, extra = {}) => new ApiError(status, { error, message, ...extra });
const invalid = (field, message) => fail(422, 'validation_error', message, field ? { field } : {});
const notFound = (message = 'Contact not found') => fail(404, 'not_found', message);
const isObject = (value) => typeof value === 'object' && value !== null && !Array.isArray(value);

function rejectUnknown(body, known) {
	if (!isObject(body)) throw invalid(null, 'Request body must be a JSON object');
	for (const key of Object.keys(body)) if (!known.includes(key)) throw invalid(key, `Unknown field: ${key}`);
}

/** Throws the 422 Skode answers for the first problem found, in the order of CONTACT_FIELDS. */
function validateContact(body, { create }) {
	rejectUnknown(body, CONTACT_FIELDS);
	if (!create && Object.keys(body).length === 0) throw invalid(null, 'Request body must contain at least one field to update');
	if ((create || body.name !== undefined) && (typeof body.name !== 'string' || body.name.trim() === '')) {
		throw invalid('name', 'name is required and must be a non-empty string');
	}
	const given = (key) => body[key] !== undefined && !(body[key] === null && NULLABLE.includes(key));
	if (given('email') && (typeof body.email !== 'string' || !EMAIL.test(body.email))) throw invalid('email', 'email must be a valid email address');
	if (given('phone') && (typeof body.phone !== 'string' || !E164.test(body.phone))) {
		throw invalid('phone', 'phone must be a single phone number in E.164 format, e.g. +14155550456');
	}
	for (const key of ['company', 'title']) if (given(key) && typeof body[key] !== 'string') throw invalid(key, `${key} must be a string`);
	if (given('address')) {
		if (!isObject(body.address)) throw invalid('address', 'address must be an object');
		for (const [key, value] of Object.entries(body.address)) {
			if (!ADDRESS_FIELDS.includes(key)) throw invalid(`address.${key}`, `Unknown field: address.${key}`);
			if (typeof value !== 'string') throw invalid(`address.${key}`, `address.${key} must be a string`);
		}
	}
	if (body.tags !== undefined && (!Array.isArray(body.tags) || body.tags.some((tag) => typeof tag !== 'string' || tag === ''))) {
		throw invalid('tags', 'tags must be an array of non-empty strings');
	}
	if (body.custom_fields !== undefined && !isObject(body.custom_fields)) throw invalid('custom_fields', 'custom_fields must be an object');
	if (create && !given('email') && !given('phone')) throw invalid('email', 'At least one of email or phone is required');
}

function validateMerge(body) {
	rejectUnknown(body, ['primary_id', 'duplicate_ids']);
	if (typeof body.primary_id !== 'string' || body.primary_id === '') throw invalid('primary_id', 'primary_id is required');
	const ids = body.duplicate_ids;
	if (!Array.isArray(ids) || ids.length === 0 || ids.some((id) => typeof id !== 'string' || id === '')) {
		throw invalid('duplicate_ids', 'duplicate_ids must be a non-empty array of contact ids');
	}
	if (ids.includes(body.primary_id)) throw invalid('duplicate_ids', 'duplicate_ids must not contain primary_id');
	return { primaryId: body.primary_id, duplicateIds: [...new Set(ids)] };
}

function integerParam(raw, field, max, fallback) {
	if (raw === undefined) return fallback;
	const value = /^\d+$/.test(raw) ? Number(raw) : NaN;
	if (!(value >= 1 && value <= max)) throw invalid(field, max === Infinity ? `${field} must be an integer of 1 or more` : `${field} must be an integer between 1 and ${max}`);
	return value;
}

function dateParam(raw, field) {
	if (raw === undefined) return undefined;
	if (!ISO_8601.test(raw) || Number.isNaN(Date.parse(raw))) throw invalid(field, `${field} must be an ISO 8601 date or date-time`);
	return Date.parse(raw);
}

/** GET /contacts query → {page, perPage, sort, filter}; unknown or malformed parameters → 422. */
function parseListQuery(query) {
	for (const key of Object.keys(query)) if (!LIST_PARAMS.includes(key)) throw invalid(key, `Unknown query parameter: ${key}`);
	const page = integerParam(query.page, 'page', Infinity, 1);
	const perPage = integerParam(query.per_page, 'per_page', 100, DEFAULT_PER_PAGE);
	const sort = query.sort ?? 'created_at';
	const sortField = sort.replace(/^-/, '');
	if (!SORT_FIELDS.includes(sortField)) throw invalid('sort', `sort must be one of ${SORT_FIELDS.join(', ')} (prefix - for descending)`);
	const after = dateParam(query.created_after, 'created_after');
	const before = dateParam(query.created_before, 'created_before');
	const updatedAfter = dateParam(query.updated_after, 'updated_after');
	// Empty text filters (`q=`) are ignored, as most APIs do.
	const lower = (value) => (value ? value.toLowerCase() : undefined);
	const [email, company, tag, q] = [query.email, query.company, query.tag, query.q].map(lower);
	const qDigits = q && /^[\d\s+().-]+$/.test(q) ? q.replace(/\D/g, '') : '';
	const filter = (contact) => {
		if (email && (contact.email ?? '').toLowerCase() !== email) return false;
		if (company && (contact.company ?? '').toLowerCase() !== company) return false;
		if (tag && !contact.tags.some((candidate) => candidate.toLowerCase() === tag)) return false;
		if (after !== undefined && !(Date.parse(contact.created_at) > after)) return false;
		if (before !== undefined && !(Date.parse(contact.created_at) < before)) return false;
		if (updatedAfter !== undefined && !(Date.parse(contact.updated_at) > updatedAfter)) return false;
		if (!q) return true;
		if ([contact.name, contact.email, contact.phone, contact.company].some((value) => value && value.toLowerCase().includes(q))) return true;
		return qDigits.length >= 3 && Boolean(contact.phone) && contact.phone.replace(/\D/g, '').includes(qDigits);
	};
	const direction = sort.startsWith('-') ? -1 : 1;
	// Stable sort on precomputed keys; nulls last whatever the direction; ties keep creation order.
	const order = (list) =>
		list
			.map((contact) => [typeof contact[sortField] === 'string' ? contact[sortField].toLowerCase() : null, contact])
			.sort(([x], [y]) => (x === y ? 0 : x === null ? 1 : y === null ? -1 : x < y ? -direction : direction))
			.map(([, contact]) => contact);
	return { page, perPage, filter, order };
}

/** The live contacts, with an index by lower-cased email that follows set/delete/clear (tests call them). */
class ContactMap extends Map {
	constructor() {
		super();
		this.byEmail = new Map();
	}
	set(id, contact) {
		super.set(id, contact);
		if (this.byEmail && contact.email) this.byEmail.set(contact.email.toLowerCase(), id);
		return this;
	}
	delete(id) {
		const contact = this.get(id);
		if (contact?.email && this.byEmail.get(contact.email.toLowerCase()) === id) this.byEmail.delete(contact.email.toLowerCase());
		return super.delete(id);
	}
	clear() {
		this.byEmail.clear();
		super.clear();
	}
	/** Follows a contact's email change, keeping its place in the creation order. */
	reindex(contact, oldEmail) {
		if (oldEmail && this.byEmail.get(oldEmail.toLowerCase()) === contact.id) this.byEmail.delete(oldEmail.toLowerCase());
		if (contact.email) this.byEmail.set(contact.email.toLowerCase(), contact.id);
	}
	/** The live contact that holds this email (case-insensitive), if any. */
	withEmail(email) {
		const id = this.byEmail.get(email.toLowerCase());
		const contact = id && this.get(id);
		// Checked, in case a test edited a contact's email by hand.
		return contact && contact.email?.toLowerCase() === email.toLowerCase() ? contact : undefined;
	}
}

function settingsFrom(options, base) {
	const settings = { ...base };
	if (options.conflictIdField !== undefined) settings.conflictIdField = options.conflictIdField;
	if (options.listEnvelope !== undefined) settings.listEnvelope = options.listEnvelope;
	if (options.contactEnvelope !== undefined) settings.contactEnvelope = options.contactEnvelope;
	if (settings.conflictIdField !== null && (typeof settings.conflictIdField !== 'string' || !settings.conflictIdField)) {
		throw new Error('conflictIdField must be a field name or null');
	}
	if (!LIST_ENVELOPES.includes(settings.listEnvelope)) throw new Error(`listEnvelope must be one of ${LIST_ENVELOPES.join(', ')}`);
	if (!CONTACT_ENVELOPES.includes(settings.contactEnvelope)) throw new Error(`contactEnvelope must be one of ${CONTACT_ENVELOPES.join(', ')}`);
	return settings;
}

function listBody(envelope, data, page, perPage, total) {
	const totals = { page, per_page: perPage, total, total_pages: Math.ceil(total / perPage) };
	switch (envelope) {
		case 'bare':
			return data;
		case 'contacts':
			return { contacts: data, ...totals };
		case 'items':
			return { items: data, ...totals };
		case 'noTotals':
			return { data, page, per_page: perPage };
		default:
			return { data, ...totals };
	}
}

function contactBody(envelope, contact) {
	if (envelope === 'data') return { data: contact };
	if (envelope === 'contact') return { contact };
	return contact;
}

module.exports = {
	fail,
	invalid,
	notFound,
	validateContact,
	validateMerge,
	parseListQuery,
	listBody,
	contactBody,
	ContactMap,
	settingsFrom,
	DEFAULT_PER_PAGE,
};
