import { isJsonObject, parseJsonOrUndefined } from './json-guards';

/** The `message` of each JSON log line (n8n runs with N8N_LOG_FORMAT=json), else the raw line. */
export function logMessages(lines: readonly string[]): string[] {
	return lines.map((line) => {
		const parsed = line.trimStart().startsWith('{') ? parseJsonOrUndefined(line) : undefined;
		return isJsonObject(parsed) && typeof parsed['message'] === 'string' ? parsed['message'] : line;
	});
}
