'use strict';
/**
 * Tether's data and rules (seed 004 and providers.md), apart from the HTTP side in tether.js:
 * the seeded organisation, users, access tokens and pipelines; body validation for contacts;
 * stage resolution; the list search. Errors are thrown as ApiError with Tether-like bodies.
 */
const { ApiError } = require('./contractServer');

const ORGANIZATION_ID = '665f00000000000000000001';

/** Test users; `role` decides write rights (viewer: read only). */
const USERS = [
	{ _id: '665f00000000000000000101', email: 'admin@tether.test', password: 'tether-admin-pass', name: 'Ada Admin', role: 'admin' },
	{ _id: '665f00000000000000000102', email: 'viewer@tether.test', password: 'tether-viewer-pass', name: 'Vic Viewer', role: 'viewer' },
];
const WRITE_ROLES = new Set(['admin', 'manager', 'agent']);

const base64url = (value) => Buffer.from(JSON.stringify(value)).toString('base64url');
/** A JWT-looking string (header.payload.signature, base64url); nothing checks the signature. */
function jwtLike(payload, signature) {
	return `${base64url({ alg: 'HS256', typ: 'JWT' })}.${base64url(payload)}.${Buffer.from(signature).toString('base64url')}`;
}
/** Long-lived access tokens for the credential's "access token" mode: they never expire unless revoked. */
const ACCESS_TOKENS = {
	admin: jwtLike({ sub: USERS[0]._id, email: USERS[0].email, role: 'admin', type: 'access', iat: 1767225600 }, 'tether-static-admin-signature'),
	viewer: jwtLike({ sub: USERS[1]._id, email: USERS[1].email, role: 'viewer', type: 'access', iat: 1767225600 }, 'tether-static-viewer-signature'),
};

/** One active Contact pipeline (the default) and one other Contact pipeline; both have a "New" stage. */
const PIPELINES = [
	{
		_id: '665f00000000000000000201',
		name: 'Sales',
		type: 'Contact',
		active: true,
		stages: [
			{ _id: '665f00000000000000000211', name: 'New' },
			{ _id: '665f00000000000000000212', name: 'Contacted' },
			{ _id: '665f00000000000000000213', name: 'Qualified' },
			{ _id: '665f00000000000000000214', name: 'Won' },
			{ _id: '665f00000000000000000215', name: 'Lost' },
		],
	},
	{
		_id: '665f00000000000000000202',
		name: 'Partners',
		type: 'Contact',
		active: false,
		stages: [
			{ _id: '665f00000000000000000221', name: 'New' },
			{ _id: '665f00000000000000000222', name: 'Onboarding' },
			{ _id: '665f00000000000000000223', name: 'Active' },
		],
	},
];
const ACTIVE_PIPELINE = PIPELINES.find((pipeline) => pipeline.active && pipeline.type === 'Contact');

const E164 = /^\+[1-9]\d{7,14}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const CREATE_FIELDS = ['firstName', 'lastName', 'email', 'phoneNumber', 'process', 'status', 'pipelineStage', 'pipelineId'];
const PATCH_FIELDS = ['status', 'pipelineStage', 'pipelineId', 'phoneNumber'];
const PUT_FIELDS = ['_id', 'status', 'pipelineStage', 'pipelineId'];

const failure = (status, error, message, extra = {}) => new ApiError(status, { success: false, error, message, ...extra });
const invalid = (problems) => failure(400, 'Validation error', problems.join('; '));
const isObject = (value) => typeof value === 'object' && value !== null && !Array.isArray(value);
const show = (value) => JSON.stringify(value);

/** Checks an array of `{value, isPrimary}` entries; `check(value)` names what is wrong with one value. */
function entryProblems(field, entries, check, { primaryRequired }) {
	if (!Array.isArray(entries) || (primaryRequired && entries.length === 0)) return [`${field} must be a non-empty array of {value, isPrimary}`];
	const problems = [];
	entries.forEach((entry, index) => {
		if (!isObject(entry)) return problems.push(`${field}[${index}] must be an object {value, isPrimary}`);
		for (const key of Object.keys(entry)) if (key !== 'value' && key !== 'isPrimary') problems.push(`${field}[${index}].${key} is not allowed`);
		if (typeof entry.value !== 'string') problems.push(`${field}[${index}].value must be a string`);
		else {
			const problem = check(entry.value);
			if (problem) problems.push(`${field}[${index}].value ${show(entry.value)} ${problem}`);
		}
		if (entry.isPrimary !== undefined && typeof entry.isPrimary !== 'boolean') problems.push(`${field}[${index}].isPrimary must be a boolean`);
	});
	const primaries = entries.filter((entry) => isObject(entry) && entry.isPrimary === true).length;
	if (primaryRequired ? primaries !== 1 : primaries > 1) problems.push(`${field} must have exactly one entry with isPrimary: true (found ${primaries})`);
	const values = entries.filter(isObject).map((entry) => entry.value);
	const twice = values.find((value, index) => values.indexOf(value) !== index);
	if (twice !== undefined) problems.push(`${field} lists ${show(twice)} twice`);
	return problems;
}
const phoneProblem = (value) => (E164.test(value) ? undefined : 'is not a valid phone number (E.164, e.g. +14165550100)');
const emailProblem = (value) => (EMAIL.test(value) ? undefined : 'is not a valid email address');

