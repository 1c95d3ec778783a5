import type { SequenceAnalysis, SequenceRecord } from '../domain/sequences.js';
import type { Db } from './db.js';

/** Read side of the sequences (src/query/sequences.ts). */

export interface SequenceFilter {
  location: string | null;
  clade: string | null;
  from: string | null;
  to: string | null;
  qc: string | null;
  host: string | null;
}

const WHERE = `WHERE ($1::text IS NULL OR s.location_key = $1::text OR starts_with(s.location_key, $2::text))
  AND ($3::text IS NULL OR s.clade = $3::text)
  AND ($4::date IS NULL OR s.date >= $4::date) AND ($5::date IS NULL OR s.date <= $5::date)
  AND ($6::text IS NULL OR s.qc_status = $6::text) AND ($7::text IS NULL OR s.host = $7::text)`;
const params = (f: SequenceFilter) => [f.location, f.location === null ? null : `${f.location}_`, f.clade, f.from, f.to, f.qc, f.host];

export interface StoredSequence {
  source: string;
  strain: string;
  location_key: string | null;
  record: SequenceRecord;
  analysis: SequenceAnalysis | null;
  analysis_failure: string | null;
}

export async function listSequences(db: Db, f: SequenceFilter, limit: number, offset: number): Promise<{ total: number; rows: StoredSequence[] }> {
  const rows = await db.query<StoredSequence & { total: number }>(
    `SELECT s.source, s.strain, s.location_key, s.record, s.analysis, s.analysis_failure, count(*) OVER ()::int AS total
     FROM sequences s ${WHERE} ORDER BY s.date NULLS LAST, s.strain LIMIT $8 OFFSET $9`,
    [...params(f), limit, offset],
  );
  return { total: rows[0]?.total ?? 0, rows: rows.map(({ total: _, ...r }) => r) };
}

export async function sequenceByStrain(db: Db, strain: string): Promise<StoredSequence | undefined> {
  const [r] = await db.query<StoredSequence>('SELECT source, strain, location_key, record, analysis, analysis_failure FROM sequences WHERE strain = $1 ORDER BY source LIMIT 1', [strain]);
  return r;
}

/** Genomes of the filtered sequences (source, strain, genome), for FASTA. */
export async function sequenceGenomes(db: Db, f: SequenceFilter): Promise<{ source: string; strain: string; genome: string | null }[]> {
  return db.query(`SELECT s.source, s.strain, s.genome FROM sequences s ${WHERE} ORDER BY s.date NULLS LAST, s.strain`, params(f));
}

/** Sequences per period and clade (day-precise dates only; unassigned as null). */
export async function cladeCounts(db: Db, f: SequenceFilter, interval: 'week' | 'month'): Promise<{ period: string; clade: string | null; sequences: number }[]> {
  return db.query(
    `SELECT date_trunc($8::text, s.date)::date AS period, s.clade, count(*)::int AS sequences
     FROM sequences s ${WHERE} AND s.date IS NOT NULL AND s.date_precision = 'day' AND s.analysis IS NOT NULL
     GROUP BY 1, 2 ORDER BY 1, 2 NULLS LAST`,
    [...params(f), interval],
  );
}

/** How many analysed sequences carry each nucleotide and amino-acid substitution. */
export async function mutationCounts(db: Db, f: SequenceFilter, minCount: number): Promise<{ kind: string; mutation: string; sequences: number }[]> {
  return db.query(
    `WITH m AS (
       SELECT 'nuc' AS kind, (x->>'ref') || (x->>'pos') || (x->>'alt') AS mutation FROM sequences s, jsonb_array_elements(s.analysis->'substitutions') x ${WHERE}
       UNION ALL
       SELECT 'aa', (x->>'gene') || ':' || (x->>'ref') || (x->>'pos') || (x->>'alt') FROM sequences s, jsonb_array_elements(s.analysis->'aaSubstitutions') x ${WHERE})
     SELECT kind, mutation, count(*)::int AS sequences FROM m GROUP BY 1, 2 HAVING count(*) >= $8 ORDER BY 3 DESC, 1, 2`,
    [...params(f), minCount],
  );
}

/** Analysed sequences matching the filter (the denominator of frequencies). */
export async function analysedCount(db: Db, f: SequenceFilter): Promise<number> {
  const [r] = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM sequences s ${WHERE} AND s.analysis IS NOT NULL`, params(f));
  return r.n;
}
