'use strict';
/**
 * The official MCP client (@modelcontextprotocol/sdk) on Streamable HTTP, for the e2e run's
 * MCP scenario (mcp.js). It runs in the e2e script's own Node, whatever Node n8n runs on.
 */
const { Client } = require('@modelcontextprotocol/sdk/client/index.js');
const { StreamableHTTPClientTransport } = require('@modelcontextprotocol/sdk/client/streamableHttp.js');

/**
 * A connected client of the MCP server at `url`. An active workflow's MCP Server Trigger may be
 * registered a little after n8n answers HTTP (404 until then): tries again every second until
 * `timeoutMs`, or until `stopped` (a promise: n8n exited) settles.
 */
async function mcpClient(url, { timeoutMs = 90_000, stopped } = {}) {
	let gone = false;
	stopped?.then(() => (gone = true));
	for (const started = Date.now(); ; await new Promise((resolve) => setTimeout(resolve, 1000))) {
		const client = new Client({ name: 'n8n-nodes-contact-sync-e2e', version: '1.0.0' });
		try {
			await client.connect(new StreamableHTTPClientTransport(new URL(url)));
			return client;
		} catch (error) {
			await client.close().catch(() => {});
			if (gone) throw new Error(`n8n stopped before ${url} answered: ${error.message}`);
			if (Date.now() - started > timeoutMs) throw new Error(`${url} did not answer MCP within ${timeoutMs / 1000} s: ${error.message}`);
		}
	}
}

module.exports = { mcpClient };
