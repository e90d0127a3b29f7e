import type { ILoadOptionsFunctions, ResourceMapperFields } from 'n8n-workflow';

import { loadModelDefinition } from '../models/dynamic/catalog';
import { toMapperFields } from '../models/fields';
import { escapeHtml } from '../models/dynamic/readable';
import { isModelSlug, SLUG_EXAMPLE } from '../models/dynamic/slug';
import { WiroApiError } from '../transport';

/**
 * The Model Parameters of the chosen Other Model, from Wiro's `Tool/Detail`. When they cannot be
 * had, the editor shows a notice saying why and what to do: it shows the notice of an empty field
 * list, whereas an error thrown here only greys the mapper out.
 */
export async function getModelParameters(
	this: ILoadOptionsFunctions,
): Promise<ResourceMapperFields> {
	const slug = String(
		this.getCurrentNodeParameter('otherModel', { extractValue: true }) ?? '',
	).trim();
	if (slug === '') return notice('Choose a model above to see its parameters');
	if (!isModelSlug(slug))
		return notice(
			`'${slug}' is not a Wiro model slug: enter it as owner/project, e.g. ${SLUG_EXAMPLE}`,
		);
	try {
		const model = await loadModelDefinition(this, slug);
		if (model.parameters.length === 0)
			return notice(`Wiro lists no parameters for ${slug}: it runs as it is`);
		return { fields: toMapperFields(model.parameters) };
	} catch (error) {
		if (error instanceof WiroApiError)
			return notice(`${error.wiro.message.replace(/\.+$/, '')}. ${error.wiro.description}`);
		const reason = error instanceof Error ? error.message : String(error);
		return notice(`The parameters of '${slug}' could not be read from Wiro: ${reason}`);
	}
}

function notice(text: string): ResourceMapperFields {
	return { fields: [], emptyFieldsNotice: escapeHtml(text) };
}
