import type { ValidationIssue } from '../domain/validation.js';

/**
 * Mixed line endings (most lines CRLF, a few LF only) make a CSV reader that guesses one line
 * break for the whole file merge lines; `parseCsvRows` reads every break as LF, and this reports
 * where a file mixed them, as a repair. JHU's who_covid_19_sit_rep_time_series.csv has one such line.
 */
export function mixedLineEndings(text: string, file: string): ValidationIssue[] {
  const lfOnly: number[] = [];
  let crlf = 0;
  let line = 1;
  for (let i = 0; i < text.length; i++) {
    if (text.charCodeAt(i) !== 10) continue;
    if (i > 0 && text.charCodeAt(i - 1) === 13) crlf++;
    else lfOnly.push(line);
    line++;
  }
  if (crlf === 0 || lfOnly.length === 0) return [];
  const shown = lfOnly.slice(0, 10).join(', ') + (lfOnly.length > 10 ? `, … (${lfOnly.length} in all)` : '');
  return [
    {
      code: 'repaired',
      severity: 'warning',
      file,
      line: lfOnly[0],
      count: lfOnly.length,
      message: `mixed line endings: ${crlf} lines end in CRLF, line(s) ${shown} in LF only; read with every line break as LF (a CSV reader guessing one line break would merge those lines with the next)`,
    },
  ];
}
