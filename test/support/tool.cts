/**
 * A node run the way n8n runs it as an AI tool: its tool variant (`<name>Tool`, which n8n
 * derives from `usableAsTool`) on the `ai_tool` input of a "Tool Caller" node, which asks
 * n8n-core for its tools (getInputConnectionData: n8n-core's own createNodeAsTool, with the
 * schema it builds from `$fromAI()` and the SupplyDataContext it runs the node in) and
 * invokes them as an agent or n8n's MCP Server Trigger does. What the caller gets back is
 * each tool call's result text, or its error.
 */
import {
	type IDataObject,
	type IExecuteFunctions,
	type INode,
	type INodeExecutionData,
	type INodeProperties,
	type INodeType,
	type INodeTypeDescription,
	NodeConnectionTypes,
} from 'n8n-workflow';
import { RoutingNode } from 'n8n-core';

import { type Layout, type RunOptions, type RunResult, runNode } from './n8n.cts';

interface Tool {
	name: string;
	description: string;
	schema: unknown;
	invoke(args: IDataObject): Promise<string>;
}

/** What the Tool Caller outputs for each call: the tool's name and description, and its result text or its error. */
export interface ToolCall {
	tool: string;
	description: string;
	result?: string;
	error?: string;
}

class ToolCaller implements INodeType {
	description = {
		displayName: 'Tool Caller',
		name: 'toolCaller',
		group: ['transform'],
		version: 1,
		description: 'Calls its tools as an agent would',
		defaults: { name: 'Tool Caller' },
		inputs: [NodeConnectionTypes.Main, { type: NodeConnectionTypes.AiTool, displayName: 'Tools', required: true }],
		outputs: [NodeConnectionTypes.Main],
		properties: [{ displayName: 'Calls', name: 'calls', type: 'json', default: '[]' }] as INodeProperties[],
	} as unknown as INodeTypeDescription;

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const tools = (await this.getInputConnectionData(NodeConnectionTypes.AiTool, 0)) as Tool[];
		const calls = JSON.parse(this.getNodeParameter('calls', 0) as string) as IDataObject[];
		const output: INodeExecutionData[] = [];
		for (const args of calls) {
			const [tool] = tools;
			const call: ToolCall = { tool: tool.name, description: tool.description };
			try {
				call.result = await tool.invoke(args);
			} catch (error) {
				call.error = error instanceof Error ? error.message : String(error);
			}
			output.push({ json: call as unknown as IDataObject });
		}
		return [output];
	}
}

/**
 * The tool variant of a node, as n8n derives it (packages/cli on 1.123 and 2.41): named
 * `<name>Tool`, no inputs, one `ai_tool` output, a Description parameter. A node with its own
 * `execute` keeps it; a declarative one is given n8n's routing engine as `execute` only when it
 * has no `methods` or has `requestDefaults`, and no `execute` at all otherwise.
 */
export function toolVariantOf(nodeType: INodeType): INodeType {
	const { description } = nodeType;
	if (!description.usableAsTool) throw new Error(`${description.name} is not usable as a tool`);
	const variant = Object.create(nodeType) as INodeType;
	variant.description = {
		...description,
		name: `${description.name}Tool`,
		displayName: `${description.displayName} Tool`,
		inputs: [],
		outputs: [NodeConnectionTypes.AiTool],
		usableAsTool: undefined,
		properties: [...toolDescriptionProperties(description), ...description.properties],
	};
	const declarative = nodeType.execute === undefined;
	if (declarative && (!nodeType.methods || description.requestDefaults !== undefined)) {
		variant.execute = async function (this: IExecuteFunctions) {
			return (await new RoutingNode(this as never, nodeType).runNode()) ?? [];
		};
	}
	return variant;
}

/**
 * The tool's Description, as n8n adds it: for a node with a Resource or an Operation, "Set
 * Automatically" (n8n describes the tool by the operation's action: "Create a contact in Skode
 * AI") or "Set Manually"; else a Description to write, the node's own by default.
 */
function toolDescriptionProperties(description: INodeTypeDescription): INodeProperties[] {
	const text: INodeProperties = { displayName: 'Description', name: 'toolDescription', type: 'string', default: description.description, required: true };
	if (!description.properties.some((property) => property.name === 'resource' || property.name === 'operation')) return [text];
	return [
		{
			displayName: 'Tool Description',
			name: 'descriptionType',
			type: 'options',
			options: [
				{ name: 'Set Automatically', value: 'auto' },
				{ name: 'Set Manually', value: 'manual' },
			],
			default: 'auto',
		},
		{ ...text, displayOptions: { show: { descriptionType: ['manual'] } } },
	];
}

/** Items → Tool Caller, with the node's tool variant on its `ai_tool` input. */
function toolLayout(nodeType: INodeType, calls: IDataObject[]): Layout {
	const caller: INode = {
		id: 'caller',
		name: 'Tool Caller',
		type: 'test.toolCaller',
		typeVersion: 1,
		position: [400, 0],
		parameters: { calls: JSON.stringify(calls) },
	};
	return {
		registry: { 'test.toolCaller': new ToolCaller() },
		typeName: (name) => `n8n-nodes-contact-sync.${name}Tool`,
		nodes: (tested) => [tested, caller],
		connections: (nodeName) =>
			({
				Items: { main: [[{ node: caller.name, type: 'main', index: 0 }]] },
				[nodeName]: { ai_tool: [[{ node: caller.name, type: 'ai_tool', index: 0 }]] },
			}) as Layout['connections'] extends (name: string) => infer C ? C : never,
		outputOf: () => caller.name,
	};
}

/** Runs `calls` (each the arguments of one tool call) against the node's tool variant; returns what each call gave. */
export async function runAsTool(options: Omit<RunOptions, 'items'>, calls: IDataObject[]): Promise<RunResult & { calls: ToolCall[] }> {
	const variant = toolVariantOf(options.nodeType);
	const result = await runNode({ ...options, nodeType: variant, items: [{}] }, toolLayout(variant, calls));
	return { ...result, calls: (result.items ?? []) as unknown as ToolCall[] };
}
