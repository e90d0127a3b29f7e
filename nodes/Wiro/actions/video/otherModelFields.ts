import type { INodeProperties } from 'n8n-workflow';

import { SLUG_EXAMPLE } from '../../models/dynamic/slug';

/** The `model` value that picks a model outside the curated ones; its fields come from Wiro. */
export const OTHER_MODEL = 'other';

export const otherModelOption = {
	name: 'Other Model',
	value: OTHER_MODEL,
	description:
		"Any other Wiro model, from Wiro's list or by slug; its parameters are read from Wiro",
};

/** The Other Model fields, without displayOptions: Generate scopes them to `model: other`. */
export const otherModelFields: INodeProperties[] = [
	{
		displayName: 'Models to List',
		name: 'modelListFilter',
		type: 'options',
		noDataExpression: true,
		options: [
			{
				name: 'Video Models',
				value: 'video',
				description: 'Text-to-video, image-to-video and video-to-video models',
			},
			{
				name: 'All Models',
				value: 'all',
				description: 'Every model Wiro offers: images, audio, text too',
			},
		],
		default: 'video',
		description: 'Which of Wiro\'s models "From List" offers',
	},
	{
		displayName: 'Wiro Model',
		name: 'otherModel',
		type: 'resourceLocator',
		required: true,
		default: { mode: 'list', value: '' },
		description: 'The Wiro model to run',
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				typeOptions: { searchListMethod: 'searchModels', searchable: true },
			},
			{
				displayName: 'By Slug',
				name: 'slug',
				type: 'string',
				placeholder: `e.g. ${SLUG_EXAMPLE}`,
				hint: "Owner and project as in Wiro's API: POST /Run/{owner}/{project}",
				validation: [
					{
						type: 'regex',
						properties: {
							regex: '^[^/\\s][^/]*/[^/]*[^/\\s]$',
							errorMessage: `Enter owner/project, e.g. ${SLUG_EXAMPLE}`,
						},
					},
				],
			},
		],
	},
	{
		displayName: 'Model Parameters',
		name: 'modelParameters',
		type: 'resourceMapper',
		noDataExpression: true,
		default: { mappingMode: 'defineBelow', value: null },
		description:
			"The model's inputs as Wiro describes them; a file input takes a URL or the name of a binary field of the input item (several: comma-separated)",
		typeOptions: {
			loadOptionsDependsOn: ['otherModel.value'],
			resourceMapper: {
				resourceMapperMethod: 'getModelParameters',
				mode: 'add',
				valuesLabel: 'Parameters',
				fieldWords: { singular: 'parameter', plural: 'parameters' },
				addAllFields: true,
				multiKeyMatch: false,
				supportAutoMap: false,
			},
		},
	},
];
