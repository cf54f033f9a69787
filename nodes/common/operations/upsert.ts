import {
	type DeclarativeRestApiSettings,
	type IDataObject,
	type IExecutePaginationFunctions,
	type IHttpRequestOptions,
	type INodeExecutionData,
	NodeOperationError,
} from 'n8n-workflow';

import { itemPrefix } from '../messages';
import type { ProviderProfile } from '../profile';
import { sendRequest } from '../sending/send';
import { createWithRecovery } from './create';
import { answerItems } from './items';
import { type LookupPlan, findExisting, lockKeysOf, oneAtATime } from './lookup';
import { idOf } from './records';

export interface UpsertPlan extends LookupPlan {
	createRequest: { method: IHttpRequestOptions['method']; url: string };
	updateRequest: (id: string) => { method: IHttpRequestOptions['method']; url: string };
}

/** Added to the output of Create or Update: whether the contact was created or updated. */
export const UPSERT_RESULT_FIELD = 'upsertResult';

/**
 * The Create or Update hook: finds the contact by each lookup key in turn. One match is
 * updated with the row's fields, none means create, several is an error listing them.
 */
export function upsertContact(profile: ProviderProfile, plan: UpsertPlan) {
	return async function (
		this: IExecutePaginationFunctions,
		requestData: DeclarativeRestApiSettings.ResultOptions,
	): Promise<INodeExecutionData[]> {
		const itemIndex = this.getItemIndex();
		const options = requestData.options as IHttpRequestOptions;
		const keys = plan.lookupKeys((options.body ?? {}) as IDataObject);
		if (keys.length === 0) {
			throw new NodeOperationError(
				this.getNode(),
				`${itemPrefix(itemIndex)} Create or Update needs an email or a phone number to find the contact. Add Email or Phone Numbers, or use Create.`,
				{ itemIndex },
			);
		}
		return await oneAtATime(lockKeysOf(profile, keys), async () => {
			const existing = await findExisting.call(this, profile, plan, keys, options);
			const existingId = existing ? idOf(existing) : undefined;
			if (existingId === undefined) {
				const created = await createWithRecovery.call(this, profile, plan, keys, { ...options, ...plan.createRequest });
				return answerItems(created, itemIndex, { [UPSERT_RESULT_FIELD]: 'created' });
			}
			const update = plan.updateRequest(encodeURIComponent(existingId));
			const answer = await sendRequest.call(this, profile, { ...options, ...update }, { contactId: existingId });
			return answerItems(answer.body, itemIndex, { [UPSERT_RESULT_FIELD]: 'updated' });
		});
	};
}
