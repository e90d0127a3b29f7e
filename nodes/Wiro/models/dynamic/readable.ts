/**
 * Wiro's labels are often identifiers (`prompt`, `num-frames`, `inferencesteps`, `negativePrompt`);
 * those become words in Title Case. A label that already reads as text is kept.
 */
export function readableLabel(label: string, id: string): string {
	const text = label.trim() || id;
	if (/\s/.test(text)) return text;
	return text
		.replace(/([a-z0-9])([A-Z])/g, '$1 $2')
		.split(/[-_\s]+/)
		.filter(Boolean)
		.map((word) => word.charAt(0).toUpperCase() + word.slice(1))
		.join(' ');
}

/** Text from Wiro shown in the editor as HTML (a resource mapper notice): never markup. */
export function escapeHtml(text: string): string {
	return text
		.replace(/&/g, '&amp;')
		.replace(/</g, '&lt;')
		.replace(/>/g, '&gt;')
		.replace(/"/g, '&quot;');
}
