import type {
	DeclarativeRestApiSettings,
	IExecutePaginationFunctions,
	INodeExecutionData,
} from 'n8n-workflow';

import { serverReason } from './apiErrors';

type RequestHook = (
	this: IExecutePaginationFunctions,
	requestData: DeclarativeRestApiSettings.ResultOptions,
) => Promise<INodeExecutionData[]>;

/**
 * Adds the field a refusal names (`{"error": "validation_error", "message": "…", "field":
 * "phone"}`, Skode's 422) to the error's message when the server's own words do not name it:
 * with Continue On Fail the message is all the user sees of the error.
 */
export function nameRefusedField(error: unknown): unknown {
	if (!(error instanceof Error)) return error;
	const body = (error as { errorResponse?: unknown }).errorResponse;
	const field = body && typeof body === 'object' ? (body as Record<string, unknown>).field : undefined;
	if (typeof field !== 'string' || field.trim() === '' || error.message.includes(field)) return error;
	const reason = serverReason(body);
	const named = `(field ${field})`;
	error.message = reason && error.message.includes(reason) ? error.message.replace(reason, `${reason} ${named}`) : `${error.message} ${named}`;
	return error;
}

/** A request hook whose errors name the refused field (see nameRefusedField). */
export function namingRefusedFields(hook: RequestHook): RequestHook {
	return async function (this: IExecutePaginationFunctions, requestData: DeclarativeRestApiSettings.ResultOptions) {
		try {
			return await hook.call(this, requestData);
		} catch (error) {
			throw nameRefusedField(error);
		}
	};
}
