import { labelled, promptInputs, sameLabel } from './inputs';
import type { CuratedModel } from './types';

// Fields, defaults and options from Wiro's PixVerse text-to-video v5 tool page.
const DEFAULT_PROMPT =
	"A dynamic, storybook-style illustration of a whimsical race between a rabbit and a turtle. The scene is set on a winding dirt path through a lush, green forest on a sunny day. The rabbit, looking over its shoulder with a cocky grin, with dust kicking up from its feet. It's wearing small, cartoonish sneakers. The turtle, determined and focused, is moving steadily forward, its shell gleaming in the sunlight. Other forest animals like squirrels and hedgehogs are on the sidelines cheering. The overall mood is lighthearted and fun, captured with bright, cheerful colors and a sense of motion.";

export const pixverseTextToVideoV5: CuratedModel = {
	slug: 'PixVerse/text-to-video-v5',
	displayName: 'PixVerse Text-to-Video v5',
	description: 'PixVerse v5: stylised or realistic clips of 5 or 8 seconds, up to 1080p',
	inputs: [
		...promptInputs(DEFAULT_PROMPT, ''),
		{
			id: 'aspectRatio',
			type: 'select',
			label: 'Aspect Ratio',
			default: '16:9',
			options: sameLabel('16:9', '4:3', '1:1', '3:4', '9:16'),
			description: 'The width-to-height ratio of the video',
		},
		{
			id: 'duration',
			type: 'select',
			label: 'Duration (Seconds)',
			default: '5',
			options: sameLabel('5', '8'),
			description: 'Length of the video; 1080p supports only 5 seconds',
		},
		{
			id: 'quality',
			type: 'select',
			label: 'Quality',
			default: '540p',
			description: 'Resolution of the video',
			options: labelled({
				'360p': '360p (Turbo)',
				'540p': '540p',
				'720p': '720p',
				'1080p': '1080p',
			}),
		},
		{
			id: 'style',
			type: 'select',
			label: 'Style',
			default: '',
			description: 'A visual style; None leaves it to the prompt',
			options: labelled({
				'3d_animation': '3D Animation',
				anime: 'Anime',
				clay: 'Clay',
				comic: 'Comic',
				cyberpunk: 'Cyberpunk',
				'': 'None',
			}),
		},
		{
			id: 'seed',
			type: 'number',
			label: 'Seed',
			default: 0,
			min: 0,
			max: 2147483647,
			integer: true,
			description: 'The same seed and prompt give the same video; 0 picks a random seed',
		},
		{
			id: 'Watermark',
			name: 'watermark',
			type: 'select',
			label: 'Watermark',
			default: 'false',
			options: labelled({ false: 'False', true: 'True' }),
			description: 'Whether PixVerse adds its watermark to the video',
		},
	],
	crossCheck: (body) =>
		body.quality === '1080p' && body.duration === '8'
			? {
					field: 'duration',
					message: 'PixVerse cannot make an 8-second video in 1080p',
					description: "Set 'Duration (Seconds)' to 5, or 'Quality' to 720p or lower",
				}
			: undefined,
};
