import { idOf, listFrom } from '../../nodes/common/operations/records';

const a = { id: 'a' };
const b = { id: 'b' };

describe('listFrom finds the records of a list answer, whatever its envelope', () => {
	it('a bare array', () => {
		expect(listFrom([a, b])).toEqual([a, b]);
	});

	it('an empty bare array', () => {
		expect(listFrom([])).toEqual([]);
	});

	it.each([['data'], ['items'], ['contacts'], ['content'], ['results']])('an array under { %s }', (key) => {
		expect(listFrom({ [key]: [a, b], total: 2 })).toEqual([a, b]);
	});

	it('returns the same array, not a copy', () => {
		const records = [a];
		expect(listFrom({ data: records })).toBe(records);
	});

	it('a nested envelope { data: { items: [...] } }', () => {
		expect(listFrom({ data: { items: [a, b], page: 1 }, meta: {} })).toEqual([a, b]);
	});

	it('a nested envelope { data: { contacts: [...] } }', () => {
		expect(listFrom({ success: true, data: { contacts: [a] } })).toEqual([a]);
	});

	it('a deeper envelope { results: { data: { content: [...] } } }', () => {
		expect(listFrom({ results: { data: { content: [b] } } })).toEqual([b]);
	});

	it('the first key in the order data, items, contacts, content, results wins', () => {
		expect(listFrom({ results: [b], data: [a] })).toEqual([a]);
		expect(listFrom({ contacts: [b], items: [a] })).toEqual([a]);
	});

	it('an empty nested object is skipped for the next key', () => {
		expect(listFrom({ data: { total: 0 }, items: [a] })).toEqual([a]);
	});

	it('an empty array under an earlier key is the answer', () => {
		expect(listFrom({ data: [], items: [a] })).toEqual([]);
	});

	it.each([
		[{ contact: a }],
		[{ total: 0 }],
		[{ data: null }],
		[{ data: 'none' }],
		[{ data: { total: 0 } }],
		[{}],
		['text'],
		[42],
		[null],
		[undefined],
	])('no list in %p gives []', (body) => {
		expect(listFrom(body)).toEqual([]);
	});
});

describe('idOf finds a record\'s id, whichever name the provider uses', () => {
	it.each([
		[{ id: 'abc' }, 'abc'],
		[{ contact_id: 'c1' }, 'c1'],
		[{ contactId: 'c2' }, 'c2'],
		[{ _id: '64f0c2' }, '64f0c2'],
		[{ id: 42 }, '42'],
		[{ contact_id: 7 }, '7'],
		[{ id: 0 }, '0'],
	])('idOf(%p) -> %p', (record, expected) => {
		expect(idOf(record)).toBe(expected);
	});

	it('id wins over the other names', () => {
		expect(idOf({ _id: 'x', contactId: 'y', contact_id: 'z', id: 'w' })).toBe('w');
	});

	it('contact_id wins over contactId and _id', () => {
		expect(idOf({ _id: 'x', contactId: 'y', contact_id: 'z' })).toBe('z');
	});

	it('contactId wins over _id', () => {
		expect(idOf({ _id: 'x', contactId: 'y' })).toBe('y');
	});

	it('a non-text id is skipped for the next name', () => {
		expect(idOf({ id: { value: 1 }, contact_id: 'c3' })).toBe('c3');
		expect(idOf({ id: null, _id: 'm' })).toBe('m');
	});

	it.each([[{}], [{ name: 'Jane' }], [{ id: null }], [{ id: true }], [null], [undefined], ['abc'], [12]])(
		'no id in %p',
		(record) => {
			expect(idOf(record)).toBeUndefined();
		},
	);
});

describe('regressions', () => {
	it('idOf skips an empty id and tries the next name', () => {
		expect(idOf({ id: '', contact_id: 42 })).toBe('42');
		expect(idOf({ id: '  ' })).toBeUndefined();
	});
});
