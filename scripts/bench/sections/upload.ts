import { createHash, randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdtemp, open, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type ResourceMapperField,
} from 'n8n-workflow';

import { WiroApi } from '../../../credentials/WiroApi.credentials';
import { Wiro } from '../../../nodes/Wiro/Wiro.node';
import { runWorkflow, testNodeDescription, workflowNode } from '../../../dev/workflow-runner';
import {
	NODE_NAME,
	SIGNATURE_KEY,
	SIGNATURE_SECRET,
	WIRO_NODE_TYPE,
} from '../../../dev/workflow-runner/runWiro';
import { megabytes, ratio } from '../numbers';
import { collectGarbage, sampleRss } from '../rssSampler';
import { verdictOf, type Row } from '../table';
import { UploadReceiver } from '../uploadReceiver';

const FILE_BYTES = 200 * 2 ** 20;
const TARGET_GROWTH_BYTES = 100 * 2 ** 20;
const READ_FILE_TYPE = 'n8n-nodes-bench.readInputFile';

export interface UploadFigures {
	growthBytes: number;
	bodyBytes: number;
	contentLength?: string;
	fileExact: boolean;
	status: string;
	error?: string;
}

/** Reads the bench's input file into binary field `data`, as n8n's Read File node does (streamed into the binary store). */
class ReadInputFile implements INodeType {
	static path = '';

	description = testNodeDescription({
		displayName: 'Read Input File',
		name: 'readInputFile',
		description: 'Puts the bench input file in binary field "data"',
	});

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const binary = await this.helpers.prepareBinaryData(
			createReadStream(ReadInputFile.path),
			'input.mp4',
			'video/mp4',
		);
		return [[{ json: {}, binary: { data: binary }, pairedItem: { item: 0 } }]];
	}
}

async function writeInputFile(path: string): Promise<string> {
	const hash = createHash('sha256');
	const file = await open(path, 'w');
	try {
		for (let written = 0; written < FILE_BYTES; written += 2 ** 20) {
			const chunk = randomBytes(2 ** 20);
			hash.update(chunk);
			await file.write(chunk);
		}
	} finally {
		await file.close();
	}
	return hash.digest('hex');
}

const field = (
	id: string,
	displayName: string,
	type: ResourceMapperField['type'],
	required = false,
): ResourceMapperField => ({
	id,
	displayName,
	type,
	required,
	defaultMatch: false,
	canBeUsedToMatch: false,
	display: true,
	removed: false,
});

/**
 * Other Model with a 200 MiB binary input (an image-to-video or video-to-video model's file
 * input): the Run request's multipart body, while the process's RSS is sampled every 20 ms.
 */
export async function measureUpload(): Promise<UploadFigures> {
	const directory = await mkdtemp(join(tmpdir(), 'wiro-bench-upload-'));
	const receiver = new UploadReceiver(directory);
	try {
		ReadInputFile.path = join(directory, 'input.mp4');
		const digest = await writeInputFile(ReadInputFile.path);
		await receiver.start();
		const schema = [
			field('inputImage', 'Input Image (URL or Binary Field)', 'string', true),
			field('prompt', 'Prompt', 'string'),
			field('motion', 'Motion (0 to 1)', 'number'),
		];
		collectGarbage();
		const sampler = sampleRss(20);
		const baseline = process.memoryUsage.rss();
		const run = await runWorkflow({
			nodeTypes: { [WIRO_NODE_TYPE]: new Wiro(), [READ_FILE_TYPE]: new ReadInputFile() },
			credentialTypes: { wiroApi: new WiroApi() },
			credentials: {
				wiroApi: {
					authentication: 'signature',
					apiKey: SIGNATURE_KEY,
					apiSecret: SIGNATURE_SECRET,
					baseUrl: receiver.baseUrl,
				},
			},
			items: [{}],
			timeoutMs: 300_000,
			nodes: [
				workflowNode('Read Input File', READ_FILE_TYPE, {}),
				workflowNode(NODE_NAME, WIRO_NODE_TYPE, {
					resource: 'video',
					operation: 'generate',
					model: 'other',
					otherModel: { __rl: true, mode: 'slug', value: receiver.slug },
					modelParameters: {
						mappingMode: 'defineBelow',
						value: { inputImage: 'data', motion: 0.5 },
						matchingColumns: [],
						schema,
						attemptToConvertTypes: false,
						convertFieldsToString: false,
					},
					waitMode: 'none',
				}),
			],
		});
		const peak = sampler.stop();
		const uploaded = await receiver.uploadedFile('inputImage');
		const uploadedDigest = uploaded ? createHash('sha256').update(uploaded).digest('hex') : '';
		return {
			growthBytes: peak - baseline,
			bodyBytes: receiver.run?.bytes ?? 0,
			contentLength: receiver.run?.contentLength,
			fileExact: uploaded?.length === FILE_BYTES && uploadedDigest === digest,
			status: run.status,
			error: run.error?.message,
		};
	} finally {
		await receiver.stop();
		await rm(directory, { recursive: true, force: true });
	}
}

export function uploadRows(figures: UploadFigures): Row[] {
	const length =
		figures.contentLength === undefined
			? 'no content-length (chunked)'
			: `content-length ${figures.contentLength}`;
	const outcome =
		figures.status === 'success' ? '' : `; run ${figures.status}: ${figures.error ?? ''}`;
	return [
		{
			section: '8',
			measure:
				'Memory: Other Model with one 200 MiB file input (binary data, filesystem mode) uploaded as multipart',
			measured: `peak RSS growth ${megabytes(figures.growthBytes)} = ${ratio(figures.growthBytes / FILE_BYTES)} the file; server received ${figures.bodyBytes} bytes (${length}), file part ${figures.fileExact ? 'byte-exact' : 'NOT byte-exact'}${outcome}`,
			comparedWith: `file size ${megabytes(FILE_BYTES)}`,
			target: `growth < ${megabytes(TARGET_GROWTH_BYTES)}, file intact`,
			verdict: verdictOf(
				figures.growthBytes < TARGET_GROWTH_BYTES &&
					figures.fileExact &&
					figures.status === 'success',
			),
		},
	];
}
