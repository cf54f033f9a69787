/** The names saved workflows depend on (shared docs, interface.md), as the Tether node declares them. */
import { readFileSync } from 'node:fs';
import path from 'node:path';

import type { INodeProperties } from 'n8n-workflow';

import { Tether } from '../../nodes/Tether/Tether.node';

const { description } = new Tether();
const shownFor = (operation: string) =>
	description.properties.filter((property) => {
		const operations = property.displayOptions?.show?.operation as string[] | undefined;
		return operations?.includes(operation) && property.type !== 'notice';
	});
const names = (properties: INodeProperties[]) => properties.map((property) => property.name);
const inside = (properties: INodeProperties[], collection: string) =>
	((properties.find((property) => property.name === collection)?.options ?? []) as INodeProperties[]).map((option) => option.name).sort();

describe('The Tether node keeps the public names of interface.md', () => {
	it('node tether, credential tetherApi tested by the node, usable as a tool, light and dark icons', () => {
		expect(description).toMatchObject({
			name: 'tether',
			displayName: 'Tether',
			version: 1,
			usableAsTool: true,
			icon: { light: 'file:tether.svg', dark: 'file:tether.dark.svg' },
			credentials: [{ name: 'tetherApi', required: true, testedBy: 'tetherApiTest' }],
		});
		// A programmatic node (one execute(), common/engine): no routing, no requestDefaults.
		expect(description.requestDefaults).toBeUndefined();
		expect(typeof new Tether().execute).toBe('function');
	});

	it('resource contact; operations create, upsert (Create or Update), getAll (Get Many), update', () => {
		const operation = description.properties.find((property) => property.name === 'operation');
		expect(operation?.options?.map((option) => [(option as { value: string }).value, option.name])).toEqual([
			['create', 'Create'],
			['upsert', 'Create or Update'],
			['getAll', 'Get Many'],
			['update', 'Update'],
		]);
	});

	it('create and upsert: phoneNumbers, then additionalFields firstName, lastName, email, process, status, pipelineStage, pipelineId', () => {
		for (const operation of ['create', 'upsert']) {
			expect(names(shownFor(operation))).toEqual(['phoneNumbers', 'additionalFields', 'options']);
			expect(inside(shownFor(operation), 'additionalFields')).toEqual(['email', 'firstName', 'lastName', 'pipelineId', 'pipelineStage', 'process', 'status']);
		}
		expect(shownFor('create')[0]).toMatchObject({ required: true, type: 'string' });
	});

	it('update: contactId, then updateFields status, pipelineStage, pipelineId, phoneNumbers', () => {
		expect(names(shownFor('update'))).toEqual(['contactId', 'updateFields', 'options']);
		expect(inside(shownFor('update'), 'updateFields')).toEqual(['phoneNumbers', 'pipelineId', 'pipelineStage', 'status']);
	});

	it('getAll: returnAll, limit, filters search and status', () => {
		expect(names(shownFor('getAll'))).toEqual(['returnAll', 'limit', 'filters', 'options']);
		expect(inside(shownFor('getAll'), 'filters')).toEqual(['search', 'status']);
	});

	it('options: Default Country, Max Rate-Limit Wait, Requests per Minute', () => {
		expect(inside(description.properties, 'options')).toEqual(expect.arrayContaining(['defaultCountry', 'maxRateLimitWait', 'requestsPerMinute']));
	});

	it('the codex names the node and gives search aliases', () => {
		const codex = JSON.parse(readFileSync(path.join(__dirname, '../../nodes/Tether/Tether.node.json'), 'utf8'));
		expect(codex.node).toBe('n8n-nodes-contact-sync.tether');
		expect(codex.alias).toEqual(expect.arrayContaining(['lead', 'CRM', 'pipeline']));
	});
});
