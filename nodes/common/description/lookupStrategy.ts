import type { INodeProperties } from 'n8n-workflow';

/**
 * Options › Lookup Strategy, on Create or Update of the providers that can list their contacts
 * (read by common/operations/contactIndex.ts).
 */
export const lookupStrategyOption: INodeProperties = {
	displayName: 'Lookup Strategy',
	name: 'lookupStrategy',
	type: 'options',
	default: 'auto',
	options: [
		{
			name: 'Automatic',
			value: 'auto',
			description:
				'Read the account’s contacts once and match every row against them, when that takes fewer requests than searching for each row (the first page of contacts tells); otherwise search for each row',
		},
		{
			name: 'Search for Each Row',
			value: 'search',
			description: 'Search for each row’s contact, whatever the size of the account',
		},
	],
	description: 'How Create or Update finds the contacts the rows describe',
	// `/operation`: the node's Operation parameter, seen from inside the Options collection.
	displayOptions: { show: { '/operation': ['upsert'] } },
};
