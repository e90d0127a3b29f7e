import { readFileSync } from 'fs';
import { join } from 'path';
import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	INode,
	INodeParameters,
	ResourceMapperField,
} from 'n8n-workflow';

import { WiroApi } from '../credentials/WiroApi.credentials';
import { getModelParameters } from '../nodes/Wiro/methods/getModelParameters';
import { searchModels } from '../nodes/Wiro/methods/searchModels';
import { loadModelDefinition } from '../nodes/Wiro/models/dynamic/catalog';
import { cachedLoad, ExpiringCache } from '../nodes/Wiro/models/dynamic/expiringCache';
import { VIDEO_CATEGORIES } from '../nodes/Wiro/models/dynamic/listModels';
import { parseToolDetail } from '../nodes/Wiro/models/dynamic/toolDetail';
import { toMapperFields } from '../nodes/Wiro/models/fields';
import { toRunBody } from '../nodes/Wiro/models/runBody';
import type { WiroModelDefinition } from '../nodes/Wiro/models/types';
import type { BinaryReader } from '../nodes/Wiro/models/validate';
import { toTaskJson, toToolJson } from '../nodes/Wiro/helpers/task';
import { bufferPart, MultipartBody, type FilePart } from '../nodes/Wiro/transport';
import type { MultipartStream } from '../nodes/Wiro/transport/multipart';
import { Wiro } from '../nodes/Wiro/Wiro.node';
import everyTypeAnswer from './fixtures/toolDetail-every-type.json';
import {
	editorContext,
	IMAGE_BYTES,
	MAKE_IMAGE_TYPE,
	MakeImage,
	mapperValue,
	newProject,
	otherModelParameters,
	schemaFor,
} from './fixtures/otherModel';
import { disposeWorkflowRunner, runWorkflow, workflowNode } from '../dev/workflow-runner';
import { parseBody } from '../dev/wiro-server/body';
import { MODELS } from '../dev/wiro-server/catalog';
import { MOTION_RANGE, WiroServer } from '../dev/wiro-server';
import {
	bodiesAt,
	NODE_NAME,
	runWiro,
	signatureCredentials,
	WIRO_NODE_TYPE,
} from '../dev/workflow-runner/runWiro';

const IMAGE_TO_VIDEO = 'wiroai/Image-To-Video-Demo';
const everyType = everyTypeAnswer as unknown as IDataObject;
const LTX = 'wiroai/LTX-Video-Text2Video';

let server: WiroServer;
let imageSchema: ResourceMapperField[];

beforeAll(async () => {
	server = new WiroServer({ taskDurationMs: 300, outputSize: 16 * 1024 });
	await server.start();
	imageSchema = await schemaFor(server, IMAGE_TO_VIDEO);
});
afterEach(() => server.reset());
afterAll(async () => {
	await server.stop();
	await disposeWorkflowRunner();
});

/** The body Other Model builds from its mapper values, as Generate builds it. */
const otherModelBody = async (
	model: WiroModelDefinition,
	values: IDataObject,
	readBinary: BinaryReader,
) =>
	await toRunBody(model, {
		read: (parameter) => values[parameter.id],
		place: { fixed: false, slug: model.slug },
		readBinary,
		extras: values,
	});

const requestsTo = (endpoint: string) =>
	server.requests.filter((request) => request.path === `/v1/${endpoint}`);

