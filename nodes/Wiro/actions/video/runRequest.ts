import { NodeOperationError, type IExecuteFunctions } from 'n8n-workflow';

import { findModel, models } from '../../models';
import { toRunBody } from '../../models/toRunBody';
import type { WiroRequestBody } from '../../transport';
import { OTHER_MODEL } from './otherModelFields';
import { otherModelRun } from './otherModelRun';

/** What Generate sends for item `i`: the model's slug and the body of `POST /Run/{slug}`, checked first. */
export async function runRequest(context: IExecuteFunctions, i: number): Promise<{ slug: string; body: WiroRequestBody }> {
	const slug = context.getNodeParameter('model', i) as string;
	if (slug === OTHER_MODEL) return await otherModelRun(context, i);
	const model = findModel(slug);
	if (!model) {
		throw new NodeOperationError(context.getNode(), `Unknown model '${slug}'`, {
			description: `Choose one of: ${models.map((known) => known.slug).join(', ')}, or Other Model`,
			itemIndex: i,
		});
	}
	const built = toRunBody(model, (name) => context.getNodeParameter(name, i));
	if ('problem' in built) {
		throw new NodeOperationError(context.getNode(), built.problem.message, { description: built.problem.description, itemIndex: i });
	}
	return { slug: model.slug, body: built.body };
}
