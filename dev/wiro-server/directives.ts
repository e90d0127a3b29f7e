/** Outcome hints a workflow can put in its prompt; see the list in index.ts. */
export interface PromptDirectives {
	fail: boolean;
	durationMs?: number;
	sizeBytes?: number;
	queueMs?: number;
}

export function parseDirectives(prompt: unknown): PromptDirectives {
	const text = typeof prompt === 'string' ? prompt : '';
	const numberAfter = (name: string): number | undefined => {
		const match = new RegExp(`#${name}=(\\d+)`).exec(text);
		return match ? Number(match[1]) : undefined;
	};
	return {
		fail: /#fail\b/.test(text),
		durationMs: numberAfter('duration'),
		sizeBytes: numberAfter('size'),
		queueMs: numberAfter('queue'),
	};
}
