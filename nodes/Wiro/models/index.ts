import { updateDisplayOptions, type INodeProperties } from 'n8n-workflow';

import { curatedParameters, fixedFields } from './fields';
import { ltxVideoText2Video } from './ltxVideoText2Video';
import { pixverseTextToVideoV5 } from './pixverseTextToVideoV5';
import type { CuratedModel, RunnableModel } from './types';

/** Every curated model. Adding one is a new data file and one line here. */
export const models: CuratedModel[] = [pixverseTextToVideoV5, ltxVideoText2Video];

/** The curated model `slug`, ready for the body builder, or undefined. */
export function findModel(slug: string): RunnableModel | undefined {
	const model = models.find((candidate) => candidate.slug === slug);
	return (
		model && {
			slug: model.slug,
			parameters: curatedParameters(model),
			crossCheck: model.crossCheck,
		}
	);
}

/** Each model's fixed fields, shown only for that model where `show` says (resource and operation). */
export function modelProperties(show: {
	resource: string[];
	operation: string[];
}): INodeProperties[] {
	return models.flatMap((model) =>
		updateDisplayOptions({ show: { ...show, model: [model.slug] } }, fixedFields(model)),
	);
}

export type { CuratedModel, FieldProblem, WiroModelDefinition, WiroParameter } from './types';
