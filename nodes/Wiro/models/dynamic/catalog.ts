import { createHash } from 'crypto';
import type { IDataObject } from 'n8n-workflow';

import {
	WIRO_CODE,
	WiroApiError,
	WIRO_CREDENTIAL,
	wiroBaseUrl,
	wiroRequest,
	type WiroContext,
} from '../../transport';
import { cachedLoad, ExpiringCache } from './expiringCache';
import { splitSlug } from './slug';
import { parseToolDetail } from './toolDetail';
import type { WiroModelDefinition, WiroModelSummary } from '../types';

const TTL_MS = 10 * 60_000;
const details = new ExpiringCache<Promise<WiroModelDefinition>>(200, TTL_MS);
const lists = new ExpiringCache<Promise<WiroModelSummary[]>>(200, TTL_MS);

export const MODEL_PAGE_SIZE = 50;

/**
 * Whose answers these are: the credential's Base URL, key and secret, hashed. Wiro shows each
 * project its own models, so one project's answers are never served to another credential, not
 * even to one with a key Wiro would refuse.
 */
async function projectKey(context: WiroContext): Promise<string> {
	const credentials = await context.getCredentials(WIRO_CREDENTIAL);
	const parts = [
		await wiroBaseUrl(context),
		credentials.authentication,
		credentials.apiKey,
		credentials.apiSecret,
	];
	return createHash('sha256')
		.update(parts.map((part) => String(part ?? '')).join('\n'))
		.digest('hex');
}

/**
 * A model's parameters from `Tool/Detail`, cached per credential and slug for the editor session;
 * the same cache serves executions, so a batch asks Wiro once. Failures are not cached.
 */
export async function loadModelDefinition(
	context: WiroContext,
	slug: string,
): Promise<WiroModelDefinition> {
	const key = `${await projectKey(context)}\n${slug}`;
	return await cachedLoad(details, key, async () => {
		const answer = await wiroRequest(context, 'Tool/Detail', splitSlug(slug)).catch(
			(error: unknown) => {
				throw modelNotLoaded(slug, error);
			},
		);
		return parseToolDetail(slug, answer);
	});
}

/** One page of `Tool/List` for one category (or none), cached per credential and query. */
export async function listModelPage(
	context: WiroContext,
	query: { search: string; category?: string; start: number },
): Promise<WiroModelSummary[]> {
	const key = `${await projectKey(context)}\n${query.category ?? '*'}\n${query.search}\n${query.start}`;
	return await cachedLoad(lists, key, async () => {
		const body: IDataObject = {
			start: String(query.start),
			limit: String(MODEL_PAGE_SIZE),
			search: query.search,
			hideworkflows: true,
			summary: true,
			...(query.category ? { categories: [query.category] } : {}),
		};
		const answer = await wiroRequest(context, 'Tool/List', body);
		const tools = Array.isArray(answer.tool) ? (answer.tool as IDataObject[]) : [];
		return tools.flatMap((tool) => toSummary(tool));
	});
}

function toSummary(tool: IDataObject): WiroModelSummary[] {
	const owner = String(tool.slugowner ?? '');
	const project = String(tool.slugproject ?? '');
	if (!owner || !project) return [];
	const pageOwner = String(tool.cleanslugowner || owner);
	const pageProject = String(tool.cleanslugproject || project);
	return [
		{
			slug: `${owner}/${project}`,
			title: String(tool.title || `${owner}/${project}`),
			description: String(tool.description ?? ''),
			categories: Array.isArray(tool.categories) ? tool.categories.map(String) : [],
			pageUrl: `https://wiro.ai/models/${encodeURIComponent(pageOwner)}/${encodeURIComponent(pageProject)}`,
		},
	];
}

function modelNotLoaded(slug: string, error: unknown): unknown {
	if (!(error instanceof WiroApiError)) return error;
	const said = error.wiro.message;
	if (error.wiroCode === WIRO_CODE.notFound) {
		return error.rephrase({
			message: `Wiro has no model '${slug}' that this project can use (${said.replace(/^Wiro: /, '')})`,
			description:
				"Check the slug: owner/project exactly as Wiro spells it, e.g. from the model's API page on wiro.ai; or pick the model from the list",
		});
	}
	return error.rephrase({
		message: `The parameters of '${slug}' could not be read from Wiro: ${said}`,
	});
}
