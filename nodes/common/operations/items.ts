import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

/**
 * The output items of one input row, the one way every operation builds them: an object
 * answer is one item, an array one item per element (Get Many), and an answer without a
 * body (204) says it succeeded. `extra` is added to each (Create or Update's result).
 */
export function answerItems(body: unknown, itemIndex: number, extra: IDataObject = {}): INodeExecutionData[] {
	const pairedItem = { item: itemIndex };
	if (Array.isArray(body)) return body.map((json) => ({ json: { ...(json as IDataObject), ...extra }, pairedItem }));
	if (body && typeof body === 'object') return [{ json: { ...(body as IDataObject), ...extra }, pairedItem }];
	return [{ json: { success: true, ...extra }, pairedItem }];
}