describe('Other Model in the editor: fields from Tool/Detail', () => {
	it("turns the local server's Tool/Detail answers into mapper fields", async () => {
		expect(imageSchema).toEqual([
			expect.objectContaining({
				id: 'inputImage',
				displayName: 'Input Image (URL or Binary Field)',
				type: 'string',
				required: true,
				display: true,
			}),
			expect.objectContaining({
				id: 'prompt',
				displayName: 'Prompt',
				type: 'string',
				required: false,
			}),
			expect.objectContaining({
				id: 'motion',
				displayName: `Motion (${MOTION_RANGE.min} to ${MOTION_RANGE.max})`,
				type: 'number',
				defaultValue: 0.5,
			}),
		]);
		const ltx = await schemaFor(server, LTX);
		expect(ltx.map((field) => [field.id, field.type, field.defaultValue])).toEqual([
			['prompt', 'string', 'A woman with long brown hair smiles at another woman.'],
			['negativePrompt', 'string', 'Blurry, bad quality'],
			['fps', 'number', 24],
			['width', 'number', 768],
			['height', 'number', 768],
			['numFrames', 'number', 240],
			['steps', 'number', 25],
			['seed', 'string', '42'],
		]);
		const pixverse = await schemaFor(server, 'PixVerse/text-to-video-v5');
		expect(pixverse.find((field) => field.id === 'quality')).toMatchObject({
			type: 'options',
			defaultValue: '540p',
			options: [
				{ name: '360p(Turbo)', value: '360p' },
				{ name: '540p', value: '540p' },
				{ name: '720p', value: '720p' },
				{ name: '1080p', value: '1080p' },
			],
		});
		expect(pixverse.find((field) => field.id === 'style')).toMatchObject({
			defaultValue: '',
			options: expect.arrayContaining([{ name: 'none', value: '' }]),
		});
	});

	it('reads every parameter type Wiro documents, loosely typed as Wiro sends them', () => {
		const model = parseToolDetail('wiro/Virtual Try-On Video', everyType);
		expect(model).toMatchObject({
			title: 'Virtual Try-On Video',
			categories: ['tool', 'image-to-video', 'image-editing'],
		});
		expect(
			model.parameters.map((parameter) => [parameter.id, parameter.kind, parameter.fileMode]),
		).toEqual([
			['inputImageHuman', 'file', 'single'],
			['inputImageClothes', 'file', 'combined'],
			['inputDocumentMultiple', 'file', 'multiple'],
			['prompt', 'textarea', undefined],
			['negativePrompt', 'text', undefined],
			['quality', 'select', undefined],
			['style', 'select', undefined],
			['strength', 'number', undefined],
			['temperature', 'number', undefined],
			['numFrames', 'number', undefined],
			['safetyChecker', 'text', undefined],
		]);
		const fields = Object.fromEntries(
			toMapperFields(model.parameters).map((field) => [field.id, field]),
		);
		expect(fields.inputImageHuman).toMatchObject({
			displayName: 'Human Image (URL or Binary Field)',
			type: 'string',
			required: true,
		});
		expect(fields.inputImageHuman.defaultValue).toBeUndefined();
		expect(fields.inputImageClothes.displayName).toBe(
			'Clothes (URLs or Binary Fields, Comma-Separated)',
		);
		expect(fields.inputDocumentMultiple.displayName).toBe(
			'Style Guides (URLs or Binary Fields, Comma-Separated)',
		);
		expect(fields.prompt).toMatchObject({
			displayName: 'Prompt',
			type: 'string',
			required: true,
			defaultValue: 'A model turns around slowly',
		});
		expect(fields.negativePrompt).toMatchObject({
			displayName: 'Negative Prompt',
			defaultValue: 'blurry',
		});
		expect(fields.quality).toMatchObject({
			type: 'options',
			defaultValue: '720p',
			options: [
				{ name: '480p (Fast)', value: '480p' },
				{ name: '720p', value: '720p' },
			],
		});
		expect(fields.style.options).toEqual([
			{ name: '(None)', value: '' },
			{ name: 'studio', value: 'studio' },
			{ name: 'street', value: 'street' },
		]);
		expect(fields.strength).toMatchObject({
			displayName: 'Strength (0 to 1)',
			type: 'number',
			defaultValue: 0.65,
		});
		expect(fields.temperature).toMatchObject({
			displayName: 'Temperature',
			type: 'number',
			defaultValue: 1,
		});
		expect(fields.numFrames).toMatchObject({
			displayName: 'Num Frames (8 to 240)',
			defaultValue: 48,
		});
		expect(fields.safetyChecker).toMatchObject({ type: 'string', defaultValue: 'true' });
	});

	it.each([
		[{}, 'Choose a model above to see its parameters'],
		[
			{ otherModel: { __rl: true, mode: 'slug', value: 'no-slash' } },
			"'no-slash' is not a Wiro model slug: enter it as owner/project",
		],
		[
			{ otherModel: { __rl: true, mode: 'slug', value: 'nobody/<b>nothing' } },
			"Wiro has no model 'nobody/&lt;b&gt;nothing' that this project can use (slug-owner-project-not-exist). Check the slug",
		],
	])(
		'shows a notice, not an empty form, when there is nothing to load (%j)',
		async (override, notice) => {
			const context = await editorContext(server, { ...otherModelParameters(''), ...override });
			const result = await getModelParameters.call(context);
			expect(result.fields).toEqual([]);
			expect(result.emptyFieldsNotice).toContain(notice);
			expect(result.emptyFieldsNotice).not.toMatch(/<b>/);
		},
	);

	it("shows Wiro's refusal when the credential is wrong", async () => {
		const context = await editorContext(server, otherModelParameters(LTX), {
			...signatureCredentials(server),
			apiSecret: 'wrong',
		});
		const result = await getModelParameters.call(context);
		expect(result.fields).toEqual([]);
		expect(result.emptyFieldsNotice).toMatch(
			/^The parameters of 'wiroai\/LTX-Video-Text2Video' could not be read from Wiro: Wiro refused the credentials: Project authorization is not valid\. Check the API key and secret/,
		);
	});
});

