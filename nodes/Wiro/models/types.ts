import type { IDataObject, INodeProperties } from 'n8n-workflow';

/** A numeric field's accepted range, checked before anything is sent. */
export interface NumberRange {
	min: number;
	max: number;
	integer?: boolean;
}

/** One model field: the n8n parameter, the Wiro parameter it becomes, and how it is checked. */
export interface ModelField {
	/** The parameter name Wiro expects (e.g. `Watermark`). */
	apiName: string;
	/** The n8n parameter, without displayOptions: the registry scopes it to its model. */
	property: INodeProperties;
	/** How Wiro wants the value sent; default: as the parameter holds it. */
	send?: 'string' | 'number';
	range?: NumberRange;
}

/** A problem with the values the user gave, found before anything is sent. */
export interface FieldProblem {
	field: string;
	message: string;
	description: string;
}

export interface WiroModel {
	/** `owner/project`, as in `POST /Run/{owner}/{project}`. */
	slug: string;
	displayName: string;
	description: string;
	fields: ModelField[];
	/** Rules that span several fields (e.g. 1080p cannot be 8 s long). */
	crossCheck?: (body: IDataObject) => FieldProblem | undefined;
}
