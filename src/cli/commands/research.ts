import { readFile } from 'node:fs/promises';
import Papa from 'papaparse';
import { csvLine } from '../../lib/csv-write.js';
import { DATASET_TYPES, type DatasetType } from '../../domain/dataset.js';
import { datasetCitation, datasetRecord, listDatasets } from '../../query/datasets.js';
import { CASE_ROW_COLUMNS, cases } from '../../query/cases.js';
import { delayEstimate, incubationEstimate } from '../../query/delays.js';
import { auditImagingSplit, buildImagingSplits } from '../../query/imaging-splits.js';
import type { Db } from '../../store/db.js';
import { CliError, EXIT } from '../errors.js';

/** `glacier datasets`, `citation`, `imaging-splits`, `imaging-audit`, `cases`, `delays`: the research-data use cases on the command line. */

type Write = (text: string) => void;

export async function printDatasets(db: Db, opts: { type?: string; q?: string; local?: boolean; format?: string }, write: Write): Promise<void> {
  if (opts.type !== undefined && !(DATASET_TYPES as readonly string[]).includes(opts.type)) {
    throw new CliError(`--type must be one of ${DATASET_TYPES.join(', ')} (got ${JSON.stringify(opts.type)})`, EXIT.usage);
  }
  const views = await listDatasets(db, {
    type: (opts.type as DatasetType | undefined) ?? null, modality: null, redistribution: null, commercial: null, local: opts.local ? true : null, access: null, q: opts.q ?? null,
  });
  const records = views.map(datasetRecord);
  if (opts.format === 'json') return write(`${JSON.stringify(records, null, 2)}\n`);
  write(csvLine(['id', 'type', 'redistribution', 'commercial_use', 'license', 'local_rows', 'title']));
  for (const d of records) {
    const rows = d.local.filter((h) => h.table !== 'series').reduce((n, h) => n + h.rows, 0);
    write(csvLine([d.id, d.type, d.redistribution, d.commercial_use, d.license.spdx ?? d.license.name, rows, d.title]));
  }
}

export function printCitation(id: string, format: string | undefined, write: Write): void {
  const f = format ?? 'bibtex';
  if (f !== 'bibtex' && f !== 'ris') throw new CliError(`--format must be bibtex or ris (got ${JSON.stringify(f)})`, EXIT.usage);
  write(datasetCitation(id, f));
}

export async function printImagingSplits(db: Db, opts: { dataset?: string; finding?: string; ratios?: string; seed?: string }, write: Write): Promise<void> {
  const seed = opts.seed === undefined ? 0 : Number(opts.seed);
  if (!Number.isInteger(seed) || seed < 0 || seed > 4294967295) throw new CliError(`--seed must be an integer from 0 to 4294967295 (got ${JSON.stringify(opts.seed)})`, EXIT.usage);
  const built = await buildImagingSplits(db, { dataset: opts.dataset ?? null, finding: opts.finding ?? null, ratios: opts.ratios ?? '0.7,0.15,0.15', seed });
  write(csvLine(['dataset', 'image_id', 'patient', 'finding', 'split']));
  for (const r of built.rows) write(csvLine([r.dataset, r.image_id, r.patient, r.finding, r.split]));
}

/** Audits a CSV file with a header naming dataset, image_id and split; prints the audit as JSON; exit 1 when it finds leakage. */
export async function printImagingAudit(db: Db, file: string, write: Write): Promise<boolean> {
  const text = await readFile(file, 'utf8').catch((err: Error) => {
    throw new CliError(`cannot read ${file}: ${err.message}`, EXIT.usage);
  });
  const parsed = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: 'greedy', transformHeader: (h) => h.trim() });
  const missing = ['dataset', 'image_id', 'split'].filter((c) => !parsed.meta.fields?.includes(c));
  if (missing.length) throw new CliError(`${file}, line 1: the header must name dataset, image_id and split (missing ${missing.join(', ')})`, EXIT.usage);
  const audit = await auditImagingSplit(db, parsed.data.map((r) => ({ dataset: r.dataset.trim(), image_id: r.image_id.trim(), split: r.split.trim() })));
  write(`${JSON.stringify(audit, null, 2)}\n`);
  return audit.leakage;
}

/** `glacier cases`: case records as CSV (every page), filtered as /v1/cases. */
export async function printCases(db: Db, opts: { source?: string; location?: string; sex?: string; outcome?: string; asOf?: string; has?: string }, write: Write): Promise<void> {
  const request = { source: opts.source, location: opts.location, sex: opts.sex, outcome: opts.outcome, as_of: opts.asOf, has: opts.has };
  write(csvLine([...CASE_ROW_COLUMNS]));
  for (let offset = 0; ; offset += CLI_PAGE) {
    const { rows } = await cases(db, request, CLI_PAGE, offset);
    for (const r of rows) write(csvLine(CASE_ROW_COLUMNS.map((c) => r[c])));
    if (rows.length < CLI_PAGE) break;
  }
}
const CLI_PAGE = 5_000;

/** `glacier delays`: the delay between two events (or the incubation period) as JSON. */
export async function printDelays(db: Db, opts: { from?: string; to?: string; source?: string; location?: string; samples?: string; incubation?: boolean }, write: Write): Promise<void> {
  const samples = opts.samples === undefined ? 1000 : Number(opts.samples);
  if (!Number.isInteger(samples) || samples < 50 || samples > 2000) throw new CliError(`--samples must be an integer from 50 to 2000 (got ${JSON.stringify(opts.samples)})`, EXIT.usage);
  const filters = { source: opts.source, location: opts.location, samples };
  const result = opts.incubation
    ? await incubationEstimate(db, filters)
    : await delayEstimate(db, { ...filters, from_event: opts.from ?? 'onset', to_event: opts.to ?? 'confirmation' });
  write(`${JSON.stringify(result, null, 2)}\n`);
}
