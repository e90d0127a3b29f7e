import { NodeOperationError, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';

import { loadModelDefinition } from '../../models/dynamic/catalog';
import { isModelSlug, SLUG_EXAMPLE } from '../../models/dynamic/slug';
import type { ModelRun } from '../../models/runBody';

/** An Other Model's run: Wiro's description of the model, and the values of the Model Parameters mapper. */
export async function otherModelRun(context: IExecuteFunctions, i: number): Promise<ModelRun> {
	const slug = String(
		context.getNodeParameter('otherModel', i, '', { extractValue: true }) ?? '',
	).trim();
	if (!isModelSlug(slug)) {
		throw new NodeOperationError(
			context.getNode(),
			slug === '' ? "'Wiro Model' is empty" : `'${slug}' is not a Wiro model slug`,
			{
				description: `Pick a model from the list, or enter its slug as owner/project, e.g. ${SLUG_EXAMPLE}`,
				itemIndex: i,
			},
		);
	}
	const model = await loadModelDefinition(context, slug);
	const values = (context.getNodeParameter('modelParameters.value', i, {}) ?? {}) as IDataObject;
	return {
		model,
		read: (parameter) => values[parameter.id],
		place: { fixed: false, slug },
		extras: values,
	};
}
