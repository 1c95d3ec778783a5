import type { ValidationIssue } from '../../domain/validation.js';

/**
 * Mixed line endings (most lines CRLF, a few LF only) make papaparse, which guesses one line
 * break for the whole file, merge lines. JHU's who_covid_19_sit_rep_time_series.csv has one such
 * line. CRLF is turned into LF (line numbers are unchanged) and the repair is reported.
 */
export function normalizeLineEndings(text: string, file: string): { text: string; issues: ValidationIssue[] } {
  const lfOnly: number[] = [];
  let crlf = 0;
  let line = 1;
  for (let i = 0; i < text.length; i++) {
    if (text.charCodeAt(i) !== 10) continue;
    if (i > 0 && text.charCodeAt(i - 1) === 13) crlf++;
    else lfOnly.push(line);
    line++;
  }
  if (crlf === 0) return { text, issues: [] };
  const normalized = text.replace(/\r\n/g, '\n');
  if (lfOnly.length === 0) return { text: normalized, issues: [] };
  const shown = lfOnly.slice(0, 10).join(', ') + (lfOnly.length > 10 ? `, … (${lfOnly.length} in all)` : '');
  return {
    text: normalized,
    issues: [
      {
        code: 'repaired',
        severity: 'warning',
        file,
        line: lfOnly[0],
        count: lfOnly.length,
        message: `mixed line endings: ${crlf} lines end in CRLF, line(s) ${shown} in LF only; read with every line break as LF (a CSV reader guessing one line break would merge those lines with the next)`,
      },
    ],
  };
}
