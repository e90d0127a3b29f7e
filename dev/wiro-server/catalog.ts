/**
 * The models this fake knows, in the shape Tool/Detail answers. Items follow the seed
 * tool pages; min/max/step, prices and model ids are this fake's own choices because
 * Wiro does not document them.
 */

export interface ToolOption {
	value: string;
	label: string;
}

export interface ToolItem {
	id: string;
	type: 'text' | 'textarea' | 'select' | 'range' | 'number' | 'fileinput';
	label: string;
	required: boolean;
	note: string;
	default: string;
	options?: ToolOption[];
	min?: number;
	max?: number;
	step?: number;
}

export interface ModelSpec {
	modelid: string;
	slugowner: string;
	slugproject: string;
	title: string;
	description: string;
	categories: string[];
	items: ToolItem[];
	/** Cost per second and total cost of a successful run, in USD. */
	cps: number;
	totalcost: number;
	/** What a successful run leaves in `outputs`: a video file (default) or an LLM's structured answer. */
	produces?: 'video' | 'answer';
	/** A rule across fields that Wiro enforces for this model: the refusal's message, or undefined. */
	crossCheck?: (fields: Record<string, unknown>) => string | undefined;
}

/** Numeric limits for LTX-Video, in one place so the node's authors can read them. */
export const LTX_NUMBER_RANGES = {
	fps: { min: 1, max: 60 },
	width: { min: 64, max: 1920 },
	height: { min: 64, max: 1920 },
	numFrames: { min: 1, max: 1000 },
	steps: { min: 1, max: 100 },
} as const;

export const MOTION_RANGE = { min: 0, max: 1, step: 0.05 } as const;

const options = (...values: string[]): ToolOption[] =>
	values.map((value) => ({ value, label: value }));

const PIXVERSE: ModelSpec = {
	modelid: '1001',
	slugowner: 'PixVerse',
	slugproject: 'text-to-video-v5',
	title: 'PixVerse text-to-video v5',
	description: 'PixVerse text-to-video model v5',
	categories: ['tool', 'partner', 'PixVerse', 'text-to-video'],
	cps: 0.024,
	totalcost: 0.12,
	items: [
		{
			id: 'prompt',
			type: 'textarea',
			label: 'prompt',
			required: true,
			note: 'The prompt to generate the video.',
			default: 'A whimsical race between a rabbit and a turtle.',
		},
		{
			id: 'negativePrompt',
			type: 'textarea',
			label: 'Negative Prompt',
			required: false,
			note: 'Specify what to exclude from the output.',
			default: '',
		},
		{
			id: 'aspectRatio',
			type: 'select',
			label: 'Aspect Ratio',
			required: false,
			note: 'Sets the width-to-height ratio of the output',
			default: '16:9',
			options: options('16:9', '4:3', '1:1', '3:4', '9:16'),
		},
		{
			id: 'duration',
			type: 'select',
			label: 'Duration',
			required: false,
			note: 'v3.5 only allows 5,8. 1080p does not support 8s',
			default: '5',
			options: options('5', '8'),
		},
		{
			id: 'quality',
			type: 'select',
			label: 'Quality',
			required: false,
			note: 'Quality of the video',
			default: '540p',
			options: [{ value: '360p', label: '360p(Turbo)' }, ...options('540p', '720p', '1080p')],
		},
		{
			id: 'style',
			type: 'select',
			label: 'Style',
			required: false,
			note: 'You can leave style empty.',
			default: '',
			options: [
				{ value: '', label: 'none' },
				...options('anime', '3d_animation', 'clay', 'comic', 'cyberpunk'),
			],
		},
		{
			id: 'seed',
			type: 'number',
			label: 'seed',
			required: false,
			note: 'Leave null to randomize',
			default: '0',
		},
		{
			id: 'Watermark',
			type: 'select',
			label: 'Watermark',
			required: false,
			note: '',
			default: 'false',
			options: options('false', 'true'),
		},
	],
	crossCheck: (fields) =>
		(fields.quality ?? '540p') === '1080p' && String(fields.duration ?? '5') === '8'
			? 'Request parameter [duration] must be 5 when quality is 1080p'
			: undefined,
};

