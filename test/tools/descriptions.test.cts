/**
 * Issue 19: tool names and descriptions an LLM can choose by. n8n describes a node's tool by
 * its operation's action ("Create a contact in Skode AI", "Set Automatically"), and shows each
 * operation's description under the Operation list: each says what the operation does, what it
 * needs and what it returns. Create or Update keeps the description n8n's linter requires for
 * an upsert; its notice says what it needs.
 */
import type { INodeProperties } from 'n8n-workflow';

import { packageNodes } from '../editor/packageNodes.cts';

const UPSERT = 'Create a new record, or update the current one if it already exists (upsert)';

const operationsOf = (properties: INodeProperties[]) =>
	(properties.find((property) => property.name === 'operation')?.options ?? []) as Array<{ value: string; action: string; description: string }>;

describe.each(packageNodes.map(({ source, node }) => [source, node] as const))('%s', (_, node) => {
	it('every operation but Create or Update says what it needs and what it returns, in one or two sentences', () => {
		for (const operation of operationsOf(node.description.properties).filter((entry) => entry.value !== 'upsert')) {
			expect(operation.description).toMatch(/; returns /);
			expect(operation.description.split(/(?<=\.) /).length).toBeLessThanOrEqual(2);
		}
	});

	it('every action is short, and names a contact or contacts (n8n: "<action> in <node>")', () => {
		for (const { action } of operationsOf(node.description.properties)) expect(action).toMatch(/^[A-Z][a-z ]+ contacts?$/);
	});

	it('Create or Update: the description n8n requires, and a notice saying what a row needs', () => {
		const upsert = operationsOf(node.description.properties).find((entry) => entry.value === 'upsert');
		const notice = node.description.properties.find((property) => property.name === 'upsertNotice');
		expect([upsert?.description, Boolean(notice)]).toEqual(upsert ? [UPSERT, true] : [undefined, false]);
	});
});
