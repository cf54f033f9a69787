import { operationsOf, packageNodes, shownOptions } from '../editor/packageNodes.cts';

describe('Options › Dry Run is offered on every operation that writes, of every node, and nowhere else', () => {
	it.each(packageNodes.map(({ source, node }) => [source, node] as const))('%s', (_, node) => {
		const options = node.description.properties.find((property) => property.name === 'options')!;
		const offeredOn = operationsOf(node).filter((operation) =>
			shownOptions(node, options, { resource: 'contact', operation }).some((option) => option.name === 'dryRun'),
		);
		// Written out here, not taken from the description: a wrong list there must fail this test.
		expect(offeredOn).toEqual(operationsOf(node).filter((operation) => ['create', 'update', 'upsert', 'delete', 'merge'].includes(operation)));
		expect(offeredOn.length).toBeGreaterThan(0);
		const dryRun = (options.options as Array<{ name: string }>).find((option) => option.name === 'dryRun');
		expect(dryRun).toMatchObject({ displayName: 'Dry Run', type: 'boolean', default: false });
	});
});
