export type Verdict = 'PASS' | 'FAIL' | 'info' | 'pending';

/** One line of the bench table: a figure, what it is compared against, and the target it must meet. */
export interface Row {
	section: string;
	measure: string;
	measured: string;
	comparedWith: string;
	target: string;
	verdict: Verdict;
}

export const verdictOf = (met: boolean): Verdict => (met ? 'PASS' : 'FAIL');

const HEADER = ['#', 'What', 'Measured', 'Compared against', 'Target', 'Result'];

const escapeCell = (text: string): string => text.replace(/\|/g, '\\|');

/** A Markdown table, so the output can be pasted into the README as it is. */
export function renderTable(rows: Row[]): string {
	const lines = [
		HEADER,
		HEADER.map(() => '---'),
		...rows.map((row) => [
			row.section,
			row.measure,
			row.measured,
			row.comparedWith,
			row.target,
			row.verdict,
		]),
	];
	return lines.map((line) => `| ${line.map(escapeCell).join(' | ')} |`).join('\n');
}
