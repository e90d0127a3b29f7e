import type { INodeProperties } from 'n8n-workflow';

import { ltxVideoText2Video } from './ltxVideoText2Video';
import { pixverseTextToVideoV5 } from './pixverseTextToVideoV5';
import type { WiroModel } from './types';

/** Every curated model. Adding one is a new module and one line here. */
export const models: WiroModel[] = [pixverseTextToVideoV5, ltxVideoText2Video];

export function findModel(slug: string): WiroModel | undefined {
	return models.find((model) => model.slug === slug);
}

/** Each model's fields, shown only for that model on the given resource and operation. */
export function modelProperties(resource: string, operation: string): INodeProperties[] {
	return models.flatMap((model) =>
		model.fields.map(({ property }) => ({
			...property,
			displayOptions: { show: { resource: [resource], operation: [operation], model: [model.slug] } },
		})),
	);
}

export type { FieldProblem, ModelField, WiroModel } from './types';
