/**
 * What `npm pack` publishes: what n8n needs to load the nodes (package.json's `n8n` entries,
 * codex files, icons), the README and licence, and nothing of the sources, tests, scripts or
 * local settings.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

const repo = path.resolve(__dirname, '..');
const manifest = JSON.parse(readFileSync(path.join(repo, 'package.json'), 'utf8')) as {
	n8n: { nodes: string[]; credentials: string[] };
};

let files: string[] = [];

beforeAll(() => {
	if (!existsSync(path.join(repo, 'dist'))) execFileSync('npm', ['run', 'build'], { cwd: repo, stdio: 'pipe' });
	const output = execFileSync('npm', ['pack', '--dry-run', '--json', '--loglevel=error'], { cwd: repo, encoding: 'utf8', stdio: 'pipe' });
	const [pack] = JSON.parse(output.slice(output.indexOf('['))) as Array<{ files: Array<{ path: string }> }>;
	files = pack.files.map((file) => file.path);
}, 120_000);

/** The icon files a node or credential description points at (`file:…`, relative to its own file). */
function iconFiles(describedIn: string, icon: unknown): string[] {
	const icons = typeof icon === 'string' ? [icon] : Object.values((icon ?? {}) as Record<string, string>);
	return icons
		.filter((value) => value.startsWith('file:'))
		.map((value) => path.posix.normalize(path.posix.join(path.posix.dirname(describedIn), value.slice('file:'.length))));
}

function loadedClass(file: string): Record<string, unknown> {
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const exports = require(path.join(repo, file)) as Record<string, new () => Record<string, unknown>>;
	return new (Object.values(exports)[0])();
}

describe('the package holds what n8n needs', () => {
	it('has package.json, README.md, LICENSE and the build', () => {
		expect(files).toEqual(expect.arrayContaining(['package.json', 'README.md', 'LICENSE']));
		expect(files.some((file) => file.startsWith('dist/'))).toBe(true);
	});

	it('has every node and credential file package.json names for n8n', () => {
		const named = [...manifest.n8n.nodes, ...manifest.n8n.credentials];
		expect(named.length).toBeGreaterThan(0);
		expect(named.filter((file) => !files.includes(file))).toEqual([]);
	});

	it.each(manifest.n8n.nodes)('has the codex and both icons of %s', (nodeFile) => {
		const { description } = loadedClass(nodeFile) as { description: { icon: unknown } };
		const icons = iconFiles(nodeFile, description.icon);
		expect(icons).toHaveLength(2);
		const codex = nodeFile.replace(/\.js$/, '.json');
		expect([codex, ...icons].filter((file) => !files.includes(file))).toEqual([]);
	});

	it.each(manifest.n8n.credentials)('has the icons of %s', (credentialFile) => {
		const icons = iconFiles(credentialFile, loadedClass(credentialFile).icon);
		expect(icons.filter((file) => !files.includes(file))).toEqual([]);
	});
});

describe('the package holds nothing else', () => {
	it('has no TypeScript sources: only declaration files under dist', () => {
		expect(files.filter((file) => /\.[cm]?ts$/.test(file) && !(file.startsWith('dist/') && /\.d\.[cm]?ts$/.test(file)))).toEqual([]);
	});

	it('has nothing from test/, scripts/, nodes/ or credentials/', () => {
		expect(files.filter((file) => /^(test|scripts|nodes|credentials)\//.test(file))).toEqual([]);
	});

	it('has no .npmrc, .env or tarball', () => {
		expect(files.filter((file) => /(^|\/)(\.npmrc|\.env(\..*)?)$|\.tgz$/.test(file))).toEqual([]);
	});
});