/** Validates a body against the fields the route allows; the route decides what is required. */
function validateBody(body, allowed, { requirePhone = false, requireId = false, nullableStage = false } = {}) {
	if (!isObject(body)) throw invalid(['body must be a JSON object']);
	const problems = [];
	const unknown = Object.keys(body).filter((key) => !allowed.includes(key));
	if (unknown.length) problems.push(`field(s) not accepted here: ${unknown.join(', ')} (accepted: ${allowed.join(', ')})`);
	if (requireId && (typeof body._id !== 'string' || body._id === '')) problems.push('_id is required');
	if (body.phoneNumber === undefined) {
		if (requirePhone) problems.push('phoneNumber is required');
	} else problems.push(...entryProblems('phoneNumber', body.phoneNumber, phoneProblem, { primaryRequired: true }));
	for (const key of ['firstName', 'lastName', 'process', 'status', 'pipelineId']) {
		if (body[key] !== undefined && typeof body[key] !== 'string') problems.push(`${key} must be a string`);
	}
	if (body.pipelineStage !== undefined && typeof body.pipelineStage !== 'string' && !(nullableStage && body.pipelineStage === null)) {
		problems.push(nullableStage ? 'pipelineStage must be a string or null' : 'pipelineStage must be a string');
	}
	if (body.email !== undefined) {
		if (typeof body.email === 'string') {
			if (emailProblem(body.email)) problems.push(`email ${show(body.email)} ${emailProblem(body.email)}`);
		} else if (Array.isArray(body.email)) problems.push(...entryProblems('email', body.email, emailProblem, { primaryRequired: false }));
		else problems.push('email must be a string or an array of {value, isPrimary}');
	}
	if (problems.length) throw invalid(problems);
}

/** The stored email: the string given, or the primary (else first) entry's value; lower-cased. */
function normaliseEmail(email) {
	if (email === undefined) return null;
	if (typeof email === 'string') return email.toLowerCase();
	const entry = email.find((candidate) => candidate.isPrimary) ?? email[0];
	return entry ? entry.value.toLowerCase() : null;
}

const phoneEntries = (entries) => entries.map((entry) => ({ value: entry.value, isPrimary: entry.isPrimary === true }));

/**
 * Resolves pipelineId/status/pipelineStage into {pipeline, stage}: an unknown pipeline, stage
 * id or stage name is a 400 naming it, as are a status and a stage id that disagree.
 * `current` is the contact being updated (its pipeline is the default), absent on create.
 */
function resolveStage({ pipelineId, status, pipelineStage }, current) {
	let pipeline = current ? PIPELINES.find((candidate) => candidate._id === current.pipelineId) : ACTIVE_PIPELINE;
	if (pipelineId !== undefined) {
		pipeline = PIPELINES.find((candidate) => candidate._id === pipelineId);
		if (!pipeline) throw invalid([`pipeline ${show(pipelineId)} not found`]);
	}
	const names = pipeline.stages.map((stage) => stage.name).join(', ');
	let byId;
	if (typeof pipelineStage === 'string') {
		byId = pipeline.stages.find((stage) => stage._id === pipelineStage);
		if (!byId) throw invalid([`pipelineStage ${show(pipelineStage)} is not a stage of pipeline "${pipeline.name}"`]);
	}
	let byName;
	if (status !== undefined) {
		byName = pipeline.stages.find((stage) => stage.name === status);
		if (!byName) throw invalid([`status ${show(status)} is not a stage of pipeline "${pipeline.name}" (stages: ${names})`]);
	}
	if (pipelineStage === null) {
		if (status !== undefined) throw invalid(['status cannot be set while pipelineStage is cleared (null)']);
		return { pipeline, stage: null };
	}
	if (byId && byName && byId !== byName) throw invalid([`status ${show(status)} does not match pipelineStage ${show(pipelineStage)} ("${byId.name}")`]);
	const stage = byId ?? byName;
	if (stage) return { pipeline, stage };
	if (!current || pipeline._id !== current.pipelineId) return { pipeline, stage: pipeline.stages[0] };
	return { pipeline, stage: pipeline.stages.find((candidate) => candidate._id === current.pipelineStage) ?? null };
}

/** `search` matches names, email and phone numbers: a substring of the E.164 value, or of its digits. */
function matchesSearch(contact, search) {
	const term = search.trim().toLowerCase();
	if (!term) return true;
	const text = [contact.firstName, contact.lastName, [contact.firstName, contact.lastName].filter(Boolean).join(' '), contact.email]
		.filter(Boolean)
		.map((value) => value.toLowerCase());
	if (text.some((value) => value.includes(term))) return true;
	const phones = contact.phoneNumber.map((entry) => entry.value);
	if (phones.some((value) => value.includes(term))) return true;
	const digits = term.replace(/\D/g, '');
	return /^[\d\s+().-]+$/.test(term) && digits.length >= 3 && phones.some((value) => value.replace(/\D/g, '').includes(digits));
}

module.exports = {
	ORGANIZATION_ID,
	USERS,
	WRITE_ROLES,
	ACCESS_TOKENS,
	PIPELINES,
	ACTIVE_PIPELINE,
	CREATE_FIELDS,
	PATCH_FIELDS,
	PUT_FIELDS,
	jwtLike,
	failure,
	invalid,
	validateBody,
	normaliseEmail,
	phoneEntries,
	resolveStage,
	matchesSearch,
};
