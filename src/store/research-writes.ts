import type { NgramCount } from '../domain/chatter.js';
import type { Paper, Preprint } from '../domain/literature.js';
import type { SequenceAnalysis, SequenceRecord } from '../domain/sequences.js';
import type { Db } from './db.js';

/** Write side of the literature and chatter tables: a run replaces its source's rows (inside the run's transaction). */

/** Rows as one JSON parameter per batch: one statement text, whatever the count. */
async function insertJson(tx: Db, sql: string, rows: readonly object[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 2_000) await tx.query(sql, [JSON.stringify(rows.slice(i, i + 2_000))]);
}

export async function replacePapers(tx: Db, source: string, papers: readonly Paper[]): Promise<void> {
  await tx.query('DELETE FROM papers WHERE source = $1', [source]);
  await insertJson(
    tx,
    `INSERT INTO papers (source, id, title, abstract, doi, published, precision, placeholder, journal, sources, record)
     SELECT x.source, x.id, x.title, x.abstract, x.doi, x.published, x.precision, x.placeholder, x.journal, x.sources, x.record
     FROM json_to_recordset($1::text::json) AS x(source text, id text, title text, abstract text, doi text, published date, precision text, placeholder boolean, journal text, sources text[], record jsonb)`,
    papers.map((p) => ({
      source, id: p.id, title: p.title, abstract: p.abstract, doi: p.doi, published: p.published?.iso ?? null, precision: p.published?.precision ?? null,
      placeholder: p.placeholderDate, journal: p.journal, sources: p.sources, record: p,
    })),
  );
}

export async function replacePreprints(tx: Db, source: string, preprints: readonly Preprint[]): Promise<void> {
  await tx.query('DELETE FROM preprints WHERE source = $1', [source]);
  await insertJson(
    tx,
    `INSERT INTO preprints (source, id, server, doi, posted, title, record)
     SELECT x.source, x.id, x.server, x.doi, x.posted, x.title, x.record FROM json_to_recordset($1::text::json) AS x(source text, id text, server text, doi text, posted date, title text, record jsonb)
     ON CONFLICT (source, id) DO NOTHING`,
    preprints.map((p) => ({ source, id: p.id, server: p.server, doi: p.doi, posted: p.postedDate, title: p.title, record: p })),
  );
}

export async function replaceNgrams(tx: Db, source: string, counts: readonly NgramCount[]): Promise<void> {
  await tx.query('DELETE FROM chatter_ngrams WHERE source = $1', [source]);
  await insertJson(
    tx,
    `INSERT INTO chatter_ngrams (source, date, kind, rank, token, count)
     SELECT x.source, x.date, x.kind, x.rank, x.token, x.count FROM json_to_recordset($1::text::json) AS x(source text, date date, kind text, rank integer, token text, count integer)`,
    counts.map((c) => ({ source, ...c })),
  );
}

export interface SequenceRow {
  strain: string;
  locationKey: string | null;
  record: SequenceRecord;
  analysis: SequenceAnalysis | null;
  /** Why there is no analysis (no sequence, not alignable). */
  failure: string | null;
  genome: string | null;
}

export async function replaceSequences(tx: Db, source: string, rows: readonly SequenceRow[]): Promise<void> {
  await tx.query('DELETE FROM sequences WHERE source = $1', [source]);
  // Genomes are ~30 kB: batches of 100 keep one parameter to a few MB.
  for (let i = 0; i < rows.length; i += 100) {
    const part = rows.slice(i, i + 100).map((r) => ({
      source, strain: r.strain, location_key: r.locationKey, date: r.record.date, date_precision: r.record.datePrecision, host: r.record.host,
      clade: r.analysis?.clade.clade ?? null, qc_status: r.analysis?.qc.overall.status ?? null, qc_score: r.analysis?.qc.overall.score ?? null,
      record: r.record, analysis: r.analysis, analysis_failure: r.failure, genome: r.genome,
    }));
    await tx.query(
      `INSERT INTO sequences (source, strain, location_key, date, date_precision, host, clade, qc_status, qc_score, record, analysis, analysis_failure, genome)
       SELECT x.source, x.strain, x.location_key, x.date, x.date_precision, x.host, x.clade, x.qc_status, x.qc_score, x.record, x.analysis, x.analysis_failure, x.genome
       FROM json_to_recordset($1::text::json) AS x(source text, strain text, location_key text, date date, date_precision text, host text, clade text,
            qc_status text, qc_score float8, record jsonb, analysis jsonb, analysis_failure text, genome text)`,
      [JSON.stringify(part)],
    );
  }
}
