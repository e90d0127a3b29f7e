import type { INodeProperties } from 'n8n-workflow';

import type { PerOperation } from '../nodes/Wiro/actions/node.type';

import { WAIT_DEFAULTS } from '../nodes/Wiro/actions/common/waitFields';
import { models } from '../nodes/Wiro/models';
import { Wiro } from '../nodes/Wiro/Wiro.node';

const properties = new Wiro().description.properties;

/** Defaults and options of the two seeded Wiro tool pages (Wiro's PixVerse v5 and LTX-Video pages). */
const SEEDS: Record<string, Record<string, { default: unknown; options?: unknown[] }>> = {
	'PixVerse/text-to-video-v5': {
		prompt: {
			default: expect.stringMatching(
				/^A dynamic, storybook-style illustration of a whimsical race between a rabbit and a turtle\..*sense of motion\.$/,
			),
		},
		negativePrompt: { default: '' },
		aspectRatio: { default: '16:9', options: ['16:9', '4:3', '1:1', '3:4', '9:16'] },
		duration: { default: '5', options: ['5', '8'] },
		quality: { default: '540p', options: ['360p', '540p', '720p', '1080p'] },
		style: { default: '', options: ['', 'anime', '3d_animation', 'clay', 'comic', 'cyberpunk'] },
		seed: { default: 0 },
		watermark: { default: 'false', options: ['false', 'true'] },
	},
	'wiroai/LTX-Video-Text2Video': {
		prompt: {
			default: expect.stringMatching(
				/^A woman with long brown hair and light skin smiles.*real-life footage\.$/,
			),
		},
		negativePrompt: { default: 'Blurry, bad quality' },
		fps: { default: 24 },
		width: { default: 768 },
		height: { default: 768 },
		numFrames: { default: 240 },
		steps: { default: 25 },
		seed: { default: '42' },
	},
};

function fieldsShownFor(slug: string): INodeProperties[] {
	return properties.filter((property) => property.displayOptions?.show?.model?.includes(slug));
}

