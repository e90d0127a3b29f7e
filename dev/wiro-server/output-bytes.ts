import { createCipheriv, createHash, type Cipher } from 'crypto';
import { Readable } from 'stream';

/**
 * Output files are generated, never stored: an MP4 "ftyp" box followed by AES-256-CTR
 * keystream keyed by the task uuid. CTR makes the bytes deterministic, cheap to produce
 * in any chunk size, and lets a 300 MB download stream without holding it in memory.
 */
const FTYP_BOX = Buffer.from([
	0x00,
	0x00,
	0x00,
	0x20,
	...Buffer.from('ftypisom'),
	0x00,
	0x00,
	0x02,
	0x00,
	...Buffer.from('isomiso2avc1mp41'),
]);

const CHUNK_SIZE = 64 * 1024;
const ZEROES = Buffer.alloc(CHUNK_SIZE);

function keystream(uuid: string): Cipher {
	const key = createHash('sha256').update(uuid).digest();
	return createCipheriv('aes-256-ctr', key, Buffer.alloc(16));
}

/** Hands out the file's consecutive chunks, then undefined. */
function chunkSource(uuid: string, size: number): () => Buffer | undefined {
	const cipher = keystream(uuid);
	let offset = 0;
	return () => {
		if (offset >= size) return undefined;
		const length = Math.min(CHUNK_SIZE, size - offset);
		const chunk = cipher.update(ZEROES.subarray(0, length));
		if (offset < FTYP_BOX.length)
			FTYP_BOX.copy(chunk, 0, offset, Math.min(FTYP_BOX.length, offset + length));
		offset += length;
		return chunk;
	};
}

export function expectedOutputBytes(uuid: string, size: number): Buffer {
	const next = chunkSource(uuid, size);
	const chunks: Buffer[] = [];
	for (let chunk = next(); chunk; chunk = next()) chunks.push(chunk);
	return Buffer.concat(chunks, size);
}

export function outputDigest(uuid: string, size: number): string {
	const next = chunkSource(uuid, size);
	const hash = createHash('sha256');
	for (let chunk = next(); chunk; chunk = next()) hash.update(chunk);
	return hash.digest('hex');
}

/** A readable that produces the file lazily, honouring backpressure. */
export function createOutputStream(uuid: string, size: number): Readable {
	const next = chunkSource(uuid, size);
	return new Readable({
		read() {
			this.push(next() ?? null);
		},
	});
}
