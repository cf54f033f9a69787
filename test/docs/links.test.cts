/**
 * The documentation a user reaches stays reachable: each node's Docs link (its codex file) and
 * its credential's documentation link open the node's own page in the repository, and every
 * relative link and picture of README.md and docs/*.md leads to a file that exists (and, with
 * an #anchor into a markdown file, to one of its headings, as GitHub names them). README.md is
 * the short front page, and it links to every page of docs/.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { ICredentialType } from 'n8n-workflow';

import { packageNodes, repo } from '../editor/packageNodes.cts';

const manifest = JSON.parse(readFileSync(path.join(repo, 'package.json'), 'utf8')) as {
	repository: { url: string };
	n8n: { credentials: string[] };
};

/** Where a file of the main branch is shown on GitHub: `https://github.com/<owner>/<repo>/blob/main/`. */
const BLOB = `${manifest.repository.url.replace(/^git\+/, '').replace(/\.git$/, '')}/blob/main/`;

/** `dist/credentials/SkipcallApi.credentials.js` → the credential class, loaded from its source. */
function loadCredential(file: string): ICredentialType {
	const source = file.replace(/^dist\//, '').replace(/\.js$/, '');
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const module = require(path.join(repo, source)) as Record<string, new () => ICredentialType>;
	return new (Object.values(module)[0])();
}

const credentials = manifest.n8n.credentials.map(loadCredential);

interface Codex {
	resources?: { primaryDocumentation?: Array<{ url: string }>; credentialDocumentation?: Array<{ url: string }> };
}

const codexOf = (source: string): Codex => JSON.parse(readFileSync(path.join(repo, `${source}.json`), 'utf8')) as Codex;

/** Every documentation URL n8n shows for a node: its Docs link, its credential's documentation. */
const documentationUrls = [
	...packageNodes.flatMap(({ source }) => {
		const { resources } = codexOf(source);
		return [
			...(resources?.primaryDocumentation ?? []).map(({ url }) => ({ where: `${source}.json primaryDocumentation`, url })),
			...(resources?.credentialDocumentation ?? []).map(({ url }) => ({ where: `${source}.json credentialDocumentation`, url })),
		];
	}),
	...credentials.map((credential) => ({ where: `${credential.name} documentationUrl`, url: String(credential.documentationUrl ?? '') })),
];

/** The repository file a documentation URL shows, or undefined for a URL elsewhere. */
function repositoryFileOf(url: string): string | undefined {
	return url.startsWith(BLOB) ? url.slice(BLOB.length) : undefined;
}

describe('every documentation URL n8n shows opens a page of this repository, without a fragment', () => {
	it('finds a Docs link for every node and a documentation URL for every credential', () => {
		expect(packageNodes.filter(({ source }) => (codexOf(source).resources?.primaryDocumentation ?? []).length === 0).map(({ source }) => source)).toEqual([]);
		expect(credentials.filter((credential) => !credential.documentationUrl).map((credential) => credential.name)).toEqual([]);
	});

	it.each(documentationUrls)('$where: $url', ({ url }) => {
		// n8n appends ?utm_… to the URL, which would land inside a #fragment and break it.
		expect([url.includes('#'), url.includes('?')]).toEqual([false, false]);
		const file = repositoryFileOf(url);
		expect(file).toBeDefined();
		expect(existsSync(path.join(repo, file as string)) && statSync(path.join(repo, file as string)).isFile()).toBe(true);
	});
});

describe("each node's Docs link opens its own page, and so does its credential's", () => {
	it.each(packageNodes.map(({ source, node }) => [node.description.displayName, source, node] as const))('%s', (displayName, source, node) => {
		const url = codexOf(source).resources?.primaryDocumentation?.[0]?.url ?? '';
		const page = readFileSync(path.join(repo, repositoryFileOf(url) ?? ''), 'utf8');
		expect(page.split('\n')[0]).toBe(`# ${displayName}`);
		const credentialUrls = (node.description.credentials ?? []).map(
			(used) => credentials.find((credential) => credential.name === used.name)?.documentationUrl,
		);
		expect(credentialUrls).toEqual((node.description.credentials ?? []).map(() => url));
	});
});

/** README.md and every page of docs/. */
const markdownFiles = ['README.md', ...readdirSync(path.join(repo, 'docs')).filter((file) => file.endsWith('.md')).map((file) => `docs/${file}`)];

/** The text outside fenced code blocks and inline code, where links and headings are read. */
function proseOf(markdown: string): string[] {
	let fenced = false;
	return markdown.split('\n').map((line) => {
		if (/^\s*(```|~~~)/.test(line)) {
			fenced = !fenced;
			return '';
		}
		return fenced ? '' : line.replace(/`[^`]*`/g, '');
	});
}

/** The anchor GitHub gives a heading: its text lower-cased, punctuation dropped, spaces as dashes. */
function githubSlug(heading: string): string {
	return heading
		.replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
		.replace(/<[^>]*>/g, '')
		.replace(/[`*]/g, '')
		.trim()
		.toLowerCase()
		.replace(/[^\p{L}\p{M}\p{N}\p{Pc}\- ]/gu, '')
		.replace(/ /g, '-');
}

/** The anchors of a markdown file's headings; a repeated heading gets -1, -2… as on GitHub. */
function anchorsOf(file: string): Set<string> {
	const markdown = readFileSync(path.join(repo, file), 'utf8');
	let fenced = false;
	const anchors = new Set<string>();
	const seen = new Map<string, number>();
	for (const line of markdown.split('\n')) {
		if (/^\s*(```|~~~)/.test(line)) fenced = !fenced;
		const heading = fenced ? null : /^#{1,6}\s+(.*?)\s*#*\s*$/.exec(line);
		if (!heading) continue;
		const slug = githubSlug(heading[1]);
		const count = seen.get(slug) ?? 0;
		seen.set(slug, count + 1);
		anchors.add(count === 0 ? slug : `${slug}-${count}`);
	}
	return anchors;
}

interface Link {
	file: string;
	line: number;
	target: string;
}

/** Every link and picture of a markdown file whose target is not a web address. */
function relativeLinksOf(file: string): Link[] {
	const links: Link[] = [];
	proseOf(readFileSync(path.join(repo, file), 'utf8')).forEach((text, index) => {
		for (const match of text.matchAll(/!?\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)) {
			const target = match[1];
			if (!/^[a-z][a-z0-9+.-]*:/i.test(target)) links.push({ file, line: index + 1, target });
		}
	});
	return links;
}

/** What is wrong with a relative link: its file is missing or outside the repository, or its #anchor names no heading. */
function problemOf({ file, target }: Link): string | undefined {
	const [pathPart, anchor] = target.split('#', 2);
	const resolved = pathPart === '' ? path.join(repo, file) : path.resolve(path.dirname(path.join(repo, file)), decodeURI(pathPart));
	const relative = path.relative(repo, resolved);
	if (relative.startsWith('..') || path.isAbsolute(relative)) return `${target} leaves the repository`;
	if (!existsSync(resolved)) return `${target}: no such file`;
	if (anchor === undefined) return undefined;
	if (!relative.endsWith('.md')) return `${target}: an anchor into a file that is not markdown`;
	return anchorsOf(relative).has(anchor) ? undefined : `${target}: ${relative} has no heading with the anchor #${anchor}`;
}

const allLinks = markdownFiles.flatMap(relativeLinksOf);

describe('every relative link and picture of README.md and docs/*.md leads somewhere', () => {
	it('reads links from README.md and from every page of docs/', () => {
		expect(markdownFiles).toEqual(expect.arrayContaining(['README.md', 'docs/releasing.md']));
		expect(allLinks.length).toBeGreaterThan(markdownFiles.length);
	});

	it.each(markdownFiles)('%s: every relative link and picture resolves, anchors included', (file) => {
		const problems = allLinks.filter((link) => link.file === file).flatMap((link) => {
			const problem = problemOf(link);
			return problem ? [`${link.file}:${link.line} ${problem}`] : [];
		});
		expect(problems).toEqual([]);
	});

	it('GitHub’s anchors: lower case, punctuation and formatting dropped, spaces as dashes', () => {
		expect(githubSlug('Several n8n workers (queue mode)')).toBe('several-n8n-workers-queue-mode');
		expect(githubSlug('Retry On Fail: turn it on')).toBe('retry-on-fail-turn-it-on');
		expect(githubSlug('Credential: `Skipcall API` › **Test**')).toBe('credential-skipcall-api--test');
		expect(githubSlug('Where Skode AI’s docs are silent')).toBe('where-skode-ais-docs-are-silent');
	});
});

describe('README.md is the short front page of the documentation', () => {
	const readme = readFileSync(path.join(repo, 'README.md'), 'utf8');

	it('has at most 250 lines', () => {
		expect(readme.trimEnd().split('\n').length).toBeLessThanOrEqual(250);
	});

	it('links to every page of docs/', () => {
		const linked = new Set(
			relativeLinksOf('README.md').map(({ target }) => path.relative(repo, path.resolve(repo, decodeURI(target.split('#')[0])))),
		);
		const pages = markdownFiles.filter((file) => file.startsWith('docs/'));
		expect(pages.filter((page) => !linked.has(page))).toEqual([]);
	});
});