describe('Other Model in the editor: the model list', () => {
	const search = async (filter?: string, extra: INodeParameters = {}) =>
		await searchModels.call(await editorContext(server, otherModelParameters('', extra)), filter);

	it('lists video models by default, one request per video category, each model once', async () => {
		const { results, paginationToken } = await search();
		const videoModels = MODELS.filter((model) =>
			model.categories.some((category) => VIDEO_CATEGORIES.includes(category)),
		);
		expect(results.map((result) => result.value).sort()).toEqual(
			videoModels.map((model) => `${model.slugowner}/${model.slugproject}`).sort(),
		);
		expect(results.map((result) => result.value)).toEqual(
			expect.arrayContaining(['PixVerse/text-to-video-v5', IMAGE_TO_VIDEO, LTX]),
		);
		expect(results.find((result) => result.value === IMAGE_TO_VIDEO)).toEqual({
			name: 'Image To Video Demo',
			value: IMAGE_TO_VIDEO,
			description: IMAGE_TO_VIDEO,
			url: 'https://wiro.ai/models/wiroai/Image-To-Video-Demo',
		});
		expect(paginationToken).toBeUndefined();
		const bodies = bodiesAt(server, 'Tool/List');
		expect(bodies.map((body) => body.categories)).toEqual([
			['text-to-video'],
			['image-to-video'],
			['video-to-video'],
		]);
		expect(bodies[0]).toMatchObject({ start: '0', limit: '50', search: '' });
	});

	it('searches by what was typed, and lists every category on request', async () => {
		expect((await search('pixverse')).results.map((result) => result.value)).toEqual([
			'PixVerse/text-to-video-v5',
		]);
		server.reset();
		const all = await search('demo', { modelListFilter: 'all' });
		expect(all.results.map((result) => result.value)).toEqual([IMAGE_TO_VIDEO]);
		expect(bodiesAt(server, 'Tool/List')).toEqual([
			expect.not.objectContaining({ categories: expect.anything() }),
		]);
	});
});

describe("Wiro's answers are cached per credential", () => {
	it("never shows one project's cached models or parameters to another credential on the same server", async () => {
		server.reset();
		const first = newProject(server);
		const second = newProject(server);
		const searchAs = async (credentials: ICredentialDataDecryptedObject) =>
			await searchModels.call(
				await editorContext(server, otherModelParameters(''), credentials),
				'demo',
			);
		expect(await schemaFor(server, LTX, first)).toHaveLength(8);
		expect((await searchAs(first)).results.map((result) => result.value)).toEqual([IMAGE_TO_VIDEO]);

		// Another project on the same Wiro asks Wiro itself.
		expect(await schemaFor(server, LTX, second)).toHaveLength(8);
		await searchAs(second);
		const askedBy = (endpoint: string) =>
			requestsTo(endpoint).map((request) => request.headers['x-api-key']);
		expect(askedBy('Tool/Detail')).toEqual([first.apiKey, second.apiKey]);
		expect(new Set(askedBy('Tool/List'))).toEqual(new Set([first.apiKey, second.apiKey]));

		// A key Wiro does not know gets Wiro's refusal, not what another project was shown.
		const stranger = { ...first, apiKey: 'no-such-project' };
		const refused = await getModelParameters.call(
			await editorContext(server, otherModelParameters(LTX), stranger),
		);
		expect(refused.fields).toEqual([]);
		expect(refused.emptyFieldsNotice).toMatch(/Project authorization is not founded/);
		await expect(searchAs(stranger)).rejects.toThrow(/Project authorization is not founded/);
	});
});

