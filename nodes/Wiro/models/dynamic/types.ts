/**
 * A Wiro model read from `Tool/Detail` rather than curated here: the same "model is data" idea,
 * with Wiro's own description as the data.
 */

/** How a parameter is filled in, from Wiro's item types. */
export type ParameterKind = 'text' | 'textarea' | 'select' | 'number' | 'file';

/**
 * Wiro's three file inputs (Model Parameters page): `fileinput` takes one file or URL (URL in
 * `{id}Url`), `multifileinput` several (URLs comma-separated in `{id}Url`), `combinefileinput`
 * several, files and URLs alike in `{id}` itself.
 */
export type FileMode = 'single' | 'multiple' | 'combined';

export interface ParameterOption {
	value: string;
	label: string;
}

export interface WiroParameter {
	/** Wiro's parameter name, the key in the Run body. */
	id: string;
	/** Wiro's label, made readable (e.g. `num-frames` becomes "Num Frames"). */
	label: string;
	kind: ParameterKind;
	/** Wiro's own item type, e.g. `range` or `combinefileinput`. */
	wiroType: string;
	fileMode?: FileMode;
	required: boolean;
	note: string;
	default?: string;
	options?: ParameterOption[];
	min?: number;
	max?: number;
}

export interface WiroModelDefinition {
	/** `owner/project`, as in `POST /Run/{owner}/{project}`. */
	slug: string;
	title: string;
	description: string;
	categories: string[];
	parameters: WiroParameter[];
}

/** A model as `Tool/List` lists it. */
export interface WiroModelSummary {
	slug: string;
	title: string;
	description: string;
	categories: string[];
	/** The model's page on wiro.ai. */
	pageUrl: string;
}
