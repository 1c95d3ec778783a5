import { dayFromParts } from '../../domain/dates.js';
import type { MetricId } from '../../domain/metrics.js';
import type { ParsedSource, PlaceRef, SourceInputFile } from '../../domain/series.js';
import { SourceFormatError, type ValidationIssue } from '../../domain/validation.js';
import { eachCsvTableRow, requireRowWidth } from '../../lib/csv.js';
import { LongPivot } from '../kit/long-pivot.js';

type ConsentColumn = 'consent_cases' | 'consent_deaths';

/** Value columns → metrics; split columns depend on the jurisdiction's consent (manifest notes). */
const METRIC_COLUMNS: readonly { column: string; metric: MetricId; consent?: ConsentColumn }[] = [
  { column: 'tot_cases', metric: 'confirmed' },
  { column: 'conf_cases', metric: 'confirmed_lab', consent: 'consent_cases' },
  { column: 'prob_cases', metric: 'probable', consent: 'consent_cases' },
  { column: 'new_case', metric: 'new_confirmed' },
  { column: 'tot_death', metric: 'deaths' },
  { column: 'conf_death', metric: 'deaths_lab', consent: 'consent_deaths' },
  { column: 'prob_death', metric: 'probable_deaths', consent: 'consent_deaths' },
  { column: 'new_death', metric: 'new_deaths' },
];
const REQUIRED = ['submission_date', 'state', ...METRIC_COLUMNS.map((c) => c.column), 'consent_cases', 'consent_deaths'] as const;
/** Columns of the export that are read nowhere (see the manifest notes); listed for the duplicate check. */
const UNUSED = ['pnew_case', 'pnew_death', 'created_at'] as const;
const CONSENT_VALUES = new Set(['Agree', 'Not agree', 'N/A', '']);

/**
 * CDC jurisdictions that are not a US state, DC or a territory with a USPS code: geographic
 * exceptions mapped explicitly (manifest notes). CDC's NY is New York State without NYC.
 */
const NOT_STATES: Record<string, Extract<PlaceRef, { kind: 'code' }>> = {
  NYC: { kind: 'code', system: 'key', code: 'US_NY_NYC', label: 'NYC (New York City)' },
  NY: { kind: 'code', system: 'key', code: 'US_NY_EXCL-NYC', label: 'NY (New York State excluding New York City)' },
  FSM: { kind: 'code', system: 'iso2', code: 'FM', label: 'FSM (Federated States of Micronesia)' },
  RMI: { kind: 'code', system: 'iso2', code: 'MH', label: 'RMI (Republic of the Marshall Islands)' },
  PW: { kind: 'code', system: 'iso2', code: 'PW', label: 'PW (Palau)' },
};

export function placeOfJurisdiction(code: string): PlaceRef {
  return NOT_STATES[code] ?? { kind: 'code', system: 'usps', code, label: code };
}

/** CDC 9mfq-cb36 export (long, unsorted) → one daily series per jurisdiction and metric. */
export function parseCdc(files: SourceInputFile[]): ParsedSource {
  const out: ParsedSource = { series: [], populations: [], issues: [], flags: [] };
  for (const file of files) parseFile(file, out);
  return out;
}

function parseFile(file: SourceInputFile, out: ParsedSource): void {
  let header: string[] = [];
  let col = new Map<string, number>();
  const pivot = new LongPivot({ fileId: file.fileId, file: file.name, metrics: METRIC_COLUMNS.map((c) => c.metric) });
  const discarded = new Map<string, number>();

  const onHeader = (h: string[]) => {
    header = h;
    col = columnIndex(h, file.name);
  };
  eachCsvTableRow(file.text, file.name, onHeader, (f, line) => {
    requireRowWidth(f.length, header.length, file.name, line);
    const cell = (name: string) => f[col.get(name)!].trim();
    const day = parseUsDate(cell('submission_date'));
    if (Number.isNaN(day)) throw new SourceFormatError(`not a date (expected MM/DD/YYYY): ${JSON.stringify(f[col.get('submission_date')!])}`, file.name, line, 'submission_date');
    const state = cell('state');
    if (state === '') throw new SourceFormatError('empty jurisdiction code', file.name, line, 'state');
    const consent: Record<ConsentColumn, string> = { consent_cases: cell('consent_cases'), consent_deaths: cell('consent_deaths') };
    for (const c of ['consent_cases', 'consent_deaths'] as const) {
      if (!CONSENT_VALUES.has(consent[c])) {
        throw new SourceFormatError(`unknown consent value ${JSON.stringify(consent[c])} (expected "Agree", "Not agree", "N/A" or blank)`, file.name, line, c);
      }
    }
    const values = METRIC_COLUMNS.map(({ column, consent: dependsOn }) => {
      const v = parseCount(cell(column), file.name, line, column);
      if (dependsOn && consent[dependsOn] !== 'Agree' && !Number.isNaN(v)) {
        discarded.set(column, (discarded.get(column) ?? 0) + 1);
        return Number.NaN;
      }
      return v;
    });
    // Unused columns still take part in the duplicate check, except created_at (a row timestamp).
    const raw = [...REQUIRED, ...UNUSED.filter((u) => u !== 'created_at' && col.has(u))].map((n) => cell(n)).join(',');

    pivot.add({ key: state, place: placeOfJurisdiction(state), label: state, day, line, values, signature: raw });
  });

  out.series.push(...pivot.series());
  out.issues.push(...pivot.issues());
  out.flags!.push(...pivot.flags());
  if (discarded.size > 0) out.issues.push(consentIssue(file.name, discarded));
}

function columnIndex(header: string[], file: string): Map<string, number> {
  const col = new Map<string, number>();
  header.forEach((h, i) => {
    if (col.has(h)) throw new SourceFormatError(`column ${JSON.stringify(h)} appears twice in the header`, file, 1, h);
    col.set(h, i);
  });
  const missing = REQUIRED.filter((c) => !col.has(c));
  if (missing.length > 0) {
    throw new SourceFormatError(
      `unexpected header: missing column${missing.length > 1 ? 's' : ''} ${missing.map((m) => JSON.stringify(m)).join(', ')} (CDC 9mfq-cb36 export columns: ${REQUIRED.join(', ')})`,
      file,
      1,
    );
  }
  return col;
}

/** MM/DD/YYYY (Socrata's export), month and day with or without a leading zero. */
function parseUsDate(text: string): number {
  const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text);
  return m ? dayFromParts(Number(m[3]), Number(m[1]), Number(m[2])) : Number.NaN;
}

const NUMBER = /^[+-]?\d+(\.\d+)?$/;

/** A count as published; blank is NaN (missing, never 0). */
function parseCount(cell: string, file: string, line: number, column: string): number {
  if (cell === '') return Number.NaN;
  if (!NUMBER.test(cell)) throw new SourceFormatError(`not a number: ${JSON.stringify(cell)}`, file, line, column);
  return Number(cell);
}

function consentIssue(file: string, discarded: Map<string, number>): ValidationIssue {
  const total = [...discarded.values()].reduce((a, b) => a + b, 0);
  const parts = [...discarded].map(([c, n]) => `${c} ${n}`).join(', ');
  return {
    code: 'missing_rule',
    severity: 'info',
    message: `rule cdc-consent: ${total} confirmed/probable cells of rows whose jurisdiction did not agree to publish the split (consent not "Agree") were stored as missing (${parts})`,
    file,
    count: total,
  };
}
