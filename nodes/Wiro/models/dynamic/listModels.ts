import type { WiroContext } from '../../transport';
import { listModelPage, MODEL_PAGE_SIZE } from './catalog';
import type { WiroModelSummary } from '../types';

/** Wiro's categories of video models (its task categories, as on its model pages). */
export const VIDEO_CATEGORIES = ['text-to-video', 'image-to-video', 'video-to-video'];

export type ModelScope = 'video' | 'all';

/**
 * One page of models for the editor's list. For video models each category is asked on its own
 * and the answers merged: Wiro's docs do not say whether several categories in one request mean
 * any or all of them. A model in two categories is shown under the first only, so pages never
 * repeat one. A category that fails is left out; if all fail, the error is Wiro's.
 */
export async function listModels(
	context: WiroContext,
	query: { search: string; scope: ModelScope; start: number },
): Promise<{ models: WiroModelSummary[]; nextStart?: number }> {
	const categories = query.scope === 'video' ? VIDEO_CATEGORIES : [undefined];
	const pages = await Promise.allSettled(
		categories.map(
			async (category) =>
				await listModelPage(context, { search: query.search, category, start: query.start }),
		),
	);
	const failed = pages.find((page): page is PromiseRejectedResult => page.status === 'rejected');
	if (failed && pages.every((page) => page.status === 'rejected')) throw failed.reason;
	const models: WiroModelSummary[] = [];
	const seen = new Set<string>();
	let full = false;
	pages.forEach((page, index) => {
		if (page.status === 'rejected') return;
		full ||= page.value.length >= MODEL_PAGE_SIZE;
		const earlier = categories.slice(0, index);
		for (const model of page.value) {
			if (
				seen.has(model.slug) ||
				earlier.some((category) => category && model.categories.includes(category))
			)
				continue;
			seen.add(model.slug);
			models.push(model);
		}
	});
	return { models, nextStart: full ? query.start + MODEL_PAGE_SIZE : undefined };
}