describe('Wiro node description', () => {
	it('offers exactly the curated models, by Wiro slug, then Other Model', () => {
		const model = properties.find((property) => property.name === 'model');
		expect(model?.options?.map((option) => ('value' in option ? option.value : undefined))).toEqual(
			[...models.map((entry) => entry.slug), 'other'],
		);
		expect(model?.default).toBe('PixVerse/text-to-video-v5');
		expect(model?.noDataExpression).toBe(true);
		expect(models.map((entry) => entry.slug).slice(0, 2)).toEqual(Object.keys(SEEDS));
	});

	it.each(models.map((model) => [model.slug, model] as const))(
		'%s shows its inputs as fixed fields, in its order, scoped to it',
		(slug, model) => {
			const fields = fieldsShownFor(slug);
			expect(fields.map((field) => [field.name, field.displayName, field.default])).toEqual(
				model.inputs.map((input) => [input.name ?? input.id, input.label, input.default]),
			);
			for (const field of fields)
				expect(field.displayOptions?.show).toEqual({
					resource: ['video'],
					operation: ['generate'],
					model: [slug],
				});
		},
	);

	it.each(Object.keys(SEEDS))(
		'%s shows exactly its own fields, with the seed defaults and options',
		(slug) => {
			const fields = fieldsShownFor(slug);
			expect(fields.map((field) => field.name)).toEqual(Object.keys(SEEDS[slug]));
			for (const field of fields) {
				const seed = SEEDS[slug][field.name];
				expect(field.displayOptions?.show).toEqual({
					resource: ['video'],
					operation: ['generate'],
					model: [slug],
				});
				expect(field.default).toEqual(seed.default);
				if (seed.options) {
					const values = (field.options ?? []).map((option) =>
						'value' in option ? option.value : undefined,
					);
					expect([...values].sort()).toEqual([...seed.options].sort());
				}
			}
			expect(fields.find((field) => field.name === 'prompt')?.required).toBe(true);
		},
	);

	it('never shows a model field for the other model or another operation', () => {
		const modelFields = properties.filter(
			(property) =>
				property.displayOptions?.show?.model &&
				!property.displayOptions.show.model.includes('other'),
		);
		for (const field of modelFields) {
			expect(field.displayOptions?.show?.model).toHaveLength(1);
		}
		expect(modelFields).toHaveLength(
			models.reduce((count, model) => count + model.inputs.length, 0),
		);
	});

	it('shows the Other Model fields only for Other Model: a list or a slug, and parameters read from Wiro', () => {
		const otherFields = properties.filter((property) =>
			property.displayOptions?.show?.model?.includes('other'),
		);
		expect(otherFields.map((field) => field.name)).toEqual([
			'modelListFilter',
			'otherModel',
			'modelParameters',
		]);
		for (const field of otherFields) {
			expect(field.displayOptions?.show).toEqual({
				resource: ['video'],
				operation: ['generate'],
				model: ['other'],
			});
		}
		const [listFilter, locator, mapper] = otherFields;
		expect(listFilter.default).toBe('video');
		expect(locator.type).toBe('resourceLocator');
		expect(locator.modes?.map((mode) => [mode.name, mode.typeOptions?.searchListMethod])).toEqual([
			['list', 'searchModels'],
			['slug', undefined],
		]);
		expect(mapper.type).toBe('resourceMapper');
		expect(mapper.typeOptions?.loadOptionsDependsOn).toEqual(['otherModel.value']);
		expect(mapper.typeOptions?.resourceMapper).toMatchObject({
			resourceMapperMethod: 'getModelParameters',
			mode: 'add',
		});
		const { methods } = new Wiro();
		expect(Object.keys(methods.listSearch)).toEqual(['searchModels']);
		expect(Object.keys(methods.resourceMapping)).toEqual(['getModelParameters']);
	});

	it('keeps the names other workflows depend on', () => {
		const description = new Wiro().description;
		expect(description.name).toBe('wiro');
		expect(description.displayName).toBe('Wiro');
		expect(description.usableAsTool).toBe(true);
		const byName = (name: string) => properties.filter((property) => property.name === name);
		expect(
			byName('resource')[0].options?.map((option) =>
				'value' in option ? option.value : undefined,
			),
		).toEqual(['video', 'task']);
		const waitMode = byName('waitMode')[0];
		expect(waitMode.default).toBe('poll');
		expect(
			waitMode.options?.map((option) => ('value' in option ? option.value : undefined)),
		).toEqual(expect.arrayContaining(['poll', 'none']));
		const taskOperations = byName('operation').find((property) =>
			property.displayOptions?.show?.resource?.includes('task'),
		);
		expect(
			taskOperations?.options
				?.map((option) => ('value' in option ? option.value : undefined))
				.sort(),
		).toEqual(['cancel', 'deleteFiles', 'get', 'kill', 'wait']);
	});

	it('gives the generate options the defaults the code falls back to', () => {
		const options = properties.find(
			(property) =>
				property.name === 'options' &&
				property.displayOptions?.show?.operation?.includes('generate'),
		);
		const defaults = Object.fromEntries(
			(options?.options as INodeProperties[]).map((option) => [option.name, option.default]),
		);
		expect(defaults).toEqual({ ...WAIT_DEFAULTS, callbackUrl: '' });
	});

	it('lets no field that decides what is shown be an expression', () => {
		const shownBy = properties.flatMap((property) =>
			Object.keys({ ...property.displayOptions?.show, ...property.displayOptions?.hide }),
		);
		// Wait for Result decides which way the node runs (and pauses).
		const deciding = new Set([...shownBy, 'waitMode']);
		expect([...deciding].sort()).toEqual(['model', 'operation', 'resource', 'waitMode']);
		for (const name of deciding) {
			for (const field of properties.filter((property) => property.name === name)) {
				expect({ name, noDataExpression: field.noDataExpression }).toEqual({
					name,
					noDataExpression: true,
				});
			}
		}
	});

	it('picks a task By ID or By Token', () => {
		const taskFields = properties.filter((property) => property.name === 'task');
		expect(taskFields.map((field) => field.displayOptions?.show?.operation?.[0]).sort()).toEqual([
			'cancel',
			'deleteFiles',
			'get',
			'kill',
			'wait',
		]);
		for (const field of taskFields) {
			expect(field).toMatchObject({
				type: 'resourceLocator',
				required: true,
				default: { mode: 'id', value: '' },
			});
			expect(field.modes?.map((mode) => [mode.name, mode.displayName, mode.placeholder])).toEqual([
				['id', 'By ID', 'e.g. 2221'],
				['socketAccess', 'By Token', 'e.g. eDcCm5yyUfIvMFspTwww49OUfgXkQt'],
			]);
		}
	});

	it("offers Don't Wait to Generate only: Task > Wait always waits", () => {
		const modes = (operation: string) =>
			properties
				.find(
					(property) =>
						property.name === 'waitMode' &&
						property.displayOptions?.show?.operation?.includes(operation),
				)
				?.options?.map((option) => ('value' in option ? option.value : undefined));
		expect(modes('generate')).toEqual(['poll', 'callback', 'none']);
		expect(modes('wait')).toEqual(['poll', 'callback']);
	});

	it('routes every operation: one left out does not compile', () => {
		const complete: PerOperation<true> = {
			video: { generate: true },
			task: { cancel: true, deleteFiles: true, get: true, kill: true, wait: true },
		};
		const incomplete: PerOperation<true> = {
			video: { generate: true },
			// @ts-expect-error Task > Kill is missing
			task: { cancel: true, deleteFiles: true, get: true, wait: true },
		};
		expect(Object.keys(complete.task)).toHaveLength(5);
		expect(Object.keys(incomplete.task)).toHaveLength(4);
	});
});
