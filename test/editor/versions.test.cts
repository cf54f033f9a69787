/**
 * Issue 22: node versions for changes a saved workflow would notice. Klen AI version 2 shows
 * Phone Numbers at the top of Create and Create or Update; Skode AI version 2 names its required
 * name parameter `fullName` (sent as `name`). New nodes get version 2; workflows saved with
 * version 1 open and run exactly as before.
 */
import { KlenAi } from '../../nodes/KlenAi/KlenAi.node';
import { Skode } from '../../nodes/Skode/Skode.node';
import { retryPolicy } from '../../nodes/common/sending/send';
import { KLEN_KEY, startKlen, type KlenServer } from '../support/klen.cts';
import { runNode } from '../support/n8n.cts';
import { SKODE_KEY, startSkode, type SkodeServer } from '../support/skode.cts';
import { KlenAiApi } from '../../credentials/KlenAiApi.credentials';
import { SkodeApi } from '../../credentials/SkodeApi.credentials';
import { shownParameters } from './packageNodes.cts';

const klen = new KlenAi();
const skode = new Skode();
const names = (node: KlenAi | Skode, operation: string, version: number) =>
	shownParameters(node, { resource: 'contact', operation }, version).map((property) => property.name);
const additionalFields = (node: KlenAi, version: number) =>
	(shownParameters(node, { resource: 'contact', operation: 'create' }, version).find((property) => property.name === 'additionalFields')?.options ?? []).map(
		(option) => (option as { name: string }).name,
	);

describe('versions: 1 and 2, new nodes get 2', () => {
	it.each([klen, skode])('%#', (node) => {
		expect(node.description.version).toEqual([1, 2]);
		expect(node.description.defaultVersion).toBe(2);
	});
});

describe('Klen AI version 2 shows Phone Numbers at the top of Create and Create or Update', () => {
	it.each(['create', 'upsert'])('%s', (operation) => {
		expect(names(klen, operation, 2).filter((name) => !['resource', 'operation', 'upsertNotice', 'options'].includes(name))).toEqual([
			'firstName',
			'phoneNumbers',
			'additionalFields',
		]);
		expect(names(klen, operation, 1).filter((name) => !['resource', 'operation', 'upsertNotice', 'options'].includes(name))).toEqual([
			'firstName',
			'additionalFields',
		]);
	});

	it('version 1 keeps Phone Numbers in Additional Fields; version 2 no longer has it there', () => {
		expect(additionalFields(klen, 1)).toContain('phoneNumbers');
		expect(additionalFields(klen, 2)).not.toContain('phoneNumbers');
	});
});

describe('Skode AI version 2 names the required name Full Name (fullName)', () => {
	it.each(['create', 'upsert'])('%s', (operation) => {
		expect(names(skode, operation, 2)).toContain('fullName');
		expect(names(skode, operation, 2)).not.toContain('name');
		expect(names(skode, operation, 1)).toContain('name');
		expect(names(skode, operation, 1)).not.toContain('fullName');
	});
});

describe('both versions send the same request', () => {
	let klenServer: KlenServer;
	let skodeServer: SkodeServer;
	beforeAll(async () => {
		retryPolicy.firstBackoffMs = 10;
		[klenServer, skodeServer] = await Promise.all([startKlen({ rateLimit: { limit: 0 } }), startSkode({ rateLimit: { limit: 0 } })]);
	});
	afterAll(async () => await Promise.all([klenServer.stop(), skodeServer.stop()]));

	const phone = { number: [{ phoneNumber: '06 12 34 56 78' }] };
	it('Klen AI: version 1 with Additional Fields › Phone Numbers, version 2 with Phone Numbers at the top', async () => {
		const run = async (typeVersion: number, parameters: Record<string, unknown>) => {
			klenServer.reset();
			const result = await runNode({
				nodeType: new KlenAi(),
				typeVersion,
				credentialType: new KlenAiApi(),
				credentials: { apiKey: KLEN_KEY, baseUrl: klenServer.baseUrl },
				parameters: { resource: 'contact', operation: 'create', firstName: 'Marie', options: { defaultCountry: 'FR' }, ...parameters },
				items: [{}],
			});
			return { result, body: klenServer.requests[0].body };
		};
		const v1 = await run(1, { additionalFields: { email: 'marie@example.com', phoneNumbers: phone } });
		const v2 = await run(2, { phoneNumbers: phone, additionalFields: { email: 'marie@example.com' } });
		expect(v1.result.error).toBeUndefined();
		expect(v2.result.error).toBeUndefined();
		expect(v2.body).toEqual(v1.body);
		expect(v1.body).toMatchObject({ first_name: 'Marie', email: 'marie@example.com', phone_numbers: [{ phone_number: '+33612345678', primary: true }] });
	});

	it('Skode AI: version 1 with name, version 2 with fullName, both sent as name', async () => {
		const run = async (typeVersion: number, parameters: Record<string, unknown>) => {
			skodeServer.clear();
			skodeServer.requests.length = 0;
			const result = await runNode({
				nodeType: new Skode(),
				typeVersion,
				credentialType: new SkodeApi(),
				credentials: { apiKey: SKODE_KEY, baseUrl: skodeServer.baseUrl },
				parameters: { resource: 'contact', operation: 'create', email: 'jean@example.com', ...parameters },
				items: [{}],
			});
			return { result, body: skodeServer.requests[0].body };
		};
		const v1 = await run(1, { name: 'Jean Martin' });
		const v2 = await run(2, { fullName: 'Jean Martin' });
		expect(v2.body).toEqual(v1.body);
		expect(v1.body).toEqual({ name: 'Jean Martin', email: 'jean@example.com' });
		expect(v2.result.error).toBeUndefined();
	});

	it('Skode AI version 2: a row without its Full Name fails naming the field, before anything is sent', async () => {
		skodeServer.requests.length = 0;
		const result = await runNode({
			nodeType: new Skode(),
			typeVersion: 2,
			credentialType: new SkodeApi(),
			credentials: { apiKey: SKODE_KEY, baseUrl: skodeServer.baseUrl },
			// An expression n8n cannot judge before the run: the node's own check names the field.
			parameters: { resource: 'contact', operation: 'create', fullName: '={{ $json.name }}', email: 'jean@example.com' },
			items: [{}],
		});
		expect(skodeServer.requests).toEqual([]);
		expect(result.error?.message).toBe('[item 0 · jean@example.com] Full Name: is required but empty. Give a value for Full Name.');
		expect(result.error?.description).toBe('Found by the node before sending: nothing was sent for this row. Parameter: fullName.');
	});
});
