/** `owner/project`, as in `POST /Run/{owner}/{project}` (Wiro slugs may hold spaces and dots). */
const SLUG = /^[^/\s][^/]*\/[^/]*[^/\s]$/;

export const SLUG_EXAMPLE = 'wiroai/Image-To-Video-Demo';

export function isModelSlug(value: string): boolean {
	return SLUG.test(value);
}

export function splitSlug(slug: string): { slugowner: string; slugproject: string } {
	const [slugowner, slugproject] = slug.split('/');
	return { slugowner, slugproject };
}
