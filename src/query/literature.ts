import { bibtex, ris } from '../catalog/citation.js';
import type { DatasetCitation } from '../domain/dataset.js';
import type { Paper, Preprint } from '../domain/literature.js';
import type { Db } from '../store/db.js';
import { paperById, paperCounts, searchPapers, uncountedPapers, type PaperHit } from '../store/read-literature.js';
import { QueryError } from './errors.js';
import { dateRange } from './params.js';

/** The literature: search, one paper (JSON, BibTeX, RIS), papers per period. */

export interface LiteratureSearchRequest {
  q: string;
  from?: string;
  to?: string;
  source?: string;
  server?: string;
  has_doi?: boolean;
}

export async function searchLiterature(db: Db, r: LiteratureSearchRequest, limit: number, offset: number): Promise<{ total: number; rows: PaperHit[] }> {
  if (r.q.trim() === '') throw new QueryError('ERR_BAD_PARAMETER', 'q: give at least one word to search for', 'q');
  dateRange(r.from, r.to);
  return searchPapers(db, { q: r.q, from: r.from ?? null, to: r.to ?? null, source: r.source ?? null, server: r.server ?? null, hasDoi: r.has_doi ?? null }, limit, offset);
}

export interface PaperDetail {
  paper: Paper;
  source: string;
  preprints: Preprint[];
}

export async function literatureItem(db: Db, id: string): Promise<PaperDetail> {
  const found = await paperById(db, id);
  if (!found) throw new QueryError('ERR_PAPER_NOT_FOUND', `no paper "${id}" (ids are CORD-19 cord_uids; see /v1/literature/search)`, 'id');
  return found;
}

/** A paper as a citation (BibTeX or RIS), from what the record holds. */
export function paperCitation(p: Paper, format: 'bibtex' | 'ris'): string {
  const c: DatasetCitation = {
    key: p.id, kind: p.preprintServer ? 'preprint' : 'article', title: p.title ?? '(no title)', authors: p.authors,
    year: p.published ? Number(p.published.iso.slice(0, 4)) : 0, container: p.journal ?? p.preprintServer ?? undefined,
    doi: p.doi ?? undefined, url: p.urls[0],
  };
  return format === 'bibtex' ? bibtex(c) : ris(c);
}

export async function literatureCounts(db: Db, interval: 'week' | 'month', q: string | null): Promise<{ data: { period: string; papers: number }[]; uncounted: number }> {
  const query = q?.trim() ? q : null;
  const [data, uncounted] = await Promise.all([paperCounts(db, interval, query), uncountedPapers(db, interval, query)]);
  return { data, uncounted };
}
