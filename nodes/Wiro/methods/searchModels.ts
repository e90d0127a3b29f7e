import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { listModels } from '../models/dynamic/listModels';

/** "From List" of the Other Model locator: Wiro's models matching what was typed, video models unless all were asked for. */
export async function searchModels(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const scope = this.getCurrentNodeParameter('modelListFilter') === 'all' ? 'all' : 'video';
	const start = Math.max(0, Number(paginationToken ?? 0) || 0);
	const page = await listModels(this, { search: (filter ?? '').trim(), scope, start });
	return {
		results: page.models.map((model) => ({
			name: model.title,
			value: model.slug,
			description: model.slug,
			url: model.pageUrl,
		})),
		paginationToken: page.nextStart === undefined ? undefined : String(page.nextStart),
	};
}