describe("Wiro's answers are cached for the editor session", () => {
	it('asks Tool/Detail and Tool/List once per model and query, and again after a failure', async () => {
		const project = newProject(server);
		await schemaFor(server, LTX, project);
		await schemaFor(server, LTX, project);
		await Promise.all([
			schemaFor(server, IMAGE_TO_VIDEO, project),
			schemaFor(server, IMAGE_TO_VIDEO, project),
		]);
		expect(requestsTo('Tool/Detail')).toHaveLength(2);
		const missing = otherModelParameters('nobody/nothing');
		await getModelParameters.call(await editorContext(server, missing, project));
		await getModelParameters.call(await editorContext(server, missing, project));
		expect(requestsTo('Tool/Detail')).toHaveLength(4);
		const context = await editorContext(server, otherModelParameters(''), project);
		await searchModels.call(context, 'video');
		await searchModels.call(context, 'video');
		expect(requestsTo('Tool/List')).toHaveLength(3);
	});

	it('expires entries and keeps at most a fixed number', async () => {
		let now = 0;
		const cache = new ExpiringCache<string>(2, 1000, () => now);
		cache.set('a', 'A');
		cache.set('b', 'B');
		expect(cache.get('a')).toBe('A');
		cache.set('c', 'C');
		expect([cache.get('a'), cache.get('b'), cache.get('c')]).toEqual(['A', undefined, 'C']);
		now = 1000;
		expect(cache.get('a')).toBeUndefined();
		expect(cache.size).toBe(1);

		const promises = new ExpiringCache<Promise<number>>(10, 1000);
		let loads = 0;
		const load = async () => ++loads;
		expect(
			await Promise.all([cachedLoad(promises, 'k', load), cachedLoad(promises, 'k', load)]),
		).toEqual([1, 1]);
		await expect(
			cachedLoad(promises, 'bad', async () => {
				throw new Error('down');
			}),
		).rejects.toThrow('down');
		expect(await cachedLoad(promises, 'bad', load)).toBe(2);
	});
});

