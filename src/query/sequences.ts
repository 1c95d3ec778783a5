import { DATASETS } from '../catalog/index.js';
import type { Db } from '../store/db.js';
import { analysedCount, cladeCounts, listSequences, mutationCounts, sequenceByStrain, sequenceGenomes, type SequenceFilter, type StoredSequence } from '../store/read-sequences.js';
import { QueryError } from './errors.js';
import { dateRange, knownLocation } from './params.js';

/** SARS-CoV-2 sequences: list, one with its mutations, clade frequencies, mutation counts, FASTA. */

export interface SequencesRequest {
  location?: string;
  clade?: string;
  from?: string;
  to?: string;
  qc?: 'good' | 'mediocre' | 'bad';
  host?: string;
}

async function filterOf(db: Db, r: SequencesRequest): Promise<SequenceFilter> {
  if (r.location !== undefined) await knownLocation(db, r.location);
  dateRange(r.from, r.to);
  return { location: r.location ?? null, clade: r.clade ?? null, from: r.from ?? null, to: r.to ?? null, qc: r.qc ?? null, host: r.host ?? null };
}

export const SEQUENCE_ROW_COLUMNS = [
  'strain', 'source', 'genbank', 'date', 'date_precision', 'location_key', 'country', 'division', 'host', 'clade', 'clade_reason',
  'qc_status', 'qc_score', 'length', 'n_count', 'substitutions', 'aa_substitutions', 'deletions', 'frame_shifts', 'analysis_failure',
] as const;
export type SequenceRow = Record<(typeof SEQUENCE_ROW_COLUMNS)[number], string | number | null>;

function sequenceRow(s: StoredSequence): SequenceRow {
  const a = s.analysis;
  return {
    strain: s.strain, source: s.source, genbank: s.record.accessions.genbank, date: s.record.date, date_precision: s.record.datePrecision, location_key: s.location_key,
    country: s.record.country, division: s.record.division, host: s.record.host, clade: a?.clade.clade ?? null, clade_reason: a?.clade.reason ?? null,
    qc_status: a?.qc.overall.status ?? null, qc_score: a?.qc.overall.score ?? null, length: a?.length ?? null, n_count: a?.nCount ?? null,
    substitutions: a ? a.substitutions.map((m) => `${m.ref}${m.pos}${m.alt}`).join(' ') : null,
    aa_substitutions: a ? a.aaSubstitutions.map((m) => `${m.gene}:${m.ref}${m.pos}${m.alt}`).join(' ') : null,
    deletions: a ? a.deletions.map((d) => `${d.start}-${d.start + d.length - 1}`).join(' ') : null,
    frame_shifts: a ? a.frameShifts.map((f) => `${f.gene}:${f.codonStart}-${f.codonEnd}`).join(' ') : null,
    analysis_failure: s.analysis_failure,
  };
}

export async function sequences(db: Db, r: SequencesRequest, limit: number, offset: number): Promise<{ total: number; rows: SequenceRow[] }> {
  const { total, rows } = await listSequences(db, await filterOf(db, r), limit, offset);
  return { total, rows: rows.map(sequenceRow) };
}

export async function sequenceDetail(db: Db, strain: string): Promise<{ row: SequenceRow; record: StoredSequence['record']; analysis: StoredSequence['analysis'] }> {
  const s = await sequenceByStrain(db, strain);
  if (!s) throw new QueryError('ERR_SEQUENCE_NOT_FOUND', `no sequence "${strain}" (see /v1/sequences)`, 'strain');
  return { row: sequenceRow(s), record: s.record, analysis: s.analysis };
}

/** Sequences of each clade per period, with its frequency among the period's analysed sequences. */
export async function cladeFrequencies(db: Db, r: SequencesRequest & { interval: 'week' | 'month' }) {
  const rows = await cladeCounts(db, await filterOf(db, r), r.interval);
  const totals = new Map<string, number>();
  for (const x of rows) totals.set(x.period, (totals.get(x.period) ?? 0) + x.sequences);
  return rows.map((x) => ({ period: x.period, clade: x.clade, sequences: x.sequences, frequency: x.sequences / totals.get(x.period)! }));
}

export async function mutationFrequencies(db: Db, r: SequencesRequest & { min_count: number }) {
  const f = await filterOf(db, r);
  const [rows, n] = await Promise.all([mutationCounts(db, f, r.min_count), analysedCount(db, f)]);
  return { analysed: n, data: rows.map((x) => ({ ...x, frequency: n ? x.sequences / n : null })) };
}

/**
 * The selection as FASTA, only from sources whose terms allow serving the genomes (the catalog's
 * redistribution class; GISAID's never); a selection with any other is refused, not trimmed.
 */
export async function sequencesFasta(db: Db, r: SequencesRequest): Promise<string> {
  const genomes = await sequenceGenomes(db, await filterOf(db, r));
  const forbidden = [...new Set(genomes.map((g) => g.source))].filter((source) => {
    const entry = DATASETS.find((d) => d.connectors.includes(source));
    return !entry || entry.redistribution === 'registration-required' || entry.redistribution === 'ids-only' || entry.redistribution === 'unclear';
  });
  if (forbidden.length) throw new QueryError('ERR_NOT_REDISTRIBUTABLE', `the genomes of ${forbidden.join(', ')} may not be served (see /v1/datasets); ask for metadata instead`, 'format');
  return genomes.filter((g) => g.genome).map((g) => `>${g.strain}\n${g.genome!.replace(/(.{80})/g, '$1\n').replace(/\n$/, '')}\n`).join('');
}
