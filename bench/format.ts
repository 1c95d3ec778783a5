/** Small printing helpers: aligned tables and number formats. */

export type Align = 'l' | 'r';

export function table(headers: string[], rows: string[][], align: Align[] = headers.map((_, i) => (i === 0 ? 'l' : 'r'))): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (align[i] === 'l' ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ').trimEnd();
  return [line(headers), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

export const int = (n: number) => Math.round(n).toLocaleString('en-US');
export const fixed = (n: number, digits = 2) => n.toFixed(digits);
export const seconds = (ms: number) => (ms / 1000).toFixed(2);
export const ratio = (n: number) => `${n.toFixed(2)}×`;
export const percent = (n: number) => `${(n * 100).toFixed(0)} %`;

export interface Verdict {
  goal: string;
  measured: string;
  pass: boolean;
}

export function verdictLines(verdicts: Verdict[]): string {
  return verdicts.map((v) => `${v.pass ? 'PASS' : 'MISS'}  ${v.goal}: ${v.measured}`).join('\n');
}
