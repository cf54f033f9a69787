'use strict';
// Loaded into the n8n process with NODE_OPTIONS=--require: writes its peak resident memory
// (KiB, as the kernel counts it) to BENCH_PEAK_FILE when it exits.
const fs = require('node:fs');

const file = process.env.BENCH_PEAK_FILE;
if (file && !process.env.BENCH_PEAK_CHILD) {
	// Only the n8n process itself: its own child processes (task runners) inherit the env.
	process.env.BENCH_PEAK_CHILD = '1';
	process.on('exit', () => {
		try {
			fs.writeFileSync(file, String(process.resourceUsage().maxRSS));
		} catch {
			// Nothing to report if the folder is gone.
		}
	});
}
