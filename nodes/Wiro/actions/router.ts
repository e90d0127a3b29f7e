import {
	NodeError,
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
} from 'n8n-workflow';

import { createBatch, readMaxConcurrency, type Batch } from '../helpers/batch';
import { taskOfError } from '../transport';
import type { PerOperation } from './node.type';
import * as task from './task';
import * as video from './video';

type Operation = (
	this: IExecuteFunctions,
	itemIndex: number,
	batch: Batch,
) => Promise<INodeExecutionData[]>;

const operations: PerOperation<Operation> = {
	video: { generate: video.generate.execute },
	task: {
		get: task.get.execute,
		cancel: task.cancel.execute,
		kill: task.kill.execute,
		deleteFiles: task.deleteFiles.execute,
		wait: task.wait.execute,
	},
};

/**
 * The node's only item loop. Items run concurrently (up to the user's cap; Wiro's own limit is
 * handled by the batch's task slots), their outputs keep the input order, and pairedItem,
 * continueOnFail and the item index on errors are settled here and nowhere else.
 */
export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const resource = this.getNodeParameter('resource', 0);
	const operationName = this.getNodeParameter('operation', 0);
	const operation = findOperation(resource, operationName);
	if (!operation) {
		throw new NodeOperationError(
			this.getNode(),
			`The operation '${operationName}' is not supported for '${resource}'`,
		);
	}
	const maxConcurrency = readMaxConcurrency(this);
	const batch = createBatch(this, maxConcurrency);
	const continueOnFail = this.continueOnFail();
	let firstFailure: { error: unknown } | undefined;

	const runItem = async (i: number): Promise<INodeExecutionData[]> => {
		try {
			const results = await operation.call(this, i, batch);
			return results.map((result) => ({ ...result, pairedItem: { item: i } }));
		} catch (error) {
			if (continueOnFail) return [{ json: errorJson(error), pairedItem: { item: i } }];
			// The first failure is the one to report; the items stopped because of it fail only as a consequence.
			firstFailure ??= { error: withItemIndex(error, i) };
			// The node is going to fail: stop the other items instead of leaving their tasks running for nobody.
			batch.stop();
			return [];
		}
	};

	const outputs = await runConcurrently(items.length, maxConcurrency, runItem);
	if (firstFailure) throw firstFailure.error;
	return [outputs.flat()];
}

/** The saved resource and operation are strings: looked up, never asserted. */
function findOperation(resource: string, operation: string): Operation | undefined {
	const byName: Partial<Record<string, Partial<Record<string, Operation>>>> = operations;
	return byName[resource]?.[operation];
}

async function runConcurrently<T>(
	count: number,
	limit: number,
	run: (index: number) => Promise<T>,
): Promise<T[]> {
	const results: T[] = new Array<T>(count);
	let next = 0;
	const worker = async (): Promise<void> => {
		while (next < count) {
			const index = next++;
			results[index] = await run(index);
		}
	};
	await Promise.all(Array.from({ length: Math.min(limit, count) }, worker));
	return results;
}

function withItemIndex(error: unknown, itemIndex: number): unknown {
	if (error instanceof NodeError) error.context.itemIndex ??= itemIndex;
	return error;
}

/** The item continueOnFail returns: the error in words, and the task it concerns so nothing is lost. */
function errorJson(error: unknown): IDataObject {
	const json: IDataObject = { error: error instanceof Error ? error.message : String(error) };
	if (error instanceof NodeError && error.description) json.description = error.description;
	return { ...json, ...taskOfError(error) };
}
