import type { CuratedInput, ParameterOption } from './types';

/** Building blocks of curated models' inputs. */

/** The prompt and negative prompt Wiro's video models take, with the model's own defaults. */
export function promptInputs(prompt: string, negativePrompt: string): CuratedInput[] {
	return [
		{
			id: 'prompt',
			type: 'textarea',
			label: 'Prompt',
			required: true,
			default: prompt,
			rows: 4,
			description: 'The prompt to generate the video',
		},
		{
			id: 'negativePrompt',
			type: 'textarea',
			label: 'Negative Prompt',
			default: negativePrompt,
			rows: 2,
			description: 'What to exclude from the video',
		},
	];
}

/** Choices shown as Wiro writes their values. */
export const sameLabel = (...values: string[]): ParameterOption[] =>
	values.map((value) => ({ value, label: value }));

/** Choices with a name of their own in the editor, in the order given (values must not be integers). */
export const labelled = (labels: Record<string, string>): ParameterOption[] =>
	Object.entries(labels).map(([value, label]) => ({ value, label }));
