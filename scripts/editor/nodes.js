'use strict';
/**
 * What the editor test does with each node of the package: one row per node. Adding a
 * provider means adding a row here; the runner fails for a node of package.json's `n8n.nodes`
 * that has no row, for a row whose node is not in the package, for a row whose operations or
 * credential differ from the node's, and for an API-loaded dropdown (methods.loadOptions,
 * listSearch) the node declares and the row does not open.
 *
 * Parameter actions (`create.required`, `create.additional`, `loadOptions[].open` and `.then`,
 * `badRow.set`), in the node's panel:
 *   { param, value }              type into parameter `param` (data-test-id `parameter-input-<param>`)
 *   { param, pick, search? }      open dropdown `param`, optionally type `search`, click the
 *                                 option titled `pick`
 *   { param, expression }         type `expression` (`{{ … }}`) and switch the parameter to Expression
 *   { collection, add }           "Add Field" / "Add Option" of collection `collection`: pick `add`
 *   { fixedCollection, addRow }   press the "Add …" button of fixed collection `fixedCollection`
 *   `within: '<fixedCollection name>'` scopes `param` to that fixed collection's last row.
 * Credential actions (`credential.fill`, `credential.wrong`), in the credential modal:
 *   { param, value } and { param, pick }.
 *
 * `idField` (default `id`) names the key of a created contact's id in the output.
 *
 * `version` is the version a node added from the panel gets (the node's defaultVersion); the
 * Settings tab must show it. `create.layout` is what the Create panel must show of that version:
 * `top`, [parameter, label] pairs that follow one another in this order, and `notOffered`,
 * per collection, entries its "Add Field" must not list. `subtitle` picks an operation and
 * reads the node's subtitle on the canvas, then with Options › Dry Run on. `saved` is a node of
 * an older version, pasted into a new workflow with the row's credential: its panel must show
 * `layout` (and `absent`: no such top-level parameter), the `values` it was saved with, no
 * parameter or node issue, and n8n must store it at that version. `tool` adds the node's AI
 * tool variant (`item` in the nodes panel) to an AI Agent's Tool input: parameter `fromAi`
 * must offer "let the model define this", which sets it to `$fromAI('<key>', …)`; `version1`,
 * a pasted version 1 tool, says per n8n line whether its parameter is offered.
 *
 * `sandbox` names a contract server of test/servers, started on a free port for the run; the
 * functions of a row receive it (`server.baseUrl`, `server.requests`).
 *
 * Texts the user reads are parts of our messages: `credential.wrongMessage` starts the
 * credential test's answer (the step checks the editor shows the whole answer); `badRow.error`
 * follows the error item's row label (`[item 1 …] `).
 */

// The Create step sends GOOD_PHONE; the bad-row step pins two rows on the Manual Trigger: a
// good one with another number (providers that keep phone numbers unique would refuse the
// first again) and a bad one that must become an error item.
const GOOD_PHONE = '06 12 34 56 78';
const OTHER_PHONE = '07 81 23 45 67';
const BAD_PHONE = '06 12';
const COUNTRY = { pick: 'France (FR)', search: 'France' };
const BAD_ROWS = [
	{ firstName: 'Jeanne', lastName: 'Martin', name: 'Jeanne Martin', email: 'jeanne.martin@example.com', phone: OTHER_PHONE },
	{ firstName: 'Jean', lastName: 'Moreau', name: 'Jean Moreau', email: 'jean.moreau@example.com', phone: BAD_PHONE },
];
/** `{ param, expression: '{{ $json.<key> }}' }` for each [param, key]. */
const fromRow = (...pairs) => pairs.map(([param, key, within]) => ({ param, expression: `{{ $json.${key} }}`, ...(within ? { within } : {}) }));
const badPhoneError = (field) => `${field}: "${BAD_PHONE}" is not a valid phone number for France (FR).`;

/** `{ param, label }` pairs of a layout, from [param, label]. */
const inOrder = (...pairs) => pairs.map(([param, label]) => ({ param, label }));

/** The body of the first request `method path` the sandbox received. */
const bodyOf = (server, method, path) => server.requests.find((request) => request.method === method && request.path === path)?.body;

