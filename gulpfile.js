const fs = require('fs');
const path = require('path');
const { task, src, dest, parallel } = require('gulp');

// tsc does not copy the node icons; n8n loads them from dist next to the compiled node.
function copyIcons() {
	const nodeIcons = src(path.resolve('nodes', '**', '*.{png,svg}'), { encoding: false });
	const nodeDestination = path.resolve('dist', 'nodes');
	return nodeIcons.pipe(dest(nodeDestination));
}

const PHONE_LIBRARY_SOURCE = path.resolve('nodes', 'common', 'input', 'phoneLibrary.ts');
const PHONE_LIBRARY_OUTPUT = path.resolve('dist', 'nodes', 'common', 'input', 'phoneLibrary.js');
const PHONE_LIBRARY_LICENCE = path.resolve('dist', 'nodes', 'common', 'input', 'phoneLibrary.LICENSE.txt');

/**
 * The package has no runtime dependency (n8n's verification rejects them), so tsc's
 * phoneLibrary.js, a `require('libphonenumber-js/max')`, is replaced by a bundle of the names
 * phoneLibrary.ts re-exports, taken from libphonenumber-js's ES modules (its package.json
 * `import` condition) and tree-shaken. Its CommonJS build would bring `console` calls that
 * n8n's scanner rejects. The bundle must import nothing: the build fails otherwise.
 */
async function bundlePhoneLibrary() {
	const esbuild = require('esbuild');
	const libraryDir = path.dirname(require.resolve('libphonenumber-js/package.json'));
	const library = JSON.parse(fs.readFileSync(path.join(libraryDir, 'package.json'), 'utf8'));
	const result = await esbuild.build({
		entryPoints: [PHONE_LIBRARY_SOURCE],
		outfile: PHONE_LIBRARY_OUTPUT,
		allowOverwrite: true,
		bundle: true,
		platform: 'node',
		format: 'cjs',
		target: 'es2022',
		treeShaking: true,
		metafile: true,
		logLevel: 'warning',
		banner: {
			js: `/*! Bundled by this package's build (gulpfile.js): libphonenumber-js ${library.version} with its "max" metadata, ${library.license} licence, see phoneLibrary.LICENSE.txt. */`,
		},
	});
	const imports = Object.values(result.metafile.outputs).flatMap((output) => output.imports);
	if (imports.length > 0) {
		throw new Error(`The phone library bundle must import nothing, but imports ${imports.map((entry) => entry.path).join(', ')}`);
	}
	// tsc's source map described the file just replaced.
	fs.rmSync(`${PHONE_LIBRARY_OUTPUT}.map`, { force: true });
	const licence = (file) => fs.readFileSync(path.join(libraryDir, file), 'utf8').trim();
	fs.writeFileSync(
		PHONE_LIBRARY_LICENCE,
		[
			`phoneLibrary.js bundles libphonenumber-js ${library.version} (${library.homepage}),`,
			`licensed under the ${library.license} licence:`,
			'',
			licence('LICENSE'),
			'',
			'-----',
			'',
			"The phone-number metadata libphonenumber-js carries is derived from Google's libphonenumber",
			'(https://github.com/google/libphonenumber), licensed under the Apache License 2.0, whose',
			'text libphonenumber-js ships as LICENSE.Apache:',
			'',
			licence('LICENSE.Apache'),
			'',
		].join('\n'),
	);
}

task('build:icons', copyIcons);
task('build:phoneLibrary', bundlePhoneLibrary);
// After tsc (npm run build): what tsc does not do.
task('build', parallel('build:icons', 'build:phoneLibrary'));
