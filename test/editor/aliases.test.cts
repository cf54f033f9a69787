/**
 * Searching n8n's nodes panel for what a user has in mind ("contact", "phone", "CRM", "lead",
 * "sync", "dialer") finds the nodes: n8n searches the `alias` keywords of each codex file.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { DirectoryLoader } from 'n8n-core';

import { loadNode, repo } from './packageNodes.cts';

/** n8n-core's own reader of codex files, the one n8n uses when it loads a package. */
class CodexReader extends DirectoryLoader {
	packageName = 'n8n-nodes-contact-sync';

	async loadAll(): Promise<void> {}

	read(nodeFile: string): { alias?: unknown; categories?: string[] } {
		return (this as unknown as { getCodex(file: string): { alias?: unknown } }).getCodex(nodeFile);
	}
}

/** Every `nodes/<Provider>/<Provider>.node.json`, whether or not package.json lists it yet. */
const codexFiles = readdirSync(path.join(repo, 'nodes'), { withFileTypes: true })
	.filter((entry) => entry.isDirectory())
	.flatMap((folder) =>
		readdirSync(path.join(repo, 'nodes', folder.name))
			.filter((file) => file.endsWith('.node.json'))
			.map((file) => `nodes/${folder.name}/${file}`),
	);

const reader = new CodexReader(repo);
const aliasesOf = (codexFile: string) => reader.read(codexFile.replace(/\.json$/, '.js')).alias as string[];

/** Words every contact node of the package must be found by. */
const EVERY_NODE = ['contact', 'phone', 'CRM', 'lead', 'sync'];

describe('every codex file has search aliases, as n8n reads them', () => {
	it('finds the codex files, Skipcall’s and Klen AI’s among them', () => {
		expect(codexFiles).toEqual(expect.arrayContaining(['nodes/Skipcall/Skipcall.node.json', 'nodes/KlenAi/KlenAi.node.json']));
	});

	it.each(codexFiles)('%s: aliases are a list of words, with contact, phone, CRM, lead and sync', (codexFile) => {
		const aliases = aliasesOf(codexFile);
		expect(Array.isArray(aliases)).toBe(true);
		for (const alias of aliases) expect(typeof alias === 'string' && alias.trim() === alias && alias !== '').toBe(true);
		const lower = aliases.map((alias) => alias.toLowerCase());
		expect(EVERY_NODE.filter((word) => !lower.includes(word.toLowerCase()))).toEqual([]);
	});

	it.each(codexFiles)('%s: names the node it sits beside', (codexFile) => {
		// eslint-disable-next-line @typescript-eslint/no-require-imports
		const codex = require(path.join(repo, codexFile)) as { node: string };
		const node = loadNode(codexFile.replace(/\.json$/, ''));
		expect(codex.node).toBe(`n8n-nodes-contact-sync.${node.description.name}`);
	});

	it('the dialers are found by "dialer" and "call"', () => {
		for (const codexFile of ['nodes/Skipcall/Skipcall.node.json', 'nodes/KlenAi/KlenAi.node.json']) {
			expect(aliasesOf(codexFile)).toEqual(expect.arrayContaining(['dialer', 'call']));
		}
	});
});