const NODES = [
	{
		displayName: 'Skipcall',
		type: 'n8n-nodes-contact-sync.skipcall',
		slug: 'skipcall',
		sandbox: { module: 'test/servers/skipcall.js', create: 'createSkipcallServer' },
		// The action picked in the nodes panel after searching the node's name.
		action: 'Create a contact',
		credential: {
			type: 'skipcallApi',
			fill: (server) => [
				{ param: 'apiKey', value: 'sk_test_valid' },
				{ param: 'baseUrl', value: server.baseUrl },
			],
			wrong: [{ param: 'apiKey', value: 'sk_test_wrong' }],
			// Ours; n8n's own would be "Authorization failed".
			wrongMessage: 'API key invalid: Skipcall did not recognise it.',
		},
		operations: ['Create', 'Get', 'Update'],
		version: 1,
		create: {
			layout: { top: inOrder(['firstName', 'First Name'], ['lastName', 'Last Name'], ['phoneNumbers', 'Phone Numbers'], ['additionalFields', 'Additional Fields']) },
			required: [
				{ param: 'firstName', value: 'Marie' },
				{ param: 'lastName', value: 'Dupont' },
				{ param: 'phoneNumbers', value: GOOD_PHONE },
			],
			additional: [
				{ collection: 'additionalFields', add: 'Email' },
				{ param: 'email', value: 'marie.dupont@example.com' },
				{ collection: 'additionalFields', add: 'Company' },
				{ param: 'company', value: 'Acme' },
				{ collection: 'additionalFields', add: 'Role' },
				{ param: 'role', value: 'Head of Sales' },
			],
			defaultCountry: COUNTRY,
		},
		// Dropdowns the node loads from the API, opened as a user would.
		loadOptions: [
			{
				method: 'getCustomFields',
				open: [
					{ collection: 'additionalFields', add: 'Custom Fields' },
					{ fixedCollection: 'customFields', addRow: true },
				],
				param: 'key',
				within: 'customFields',
				// By name: an option's label is the name, or the name and "(slug)".
				expect: ['Industry', 'Lead Source', 'Size'],
				pick: 'Industry',
				then: [{ param: 'value', within: 'customFields', value: 'Software' }],
			},
		],
		// What the sandbox must have received from the Create execution, and the output item.
		created: (server) => ({
			body: bodyOf(server, 'POST', '/v1/contacts'),
			expected: { firstName: 'Marie', phoneNumbers: ['+33612345678'], email: 'marie.dupont@example.com', customFields: { industry: 'Software' } },
		}),
		output: { firstName: 'Marie', lastName: 'Dupont', phoneNumbers: ['+33612345678'] },
		badRow: {
			rows: BAD_ROWS,
			set: fromRow(['firstName', 'firstName'], ['lastName', 'lastName'], ['phoneNumbers', 'phone'], ['email', 'email']),
			error: badPhoneError('Phone Numbers'),
		},
		// Skipcall has no Create or Update.
		subtitle: { operation: 'Update' },
	},
	{
		displayName: 'Klen AI',
		type: 'n8n-nodes-contact-sync.klenAi',
		slug: 'klen-ai',
		sandbox: { module: 'test/servers/klen.js', create: 'createKlenServer' },
		action: 'Create a contact',
		credential: {
			type: 'klenAiApi',
			fill: (server) => [
				{ param: 'apiKey', value: 'klen_valid' },
				{ param: 'baseUrl', value: server.baseUrl },
			],
			wrong: [{ param: 'apiKey', value: 'klen_wrong' }],
			wrongMessage: 'API key invalid: Klen AI did not recognise it.',
		},
		operations: ['Create', 'Create or Update', 'Get', 'Get Many', 'Update'],
		version: 2,
		create: {
			// Version 2: Phone Numbers at the top, no longer under Additional Fields.
			layout: {
				top: inOrder(['firstName', 'First Name'], ['phoneNumbers', 'Phone Numbers'], ['additionalFields', 'Additional Fields']),
				notOffered: { additionalFields: ['Phone Numbers'] },
			},
			// The top-level fields (First Name is the only required one).
			required: [
				{ param: 'firstName', value: 'Marie' },
				{ fixedCollection: 'phoneNumbers', addRow: true },
				{ param: 'phoneNumber', within: 'phoneNumbers', value: GOOD_PHONE },
			],
			additional: [
				{ collection: 'additionalFields', add: 'Last Name' },
				{ param: 'lastName', value: 'Dupont' },
				{ collection: 'additionalFields', add: 'Email' },
				{ param: 'email', value: 'marie.dupont@example.com' },
				{ collection: 'additionalFields', add: 'Tags' },
				{ param: 'tags', value: 'n8n, spreadsheet' },
			],
			defaultCountry: COUNTRY,
		},
		loadOptions: [],
		created: (server) => ({
			body: bodyOf(server, 'POST', '/api/v1/contacts/create'),
			expected: {
				first_name: 'Marie',
				last_name: 'Dupont',
				email: 'marie.dupont@example.com',
				tags: ['n8n', 'spreadsheet'],
				phone_numbers: [{ phone_number: '+33612345678', phone_type: 'mobile', primary: true, do_not_call: false }],
			},
		}),
		output: { first_name: 'Marie', last_name: 'Dupont' },
		badRow: {
			rows: BAD_ROWS,
			set: fromRow(['firstName', 'firstName'], ['lastName', 'lastName'], ['email', 'email'], ['phoneNumber', 'phone', 'phoneNumbers']),
			error: badPhoneError('Phone Numbers'),
		},
		subtitle: { operation: 'Create or Update' },
		// A workflow saved with version 1 keeps Phone Numbers under Additional Fields.
		saved: {
			version: 1,
			parameters: {
				resource: 'contact',
				operation: 'create',
				firstName: 'Marie',
				additionalFields: { lastName: 'Dupont', phoneNumbers: { number: [{ phoneNumber: GOOD_PHONE, phoneType: 'mobile', primary: true, doNotCall: false }] } },
				options: { defaultCountry: 'FR' },
			},
			layout: { top: inOrder(['firstName', 'First Name'], ['additionalFields', 'Additional Fields'], ['options', 'Options']), absent: ['phoneNumbers'] },
			values: [
				{ param: 'lastName', collection: 'additionalFields', value: 'Dupont' },
				{ param: 'phoneNumber', collection: 'additionalFields', within: 'phoneNumbers', value: GOOD_PHONE },
			],
		},
	},
	{
		displayName: 'Skode AI',
		type: 'n8n-nodes-contact-sync.skode',
		slug: 'skode-ai',
		sandbox: { module: 'test/servers/skode.js', create: 'createSkodeServer' },
		action: 'Create a contact',
		credential: {
			type: 'skodeApi',
			fill: (server) => [
				{ param: 'apiKey', value: 'sk_live_skode_sandbox_valid' },
				{ param: 'baseUrl', value: server.baseUrl },
			],
			wrong: [{ param: 'apiKey', value: 'sk_live_wrong' }],
			wrongMessage: 'API key invalid: Skode AI did not recognise it.',
		},
		operations: ['Create', 'Create or Update', 'Delete', 'Get', 'Get Many', 'Merge', 'Update'],
		version: 2,
		create: {
			// Version 2 calls the name Full Name (`fullName`, still sent as `name`).
			layout: { top: inOrder(['fullName', 'Full Name'], ['email', 'Email'], ['phone', 'Phone'], ['additionalFields', 'Additional Fields']) },
			required: [
				{ param: 'fullName', value: 'Marie Dupont' },
				{ param: 'email', value: 'marie.dupont@example.com' },
				{ param: 'phone', value: GOOD_PHONE },
			],
			additional: [
				{ collection: 'additionalFields', add: 'Company' },
				{ param: 'company', value: 'Acme' },
				{ collection: 'additionalFields', add: 'Title' },
				{ param: 'title', value: 'Head of Sales' },
				{ collection: 'additionalFields', add: 'Tags' },
				{ param: 'tags', value: 'n8n, spreadsheet' },
			],
			defaultCountry: COUNTRY,
		},
		loadOptions: [],
		created: (server) => ({
			body: bodyOf(server, 'POST', '/v1/contacts'),
			expected: { name: 'Marie Dupont', email: 'marie.dupont@example.com', phone: '+33612345678', company: 'Acme', title: 'Head of Sales', tags: ['n8n', 'spreadsheet'] },
		}),
		output: { name: 'Marie Dupont', phone: '+33612345678' },
		badRow: {
			// Skode AI keeps one contact per email: each row has its own.
			rows: BAD_ROWS,
			set: fromRow(['fullName', 'name'], ['email', 'email'], ['phone', 'phone']),
			error: badPhoneError('Phone'),
		},
		subtitle: { operation: 'Create or Update' },
		// A workflow saved with version 1 keeps its Name.
		saved: {
			version: 1,
			parameters: { resource: 'contact', operation: 'create', name: 'Marie Dupont', email: 'marie.dupont@example.com', phone: GOOD_PHONE, additionalFields: {}, options: { defaultCountry: 'FR' } },
			layout: { top: inOrder(['name', 'Name'], ['email', 'Email'], ['phone', 'Phone'], ['additionalFields', 'Additional Fields']), absent: ['fullName'] },
			values: [{ param: 'name', value: 'Marie Dupont' }],
		},
		// n8n 1.x's editor offers the model no parameter called `name`: the reason for version 2.
		tool: {
			item: 'Skode AI Tool',
			search: 'Skode AI',
			fromAi: { param: 'fullName', label: 'Full Name', key: 'Full_Name' },
			version1: { param: 'name', label: 'Name', offered: { '1.x': false, '2.x': true } },
		},
	},
	{
		displayName: 'Tether',
		type: 'n8n-nodes-contact-sync.tether',
		slug: 'tether',
		sandbox: { module: 'test/servers/tether.js', create: 'createTetherServer' },
		action: 'Create a contact',
		credential: {
			type: 'tetherApi',
			fill: (server) => [
				{ param: 'baseUrl', value: server.baseUrl },
				{ param: 'authentication', pick: 'Login' },
				{ param: 'email', value: 'admin@tether.test' },
				{ param: 'password', value: 'tether-admin-pass' },
			],
			wrong: [{ param: 'password', value: 'not-the-password' }],
			wrongMessage: 'Tether login failed for admin@tether.test (401)',
		},
		operations: ['Create', 'Create or Update', 'Get Many', 'Update'],
		version: 1,
		create: {
			layout: { top: inOrder(['phoneNumbers', 'Phone Numbers'], ['additionalFields', 'Additional Fields']) },
			required: [{ param: 'phoneNumbers', value: GOOD_PHONE }],
			additional: [
				{ collection: 'additionalFields', add: 'First Name' },
				{ param: 'firstName', value: 'Marie' },
				{ collection: 'additionalFields', add: 'Last Name' },
				{ param: 'lastName', value: 'Dupont' },
				{ collection: 'additionalFields', add: 'Email' },
				{ param: 'email', value: 'marie.dupont@example.com' },
			],
			defaultCountry: COUNTRY,
		},
		loadOptions: [],
		created: (server) => ({
			body: bodyOf(server, 'POST', '/api/contact'),
			expected: { phoneNumber: [{ value: '+33612345678', isPrimary: true }], firstName: 'Marie', lastName: 'Dupont', email: 'marie.dupont@example.com' },
		}),
		output: { firstName: 'Marie', lastName: 'Dupont', phoneNumber: [{ value: '+33612345678', isPrimary: true }] },
		// Tether's contacts are MongoDB documents.
		idField: '_id',
		badRow: {
			rows: BAD_ROWS,
			set: fromRow(['phoneNumbers', 'phone'], ['firstName', 'firstName'], ['lastName', 'lastName'], ['email', 'email']),
			error: badPhoneError('Phone Numbers'),
		},
		subtitle: { operation: 'Create or Update' },
	},
];

/** Typed in the nodes panel's search on each line, to record which of our nodes each finds. */
const SEARCH_PROBES = ['contact', 'phone', 'dialer', 'CRM', 'lead', 'sync'];

module.exports = { NODES, SEARCH_PROBES };
