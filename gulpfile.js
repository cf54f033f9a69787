const path = require('path');
const { task, src, dest } = require('gulp');

// tsc does not copy the node icons; n8n loads them from dist next to the compiled node.
function copyIcons() {
	const nodeIcons = src(path.resolve('nodes', '**', '*.{png,svg}'), { encoding: false });
	const nodeDestination = path.resolve('dist', 'nodes');
	return nodeIcons.pipe(dest(nodeDestination));
}

task('build:icons', copyIcons);
