// n8n-core reads its settings folder when loaded: keep it out of the user's home, and quiet.
const os = require('node:os');
const fs = require('node:fs');
const path = require('node:path');
process.env.N8N_USER_FOLDER ??= fs.mkdtempSync(path.join(os.tmpdir(), 'contact-sync-n8n-'));
process.env.N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS = 'false';
process.env.N8N_LOG_LEVEL ??= 'error';
