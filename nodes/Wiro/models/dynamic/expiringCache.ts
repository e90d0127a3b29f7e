/**
 * A small map whose entries expire after `ttlMs` and which never holds more than `maxEntries`
 * (the least recently used go first). It keeps Wiro's model list and model details for the editor
 * session, so the panel stays fast without growing for ever in a long-running n8n.
 */
export class ExpiringCache<T> {
	private readonly entries = new Map<string, { value: T; expiresAt: number }>();

	constructor(
		private readonly maxEntries: number,
		private readonly ttlMs: number,
		private readonly now: () => number = Date.now,
	) {}

	get size(): number {
		return this.entries.size;
	}

	get(key: string): T | undefined {
		const entry = this.entries.get(key);
		if (!entry) return undefined;
		this.entries.delete(key);
		if (entry.expiresAt <= this.now()) return undefined;
		this.entries.set(key, entry);
		return entry.value;
	}

	set(key: string, value: T): void {
		this.entries.delete(key);
		this.entries.set(key, { value, expiresAt: this.now() + this.ttlMs });
		while (this.entries.size > this.maxEntries) {
			const oldest = this.entries.keys().next().value;
			if (oldest === undefined) break;
			this.entries.delete(oldest);
		}
	}

	/** Removes `key`, only while it still holds `value` when one is given. */
	delete(key: string, value?: T): void {
		if (value === undefined || this.entries.get(key)?.value === value) this.entries.delete(key);
	}

	clear(): void {
		this.entries.clear();
	}
}

/**
 * The cached answer for `key`, or `load()`'s. The promise itself is cached, so concurrent callers
 * share one request; a failed load is forgotten, so the next call asks again.
 */
export async function cachedLoad<T>(
	cache: ExpiringCache<Promise<T>>,
	key: string,
	load: () => Promise<T>,
): Promise<T> {
	const cached = cache.get(key);
	if (cached) return await cached;
	const pending = load();
	cache.set(key, pending);
	// The caller gets the failure through `pending`; this only drops it from the cache.
	pending.catch(() => cache.delete(key, pending));
	return await pending;
}
