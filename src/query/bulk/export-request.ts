import { QueryError } from '../errors.js';
import { isoDate, splitList } from '../params.js';
import { BULK_FORMATS, type BulkFormat } from './datapackage.js';
import { BULK_TABLES } from './tables.js';

export interface ExportRequest {
  asOf: string | null;
  formats: BulkFormat[];
  tables: string[] | null;
}

/** `glacier export` flags checked: each mistake a coded error naming the flag. */
export function exportRequest(opts: { asOf?: string; format?: string; tables?: string }): ExportRequest {
  const formats = opts.format === undefined ? [...BULK_FORMATS] : splitList(opts.format);
  for (const f of formats) {
    if (!BULK_FORMATS.includes(f as BulkFormat)) throw new QueryError('ERR_BAD_PARAMETER', `--format: unknown format "${f}"; use ${BULK_FORMATS.join(', ')}`, '--format');
  }
  if (!formats.length) throw new QueryError('ERR_BAD_PARAMETER', '--format: no format given', '--format');
  const tables = opts.tables === undefined ? null : splitList(opts.tables);
  for (const t of tables ?? []) {
    if (!BULK_TABLES.some((x) => x.name === t)) throw new QueryError('ERR_BAD_PARAMETER', `--tables: unknown table "${t}"; use ${BULK_TABLES.map((x) => x.name).join(', ')}`, '--tables');
  }
  return { asOf: opts.asOf === undefined ? null : isoDate(opts.asOf, '--as-of'), formats: formats as BulkFormat[], tables };
}