const LTX: ModelSpec = {
	modelid: '1002',
	slugowner: 'wiroai',
	slugproject: 'LTX-Video-Text2Video',
	title: 'LTX-Video Text2Video',
	description:
		'LTX-Video is the first DiT-based video generation model capable of generating high-quality videos in real-time.',
	categories: ['tool', 'text-to-video', 'quick-showcase', 'persistent'],
	cps: 0.01,
	totalcost: 0.05,
	items: [
		{
			id: 'prompt',
			type: 'textarea',
			label: 'prompt',
			required: true,
			note: 'prompt-help',
			default: 'A woman with long brown hair smiles at another woman.',
		},
		{
			id: 'negativePrompt',
			type: 'textarea',
			label: 'negativePrompt',
			required: false,
			note: 'negative prompt',
			default: 'Blurry, bad quality',
		},
		{
			id: 'fps',
			type: 'number',
			label: 'fps',
			required: false,
			note: 'numberofoutputs-help',
			default: '24',
			...LTX_NUMBER_RANGES.fps,
		},
		{
			id: 'width',
			type: 'number',
			label: 'width',
			required: false,
			note: 'width-help',
			default: '768',
			...LTX_NUMBER_RANGES.width,
		},
		{
			id: 'height',
			type: 'number',
			label: 'height',
			required: false,
			note: 'height-help',
			default: '768',
			...LTX_NUMBER_RANGES.height,
		},
		{
			id: 'numFrames',
			type: 'number',
			label: 'num-frames',
			required: false,
			note: 'num-frames-help',
			default: '240',
			...LTX_NUMBER_RANGES.numFrames,
		},
		{
			id: 'steps',
			type: 'number',
			label: 'inferencesteps',
			required: false,
			note: 'inferencesteps-help',
			default: '25',
			...LTX_NUMBER_RANGES.steps,
		},
		{ id: 'seed', type: 'text', label: 'seed', required: false, note: 'seed-help', default: '42' },
	],
};

/** Made up: a model with a file input, for work on uploads. */
const IMAGE_TO_VIDEO: ModelSpec = {
	modelid: '1003',
	slugowner: 'wiroai',
	slugproject: 'Image-To-Video-Demo',
	title: 'Image To Video Demo',
	description: 'Animates an input image into a short video (local test model).',
	categories: ['tool', 'image-to-video'],
	cps: 0.006,
	totalcost: 0.03,
	items: [
		{
			id: 'inputImage',
			type: 'fileinput',
			label: 'Input Image',
			required: true,
			note: 'Upload a file as inputImage or give a URL as inputImageUrl.',
			default: '',
		},
		{
			id: 'prompt',
			type: 'textarea',
			label: 'prompt',
			required: false,
			note: 'Describe the motion.',
			default: '',
		},
		{
			id: 'motion',
			type: 'range',
			label: 'Motion',
			required: false,
			note: 'Amount of motion.',
			default: '0.5',
			...MOTION_RANGE,
		},
	],
};

/** Made up: an LLM, whose answer comes as a `contenttype: "raw"` output without a URL (Wiro's LLM docs). */
const CHAT_LLM: ModelSpec = {
	modelid: '1004',
	slugowner: 'wiroai',
	slugproject: 'Local-Chat-LLM',
	title: 'Local Chat LLM',
	description: 'Answers a prompt in thinking and answer parts (local test model).',
	categories: ['tool', 'llm', 'text-generation'],
	cps: 0.0005,
	totalcost: 0.0035,
	produces: 'answer',
	items: [
		{
			id: 'prompt',
			type: 'textarea',
			label: 'prompt',
			required: true,
			note: 'The message to answer.',
			default: 'Hello!',
		},
	],
};

export const MODELS: readonly ModelSpec[] = [PIXVERSE, LTX, IMAGE_TO_VIDEO, CHAT_LLM];

export function findModel(owner: string, project: string): ModelSpec | undefined {
	return MODELS.find((model) => model.slugowner === owner && model.slugproject === project);
}

export function toolDetail(model: ModelSpec): Record<string, unknown> {
	return {
		id: model.modelid,
		slugowner: model.slugowner,
		slugproject: model.slugproject,
		title: model.title,
		description: model.description,
		categories: model.categories,
		parameters: [{ title: 'Inputs', items: model.items }],
	};
}

export function toolSummary(model: ModelSpec): Record<string, unknown> {
	const { slugowner, slugproject, title, description, categories } = model;
	return { slugowner, slugproject, title, description, categories };
}
