import { csvLine } from '../../lib/csv-write.js';
import { rtView, type RtRequest } from '../../query/rt.js';
import { COVID_SERIAL_INTERVAL, RT_MAX_WINDOW } from '../../query/rt.js';
import { isIsoDate } from '../../domain/dates.js';
import { RT_DEFAULTS } from '../../models/rt/estimate-rt.js';
import { RT_ROW_COLUMNS } from '../../models/rt/rt-report.js';
import type { Db } from '../../store/db.js';
import { CliError, EXIT } from '../errors.js';

/** `glacier rt` options as commander gives them (strings). */
export interface RtCommandOptions {
  location: string;
  metric?: string;
  source?: string;
  asOf?: string;
  from?: string;
  to?: string;
  meanSi?: string;
  stdSi?: string;
  siDistr?: string;
  window?: string;
  windows?: string;
  includeEarly?: boolean;
  dateBy?: string;
}

const usage = (message: string) => new CliError(message, EXIT.usage);

function number(name: string, text: string | undefined, fallback: number, ok: (v: number) => boolean, rule: string): number {
  if (text === undefined) return fallback;
  const v = Number(text);
  if (text.trim() === '' || !Number.isFinite(v) || !ok(v)) throw usage(`--${name} must be ${rule} (got ${JSON.stringify(text)})`);
  return v;
}

function dateBy(text: string | undefined): 'report' | 'onset' {
  if (text === undefined || text === 'report' || text === 'onset') return text ?? 'report';
  throw usage(`--date-by must be report or onset (got ${JSON.stringify(text)})`);
}

function date(name: string, text: string | undefined): string | null {
  if (text === undefined) return null;
  if (!isIsoDate(text)) throw usage(`--${name} must be a date written YYYY-MM-DD (got ${JSON.stringify(text)})`);
  return text;
}

/** Checks the options (exit 2 on a bad one) into the request the API's /v1/models/rt answers. */
export function rtRequest(o: RtCommandOptions): RtRequest {
  return {
    location: o.location,
    metric: o.metric ?? 'confirmed',
    source: o.source ?? 'best',
    asOf: date('as-of', o.asOf),
    from: date('from', o.from),
    to: date('to', o.to),
    meanSi: number('mean-si', o.meanSi, COVID_SERIAL_INTERVAL.mean, (v) => v > 1, 'a number of days > 1'),
    stdSi: number('std-si', o.stdSi, COVID_SERIAL_INTERVAL.sd, (v) => v > 0, 'a number of days > 0'),
    siDistr: o.siDistr ?? null,
    window: number('window', o.window, RT_DEFAULTS.window, (v) => Number.isInteger(v) && v >= 1 && v <= RT_MAX_WINDOW, `a whole number of days in 1..${RT_MAX_WINDOW}`),
    windows: o.windows ?? null,
    meanPrior: RT_DEFAULTS.prior.mean,
    stdPrior: RT_DEFAULTS.prior.sd,
    includeEarly: o.includeEarly ?? false,
    dateBy: dateBy(o.dateBy),
  };
}

export type RtOutputFormat = 'csv' | 'json';

export function rtFormat(text: string | undefined): RtOutputFormat {
  const format = text ?? 'csv';
  if (format !== 'csv' && format !== 'json') throw usage(`--format must be csv or json (got ${JSON.stringify(format)})`);
  return format;
}

/** Rt by window for one location, written as CSV or JSON (the API's columns and {meta, data}) to `write`. */
export async function printRt(db: Db, request: RtRequest, format: RtOutputFormat, write: (text: string) => void): Promise<void> {
  const view = await rtView(db, request);
  if (format === 'json') return write(JSON.stringify({ meta: view.meta, data: view.rows }) + '\n');
  write(csvLine(RT_ROW_COLUMNS));
  for (const row of view.rows) write(csvLine(RT_ROW_COLUMNS.map((c) => row[c])));
}
