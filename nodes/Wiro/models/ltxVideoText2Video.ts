import { promptInputs } from './inputs';
import type { CuratedModel } from './types';

// Fields and defaults from Wiro's LTX-Video Text2Video tool page. The page gives no limits;
// these ranges keep obvious mistakes from becoming paid, failing tasks.
const DEFAULT_PROMPT =
	"A woman with long brown hair and light skin smiles at another woman with long blonde hair. The woman with brown hair wears a black jacket and has a small, barely noticeable mole on her right cheek. The camera angle is a close-up, focused on the woman with brown hair's face. The lighting is warm and natural, likely from the setting sun, casting a soft glow on the scene. The scene appears to be real-life footage.";

export const ltxVideoText2Video: CuratedModel = {
	slug: 'wiroai/LTX-Video-Text2Video',
	displayName: 'LTX-Video Text2Video',
	description:
		'LTX-Video: fast DiT-based video generation with full control of size, frames and steps',
	inputs: [
		...promptInputs(DEFAULT_PROMPT, 'Blurry, bad quality'),
		{
			id: 'fps',
			type: 'number',
			label: 'FPS',
			default: 24,
			min: 1,
			max: 60,
			description: 'Frames per second of the video',
		},
		{
			id: 'width',
			type: 'number',
			label: 'Width',
			default: 768,
			min: 64,
			max: 1920,
			integer: true,
			description: 'Width of the video in pixels',
		},
		{
			id: 'height',
			type: 'number',
			label: 'Height',
			default: 768,
			min: 64,
			max: 1920,
			integer: true,
			description: 'Height of the video in pixels',
		},
		{
			id: 'numFrames',
			type: 'number',
			label: 'Number of Frames',
			default: 240,
			min: 1,
			max: 1000,
			integer: true,
			description: 'How many frames to generate; with FPS this sets the length',
		},
		{
			id: 'steps',
			type: 'number',
			label: 'Inference Steps',
			default: 25,
			min: 1,
			max: 100,
			integer: true,
			description: 'More steps give more detail and take longer',
		},
		// Wiro's page types the seed as text, and its example sends a string.
		{
			id: 'seed',
			type: 'text',
			label: 'Seed',
			default: '42',
			description: 'The same seed and prompt give the same video',
		},
	],
};
