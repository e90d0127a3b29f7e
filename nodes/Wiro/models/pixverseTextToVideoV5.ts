import type { WiroModel } from './types';

// Fields, defaults and options from Wiro's PixVerse text-to-video v5 tool page.
const DEFAULT_PROMPT =
	"A dynamic, storybook-style illustration of a whimsical race between a rabbit and a turtle. The scene is set on a winding dirt path through a lush, green forest on a sunny day. The rabbit, looking over its shoulder with a cocky grin, with dust kicking up from its feet. It's wearing small, cartoonish sneakers. The turtle, determined and focused, is moving steadily forward, its shell gleaming in the sunlight. Other forest animals like squirrels and hedgehogs are on the sidelines cheering. The overall mood is lighthearted and fun, captured with bright, cheerful colors and a sense of motion.";

export const pixverseTextToVideoV5: WiroModel = {
	slug: 'PixVerse/text-to-video-v5',
	displayName: 'PixVerse Text-to-Video v5',
	description: 'PixVerse v5: stylised or realistic clips of 5 or 8 seconds, up to 1080p',
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
				default: '',
				description: 'What to exclude from the video',
			},
		},
		{
			apiName: 'aspectRatio',
			property: {
				displayName: 'Aspect Ratio',
				name: 'aspectRatio',
				type: 'options',
				options: ['16:9', '4:3', '1:1', '3:4', '9:16'].map((value) => ({ name: value, value })),
				default: '16:9',
				description: 'The width-to-height ratio of the video',
			},
		},
		{
			apiName: 'duration',
			property: {
				displayName: 'Duration (Seconds)',
				name: 'duration',
				type: 'options',
				options: [
					{ name: '5', value: '5' },
					{ name: '8', value: '8' },
				],
				default: '5',
				description: 'Length of the video; 1080p supports only 5 seconds',
			},
		},
		{
			apiName: 'quality',
			property: {
				displayName: 'Quality',
				name: 'quality',
				type: 'options',
				options: [
					{ name: '360p (Turbo)', value: '360p' },
					{ name: '540p', value: '540p' },
					{ name: '720p', value: '720p' },
					{ name: '1080p', value: '1080p' },
				],
				default: '540p',
				description: 'Resolution of the video',
			},
		},
		{
			apiName: 'style',
			property: {
				displayName: 'Style',
				name: 'style',
				type: 'options',
				options: [
					{ name: '3D Animation', value: '3d_animation' },
					{ name: 'Anime', value: 'anime' },
					{ name: 'Clay', value: 'clay' },
					{ name: 'Comic', value: 'comic' },
					{ name: 'Cyberpunk', value: 'cyberpunk' },
					{ name: 'None', value: '' },
				],
				default: '',
				description: 'A visual style; None leaves it to the prompt',
			},
		},
		{
			apiName: 'seed',
			send: 'number',
			range: { min: 0, max: 2147483647, integer: true },
			property: {
				displayName: 'Seed',
				name: 'seed',
				type: 'number',
				default: 0,
				description: 'The same seed and prompt give the same video; 0 picks a random seed',
			},
		},
		{
			apiName: 'Watermark',
			property: {
				displayName: 'Watermark',
				name: 'watermark',
				type: 'options',
				options: [
					{ name: 'False', value: 'false' },
					{ name: 'True', value: 'true' },
				],
				default: 'false',
				description: 'Whether PixVerse adds its watermark to the video',
			},
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
