import type { IDataObject } from 'n8n-workflow';

/**
 * A Wiro model is Wiro's own description of its inputs (the items of `Tool/Detail`), read from
 * Wiro for any model, written down here for a curated one together with its fixed n8n
 * presentation. Both go through the same field builder, validator and body builder.
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

/** One input of a model, as Wiro describes it. */
export interface WiroParameter {
	/** Wiro's parameter name, the key in the Run body. */
	id: string;
	/** The n8n parameter that holds the value: a curated field's name, else Wiro's id. */
	name: string;
	/** Wiro's label, made readable (e.g. `num-frames` becomes "Num Frames"), or a curated field's display name. */
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
	/** Only whole numbers (Wiro does not say; curated models do). */
	integer?: boolean;
}

/** A problem with the values the user gave, found before anything is sent. */
export interface FieldProblem {
	field: string;
	message: string;
	description: string;
}

/** Rules that span several fields (e.g. 1080p cannot be 8 s long), on the body's plain values. */
export type CrossCheck = (body: IDataObject) => FieldProblem | undefined;

/** What the body builder needs of any model. */
export interface RunnableModel {
	/** `owner/project`, as in `POST /Run/{owner}/{project}`. */
	slug: string;
	parameters: WiroParameter[];
	crossCheck?: CrossCheck;
}

/** A model read from Wiro's `Tool/Detail`. */
export interface WiroModelDefinition extends RunnableModel {
	title: string;
	description: string;
	categories: string[];
}

/**
 * One input of a curated model: Wiro's item (id, type, required, options, limits) with its fixed
 * n8n presentation (display name, the seed's default, description, editor rows).
 */
export interface CuratedInput {
	/** Wiro's parameter name, the key in the Run body (e.g. `Watermark`). */
	id: string;
	/** Wiro's item type; Wiro's `range` and numbers are `number`. */
	type: 'text' | 'textarea' | 'select' | 'number';
	/** The field's display name. */
	label: string;
	/** The n8n parameter name, when it is not Wiro's id. */
	name?: string;
	required?: boolean;
	/** The seed's default, typed as the field holds it. */
	default: string | number;
	/** Choices of a select; `label` is the name shown in the editor. */
	options?: ParameterOption[];
	min?: number;
	max?: number;
	integer?: boolean;
	description: string;
	/** Editor rows of a text field. */
	rows?: number;
}

/** A curated model: one data file and one line in the registry (`models/index.ts`). */
export interface CuratedModel {
	slug: string;
	displayName: string;
	description: string;
	inputs: CuratedInput[];
	crossCheck?: CrossCheck;
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