describe('Other Model runs: JSON body, multipart body, checks', () => {
	const runOther = async (
		slug: string,
		schema: ResourceMapperField[],
		value: Record<string, string | number | null>,
		extra: IDataObject = {},
	) =>
		await runWiro(server, {
			parameters: {
				...otherModelParameters(slug),
				modelParameters: mapperValue(schema, value),
				...extra,
			},
		});

	it('sends a text-only model as JSON, numbers as numbers, and returns its video like a curated model', async () => {
		const schema = await schemaFor(server, LTX);
		const result = await runOther(LTX, schema, {
			prompt: 'A lighthouse at dusk',
			fps: 12,
			width: 512,
			height: 320,
			numFrames: 48,
			steps: 10,
			seed: '7',
		});
		expect(result.status).toBe('success');
		const [request] = requestsTo(`Run/${LTX}`);
		expect(request.headers['content-type']).toMatch(/^application\/json/);
		expect(request.body).toEqual({
			prompt: 'A lighthouse at dusk',
			fps: 12,
			width: 512,
			height: 320,
			numFrames: 48,
			steps: 10,
			seed: '7',
		});
		const [item] = result.output(NODE_NAME);
		expect(item.json).toMatchObject({
			model: LTX,
			succeeded: true,
			outputUrls: [expect.stringContaining('/files/')],
		});
		expect(item.binary?.data).toMatchObject({ mimeType: 'video/mp4' });
	});

	it('uploads a binary field of the input item as multipart, with an empty {id}Url', async () => {
		const result = await runWorkflow({
			nodeTypes: { [WIRO_NODE_TYPE]: new Wiro(), [MAKE_IMAGE_TYPE]: new MakeImage() },
			credentialTypes: { wiroApi: new WiroApi() },
			credentials: { wiroApi: signatureCredentials(server) },
			items: [{ idea: 'waves' }],
			nodes: [
				workflowNode('Make Image', MAKE_IMAGE_TYPE, {}),
				workflowNode(NODE_NAME, WIRO_NODE_TYPE, {
					...otherModelParameters(IMAGE_TO_VIDEO),
					modelParameters: mapperValue(imageSchema, {
						inputImage: 'photo',
						prompt: '={{ "Gentle " + $json.idea }}',
						motion: 0.7,
					}),
					options: { download: false },
				}),
			],
		});
		expect(result.status).toBe('success');
		const [request] = requestsTo(`Run/${IMAGE_TO_VIDEO}`);
		expect(request.headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
		expect(request.headers['x-signature']).toBeDefined();
		expect(request.body).toEqual({
			prompt: 'Gentle waves',
			motion: '0.7',
			inputImageUrl: '',
			inputImage: { filename: 'photo.png', contentType: 'image/png', size: IMAGE_BYTES.length },
		});
		const uploadedUrl = String(server.tasks()[0].parameters.inputImage);
		const uploaded = Buffer.from(await (await fetch(uploadedUrl)).arrayBuffer());
		expect(uploaded.equals(IMAGE_BYTES)).toBe(true);
		expect(result.output(NODE_NAME)[0].json).toMatchObject({
			model: IMAGE_TO_VIDEO,
			succeeded: true,
		});
	});

	it('encodes multipart with its exact length up front, reading each file only while it is sent', async () => {
		let reads = 0;
		const streamed: FilePart = {
			fileName: 'ph"oto.png',
			mimeType: 'image/png',
			size: IMAGE_BYTES.length,
			read: async () => (reads++, [IMAGE_BYTES.subarray(0, 10), IMAGE_BYTES.subarray(10)]),
		};
		const { body, contentType } = new MultipartBody()
			.text('prompt', 'Çay 🍵 "quoted"')
			.file('inputImage', streamed)
			.text('inputImageUrl', '')
			.encode();
		const send = async (parts: MultipartStream) => {
			const chunks: Buffer[] = [];
			for await (const chunk of parts.stream()) chunks.push(Buffer.from(chunk));
			return Buffer.concat(chunks);
		};
		expect(reads).toBe(0);
		const bytes = await send(body);
		expect(bytes.length).toBe(body.size);
		expect((await send(body)).equals(bytes)).toBe(true);
		expect(reads).toBe(2);
		const parsed = parseBody(contentType, bytes);
		expect(parsed.fields).toEqual({ prompt: 'Çay 🍵 "quoted"', inputImageUrl: '' });
		expect(parsed.files.inputImage).toMatchObject({
			filename: 'ph%22oto.png',
			contentType: 'image/png',
			size: IMAGE_BYTES.length,
		});
		expect(parsed.files.inputImage.data.equals(IMAGE_BYTES)).toBe(true);

		const shrunk = new MultipartBody()
			.file('inputImage', { ...streamed, size: IMAGE_BYTES.length + 1 })
			.encode().body;
		await expect(send(shrunk)).rejects.toThrow(
			`The file 'ph"oto.png' has ${IMAGE_BYTES.length} bytes, not the ${IMAGE_BYTES.length + 1} expected`,
		);
	});

	it('sends a URL for a file input as multipart {id}Url with an empty {id}', async () => {
		const result = await runOther(
			IMAGE_TO_VIDEO,
			imageSchema,
			{ inputImage: 'https://example.com/cat.png', motion: 0.2 },
			{ waitMode: 'none' },
		);
		expect(result.status).toBe('success');
		const [request] = requestsTo(`Run/${IMAGE_TO_VIDEO}`);
		expect(request.headers['content-type']).toMatch(/^multipart\/form-data/);
		expect(request.body).toEqual({
			motion: '0.2',
			inputImage: '',
			inputImageUrl: 'https://example.com/cat.png',
		});
		expect(result.output(NODE_NAME)[0].json).toMatchObject({
			model: IMAGE_TO_VIDEO,
			status: 'task_queue',
		});
	});

	it("follows Wiro's rules for several files, URLs and combined inputs", async () => {
		const model = parseToolDetail('wiro/Virtual Try-On Video', everyType);
		const files: Record<string, FilePart> = {
			human: bufferPart(Buffer.from('h'), 'h.jpg', 'image/jpeg'),
			shirt: bufferPart(Buffer.from('s'), 's.jpg', 'image/jpeg'),
			guide: bufferPart(Buffer.from('g'), 'g.pdf', 'application/pdf'),
		};
		const built = await otherModelBody(
			model,
			{
				inputImageHuman: 'human',
				inputImageClothes: 'shirt, https://x.test/pants.jpg',
				inputDocumentMultiple: 'guide,https://x.test/a.pdf,https://x.test/b.pdf',
				prompt: 'Turn',
				quality: '480p',
				strength: 0.5,
				extraFromOlderSchema: 'kept',
			},
			async (name) => files[name],
		);
		if (!('body' in built) || !(built.body instanceof MultipartBody))
			throw new Error('expected a multipart body');
		expect(
			built.body.entries.map((entry) =>
				'file' in entry ? [entry.name, `file:${entry.file.fileName}`] : [entry.name, entry.value],
			),
		).toEqual([
			['prompt', 'Turn'],
			['quality', '480p'],
			['strength', '0.5'],
			['extraFromOlderSchema', 'kept'],
			['inputImageHuman', 'file:h.jpg'],
			['inputImageHumanUrl', ''],
			['inputImageClothes', 'file:s.jpg'],
			['inputImageClothes', 'https://x.test/pants.jpg'],
			['inputDocumentMultiple', 'file:g.pdf'],
			['inputDocumentMultipleUrl', 'https://x.test/a.pdf,https://x.test/b.pdf'],
		]);
	});

	it.each([
		[
			{ inputImage: 'photo' },
			"'Input Image' names the binary field 'photo', which the input item does not have",
			"Enter a URL (https://…) or the name of one of the input item's binary fields",
		],
		[
			{ inputImage: 'https://example.com/a.png', motion: 3 },
			"'Motion' must be a number from 0 to 1, got 3",
			"Enter a number from 0 to 1 for 'Motion' under Model Parameters",
		],
	])(
		'names the field and how to fix it before any task starts (%j)',
		async (value, message, description) => {
			const result = await runOther(IMAGE_TO_VIDEO, imageSchema, value);
			expect(result.status).toBe('error');
			expect(result.error?.message).toBe(message);
			expect(result.error?.description).toContain(description);
			expect(requestsTo(`Run/${IMAGE_TO_VIDEO}`)).toHaveLength(0);
		},
	);

	it("stops on an empty required field, through n8n's own check or the node's", async () => {
		const result = await runOther(IMAGE_TO_VIDEO, imageSchema, {
			inputImage: '={{ $json.noImageHere }}',
		});
		expect(result.error?.message).toBe("Invalid input for 'inputImage' [item 0]");
		expect(requestsTo(`Run/${IMAGE_TO_VIDEO}`)).toHaveLength(0);
		// Where n8n does not check (a schema saved before the field was required, an AI tool's arguments):
		const model = await loadModelDefinition(
			await editorContext(server, otherModelParameters(IMAGE_TO_VIDEO)),
			IMAGE_TO_VIDEO,
		);
		expect(await otherModelBody(model, { prompt: 'no image' }, async () => undefined)).toEqual({
			problem: {
				field: 'inputImage',
				message: "'Input Image' is required by wiroai/Image-To-Video-Demo",
				description:
					"Set 'Input Image' under Model Parameters: a URL (https://…) or the name of a binary field of the input item",
			},
		});
	});

	it('says which slug Wiro does not know', async () => {
		const result = await runWiro(server, { parameters: otherModelParameters('nobody/nothing') });
		expect(result.error?.message).toMatch(
			/^Wiro has no model 'nobody\/nothing' that this project can use/,
		);
		expect(result.error?.description).toMatch(/Check the slug/);
		expect(server.stats.run).toBe(0);
	});

	it('runs many items concurrently, reading the model from Wiro once', async () => {
		const project = newProject(server);
		const schema = await schemaFor(server, LTX);
		server.reset();
		const result = await runWiro(server, {
			credentials: project,
			items: [{ n: 1 }, { n: 2 }, { n: 3 }],
			parameters: {
				...otherModelParameters(LTX),
				modelParameters: mapperValue(schema, { prompt: '={{ "Shot " + $json.n }}' }),
				options: { download: false },
			},
		});
		expect(result.output(NODE_NAME).map((item) => [item.json.succeeded, item.pairedItem])).toEqual([
			[true, { item: 0 }],
			[true, { item: 1 }],
			[true, { item: 2 }],
		]);
		expect(
			bodiesAt(server, `Run/${LTX}`)
				.map((body) => body.prompt)
				.sort(),
		).toEqual(['Shot 1', 'Shot 2', 'Shot 3']);
		expect(server.stats.peakActive).toBe(3);
		expect(requestsTo('Tool/Detail')).toHaveLength(1);
	});
});

describe('Outputs that are not video', () => {
	const finished = {
		id: '534574',
		socketaccesstoken: 'tok',
		status: 'task_postprocess_end',
		pexit: '0',
		totalcost: '0.003510000000',
		elapsedseconds: '6.0000',
	};

	it("returns a text model's answer from debugoutput (Wiro's Tasks page: LLM answers have no output files)", () => {
		const json = toTaskJson({
			...finished,
			outputs: [],
			debugoutput: 'Hello! How can I help you today?\n',
		});
		expect(json).toMatchObject({
			succeeded: true,
			outputUrls: [],
			text: 'Hello! How can I help you today?',
		});
		expect(
			toToolJson({ ...finished, pexit: '1', outputs: [], debugoutput: 'Traceback…' }).text,
		).toBeUndefined();
	});

	it('returns images and audio like videos, by content type, with no text', () => {
		const outputs = [
			{
				name: '0.png',
				contenttype: 'image/png',
				size: '202472',
				url: 'https://cdn1.wiro.ai/x/0.png',
			},
			{
				name: '1.mp3',
				contenttype: 'audio/mpeg',
				size: '1000',
				url: 'https://cdn1.wiro.ai/x/1.mp3',
			},
		];
		const json = toToolJson({ ...finished, outputs, debugoutput: 'Saved 0.png' });
		expect(json).toMatchObject({
			outputUrls: ['https://cdn1.wiro.ai/x/0.png', 'https://cdn1.wiro.ai/x/1.mp3'],
			outputs: [
				{ name: '0.png', contentType: 'image/png', size: 202472 },
				{ name: '1.mp3', contentType: 'audio/mpeg', size: 1000 },
			],
		});
		expect(json.text).toBeUndefined();
	});
});

describe('The Other Model example workflow', () => {
	it('runs against the local server as saved', async () => {
		const file = join(__dirname, '..', 'examples', 'other-model-image-to-video.json');
		const workflow = JSON.parse(readFileSync(file, 'utf8')) as { nodes: INode[] };
		const node = workflow.nodes.find((candidate) => candidate.type === WIRO_NODE_TYPE) as INode;
		const result = await runWiro(server, { parameters: node.parameters });
		expect(result.status).toBe('success');
		expect(result.output(NODE_NAME)[0].json).toMatchObject({
			model: IMAGE_TO_VIDEO,
			succeeded: true,
		});
		expect(requestsTo(`Run/${IMAGE_TO_VIDEO}`)[0].body).toMatchObject({
			inputImage: '',
			inputImageUrl: expect.stringMatching(/^https:\/\//),
			motion: '0.6',
		});
	});
});
