/**
 * The nodes package.json gives n8n, loaded from their sources: the editor tests hold for every
 * node the package ships, including nodes added later.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { type INodeProperties, type INodeType, NodeHelpers } from 'n8n-workflow';

export const repo = path.resolve(__dirname, '..', '..');

const manifest = JSON.parse(readFileSync(path.join(repo, 'package.json'), 'utf8')) as { n8n: { nodes: string[] } };

/** `dist/nodes/Skipcall/Skipcall.node.js` → the source module `nodes/Skipcall/Skipcall.node`. */
export const nodeSources = manifest.n8n.nodes.map((file) => file.replace(/^dist\//, '').replace(/\.js$/, ''));

export function loadNode(source: string): INodeType {
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const module = require(path.join(repo, source)) as Record<string, new () => INodeType>;
	return new (Object.values(module)[0])();
}

export const packageNodes = nodeSources.map((source) => ({ source, node: loadNode(source) }));

/** The version the editor gives a new node: `defaultVersion`, else the highest. */
export function newestVersion(node: INodeType): number {
	const { version, defaultVersion } = node.description;
	return defaultVersion ?? (Array.isArray(version) ? Math.max(...version) : version);
}

/** The top-level parameters the editor shows for these values, in its order, for a node of `version` (a new node's by default). */
export function shownParameters(node: INodeType, values: Record<string, unknown>, version = newestVersion(node)): INodeProperties[] {
	return node.description.properties.filter((property) =>
		NodeHelpers.displayParameter(values as never, property, { typeVersion: version } as never, node.description),
	);
}

/** The options of a collection the editor offers, given the node's values (`/operation` and so on). */
export function shownOptions(node: INodeType, collection: INodeProperties, values: Record<string, unknown>, version = newestVersion(node)): INodeProperties[] {
	const parameters = { ...values, [collection.name]: {} };
	return ((collection.options ?? []) as INodeProperties[]).filter((option) =>
		NodeHelpers.displayParameterPath({ parameters } as never, option, `parameters.${collection.name}`, { typeVersion: version } as never, node.description),
	);
}

/** Every operation value of the node's Operation parameter. */
export function operationsOf(node: INodeType): string[] {
	const operation = node.description.properties.find((property) => property.name === 'operation');
	return ((operation?.options ?? []) as Array<{ value: string }>).map((option) => option.value);
}
