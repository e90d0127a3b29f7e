import { NodeOperationError, type IExecuteFunctions } from 'n8n-workflow';

import { findModel, models } from '../../models';
import { toRunBody, type ModelRun } from '../../models/runBody';
import type { WiroRequestBody } from '../../transport';
import { readBinary } from './binaryInput';
import { OTHER_MODEL } from './otherModelFields';
import { otherModelRun } from './otherModelRun';

/** What Generate sends for item `i`: the model's slug and the body of `POST /Run/{slug}`, checked first. */
export async function runRequest(
	context: IExecuteFunctions,
	i: number,
): Promise<{ slug: string; body: WiroRequestBody }> {
	const slug = context.getNodeParameter('model', i) as string;
	const { model, ...values } =
		slug === OTHER_MODEL ? await otherModelRun(context, i) : curatedModelRun(context, i, slug);
	const built = await toRunBody(model, {
		...values,
		readBinary: async (name) => await readBinary(context, i, name),
	});
	if ('problem' in built) {
		throw new NodeOperationError(context.getNode(), built.problem.message, {
			description: built.problem.description,
			itemIndex: i,
		});
	}
	return { slug: model.slug, body: built.body };
}

function curatedModelRun(context: IExecuteFunctions, i: number, slug: string): ModelRun {
	const model = findModel(slug);
	if (!model) {
		throw new NodeOperationError(context.getNode(), `Unknown model '${slug}'`, {
			description: `Choose one of: ${models.map((known) => known.slug).join(', ')}, or Other Model`,
			itemIndex: i,
		});
	}
	return {
		model,
		read: (parameter) => context.getNodeParameter(parameter.name, i),
		place: { fixed: true, slug },
	};
}
