import type { WiroModel } from './types';

// Fields and defaults from Wiro's LTX-Video Text2Video tool page. The page gives no limits;
// these ranges keep obvious mistakes from becoming paid, failing tasks.
const DEFAULT_PROMPT =
	"A woman with long brown hair and light skin smiles at another woman with long blonde hair. The woman with brown hair wears a black jacket and has a small, barely noticeable mole on her right cheek. The camera angle is a close-up, focused on the woman with brown hair's face. The lighting is warm and natural, likely from the setting sun, casting a soft glow on the scene. The scene appears to be real-life footage.";

export const ltxVideoText2Video: WiroModel = {
	slug: 'wiroai/LTX-Video-Text2Video',
	displayName: 'LTX-Video Text2Video',
	description: 'LTX-Video: fast DiT-based video generation with full control of size, frames and steps',
	fields: [
		{
			apiName: 'prompt',
			property: {
				displayName: 'Prompt',
				name: 'prompt',
				type: 'string',
				typeOptions: { rows: 4 },
				required: true,
				default: DEFAULT_PROMPT,
				description: 'The prompt to generate the video',
			},
		},
		{
			apiName: 'negativePrompt',
			property: {
				displayName: 'Negative Prompt',
				name: 'negativePrompt',
				type: 'string',
				typeOptions: { rows: 2 },
				default: 'Blurry, bad quality',
				description: 'What to exclude from the video',
			},
		},
		{
			apiName: 'fps',
			send: 'number',
			range: { min: 1, max: 60 },
			property: {
				displayName: 'FPS',
				name: 'fps',
				type: 'number',
				default: 24,
				description: 'Frames per second of the video',
			},
		},
		{
			apiName: 'width',
			send: 'number',
			range: { min: 64, max: 1920, integer: true },
			property: {
				displayName: 'Width',
				name: 'width',
				type: 'number',
				default: 768,
				description: 'Width of the video in pixels',
			},
		},
		{
			apiName: 'height',
			send: 'number',
			range: { min: 64, max: 1920, integer: true },
			property: {
				displayName: 'Height',
				name: 'height',
				type: 'number',
				default: 768,
				description: 'Height of the video in pixels',
			},
		},
		{
			apiName: 'numFrames',
			send: 'number',
			range: { min: 1, max: 1000, integer: true },
			property: {
				displayName: 'Number of Frames',
				name: 'numFrames',
				type: 'number',
				default: 240,
				description: 'How many frames to generate; with FPS this sets the length',
			},
		},
		{
			apiName: 'steps',
			send: 'number',
			range: { min: 1, max: 100, integer: true },
			property: {
				displayName: 'Inference Steps',
				name: 'steps',
				type: 'number',
				default: 25,
				description: 'More steps give more detail and take longer',
			},
		},
		{
			apiName: 'seed',
			send: 'string',
			property: {
				displayName: 'Seed',
				name: 'seed',
				type: 'string',
				default: '42',
				description: 'The same seed and prompt give the same video',
			},
		},
	],
};
