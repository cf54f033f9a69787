/**
 * Issue 22: the canvas shows each node's operation as the Operation list names it ("Create or
 * Update", not "upsert: contact"), and "Dry Run" when Options › Dry Run is on, so a dry run does
 * not look like a real sync. The subtitle is evaluated as n8n's editor evaluates it: an
 * expression over the node's saved parameters.
 */
import type { INodeProperties, INodeType } from 'n8n-workflow';

import { buildWorkflow } from '../support/n8n.cts';
import { operationsOf, packageNodes } from './packageNodes.cts';

function subtitleOf(node: INodeType, parameters: Record<string, unknown>): unknown {
	const credential = { name: 'none', displayName: 'None', properties: [] } as never;
	const { workflow, node: tested } = buildWorkflow({ nodeType: node, credentialType: credential, credentials: {}, parameters: { resource: 'contact', ...parameters }, items: [] });
	return workflow.expression.getSimpleParameterValue(tested, node.description.subtitle as string, 'internal', {});
}

const namesOf = (node: INodeType) =>
	Object.fromEntries(
		((node.description.properties.find((property) => property.name === 'operation') as INodeProperties).options as Array<{ name: string; value: string }>).map(
			(option) => [option.value, option.name],
		),
	);

describe.each(packageNodes.map(({ source, node }) => [source, node] as const))('%s subtitle', (_, node) => {
	it('names each operation as the Operation list does', () => {
		for (const operation of operationsOf(node)) expect(subtitleOf(node, { operation })).toBe(namesOf(node)[operation]);
	});

	it('says Dry Run when it is on, and when an expression decides it', () => {
		expect(subtitleOf(node, { operation: 'create', options: { dryRun: true } })).toBe('Create · Dry Run');
		expect(subtitleOf(node, { operation: 'create', options: { dryRun: '={{ $json.dry }}' } })).toBe('Create · Dry Run by expression');
		expect(subtitleOf(node, { operation: 'create', options: { dryRun: false } })).toBe('Create');
	});
});

it('Create or Update is named so on every node that has it', () => {
	const upserts = packageNodes.filter(({ node }) => operationsOf(node).includes('upsert'));
	expect(upserts.map(({ node }) => subtitleOf(node, { operation: 'upsert' }))).toEqual(['Create or Update', 'Create or Update', 'Create or Update']);
});
