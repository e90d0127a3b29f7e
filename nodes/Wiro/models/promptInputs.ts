import type { CuratedInput } from './types';

/** The prompt and negative prompt Wiro's video models take, with the model's own defaults. */
export function promptInputs(prompt: string, negativePrompt: string): CuratedInput[] {
	return [
		{ id: 'prompt', type: 'textarea', label: 'Prompt', required: true, default: prompt, rows: 4, description: 'The prompt to generate the video' },
		{ id: 'negativePrompt', type: 'textarea', label: 'Negative Prompt', default: negativePrompt, rows: 2, description: 'What to exclude from the video' },
	];
}
