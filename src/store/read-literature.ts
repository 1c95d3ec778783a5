import type { Paper, Preprint } from '../domain/literature.js';
import type { Db } from './db.js';

/** Read side of the literature tables (src/query/literature.ts). */

export interface PaperSearch {
  q: string;
  from: string | null;
  to: string | null;
  /** A CORD-19 `source_x` value (PMC, Elsevier, medRxiv, …). */
  source: string | null;
  /** A preprint server: papers whose DOI is a preprint of that server. */
  server: string | null;
  hasDoi: boolean | null;
}

export interface PaperHit {
  id: string;
  title: string | null;
  doi: string | null;
  published: string | null;
  precision: string | null;
  placeholder: boolean;
  journal: string | null;
  sources: string[];
  rank: number;
  /** The best fragments of the abstract (or title), matches between ** and **. */
  highlight: string | null;
}

/**
 * Ranked full-text search (PostgreSQL text search, `websearch_to_tsquery` syntax: words, "phrases",
 * -not, or) over title (weight A) and abstract (B), filtered; highlights only for the page asked.
 */
export async function searchPapers(db: Db, s: PaperSearch, limit: number, offset: number): Promise<{ total: number; rows: PaperHit[] }> {
  const rows = await db.query<PaperHit & { total: number }>(
    `WITH q AS (SELECT websearch_to_tsquery('english', $1) AS q),
     hits AS (
       SELECT p.id, p.title, p.abstract, p.doi, p.published, p.precision, p.placeholder, p.journal, p.sources,
              ts_rank_cd(p.search, q.q) AS rank, count(*) OVER ()::int AS total
       FROM papers p, q
       WHERE p.search @@ q.q
         AND ($2::date IS NULL OR p.published >= $2::date) AND ($3::date IS NULL OR p.published <= $3::date)
         AND ($4::text IS NULL OR $4::text = ANY(p.sources))
         AND ($5::boolean IS NULL OR (p.doi IS NOT NULL) = $5::boolean)
         AND ($6::text IS NULL OR EXISTS (SELECT 1 FROM preprints pr WHERE pr.doi = p.doi AND pr.server = $6::text))
       ORDER BY rank DESC, p.id
       LIMIT $7 OFFSET $8)
     SELECT h.id, h.title, h.doi, h.published, h.precision, h.placeholder, h.journal, h.sources, h.rank::float8 AS rank, h.total,
            ts_headline('english', coalesce(h.abstract, h.title, ''), q.q, 'StartSel=**, StopSel=**, MaxFragments=2, MaxWords=25, MinWords=8, FragmentDelimiter=" … "') AS highlight
     FROM hits h, q ORDER BY h.rank DESC, h.id`,
    [s.q, s.from, s.to, s.source, s.hasDoi, s.server, limit, offset],
  );
  let total = rows[0]?.total ?? 0;
  if (!rows.length && offset > 0) total = (await searchPapers(db, s, 1, 0)).total;
  return { total, rows: rows.map(({ total: _, ...r }) => r) };
}

/** One paper by its id (cord_uid), with the preprints that share its DOI. */
export async function paperById(db: Db, id: string): Promise<{ paper: Paper; source: string; preprints: Preprint[] } | undefined> {
  const [row] = await db.query<{ source: string; record: Paper; preprints: Preprint[] | null }>(
    `SELECT p.source, p.record, (SELECT json_agg(pr.record ORDER BY pr.id) FROM preprints pr WHERE p.doi IS NOT NULL AND pr.doi = p.doi) AS preprints
     FROM papers p WHERE p.id = $1 ORDER BY p.source LIMIT 1`,
    [id],
  );
  return row && { paper: row.record, source: row.source, preprints: row.preprints ?? [] };
}

/** Papers per week or month of publication (day- and month-precise dates only), optionally matching a query. */
export async function paperCounts(db: Db, interval: 'week' | 'month', q: string | null): Promise<{ period: string; papers: number }[]> {
  return db.query(
    `SELECT date_trunc($1::text, p.published)::date AS period, count(*)::int AS papers
     FROM papers p
     WHERE p.published IS NOT NULL AND NOT p.placeholder AND p.precision IN ('day', 'month')
       AND (CASE WHEN $1::text = 'week' THEN p.precision = 'day' ELSE true END)
       AND ($2::text IS NULL OR p.search @@ websearch_to_tsquery('english', $2::text))
     GROUP BY 1 ORDER BY 1`,
    [interval, q],
  );
}

/** Papers left out of the counts: no date, a placeholder date, or too coarse for the interval. */
export async function uncountedPapers(db: Db, interval: 'week' | 'month', q: string | null): Promise<number> {
  const [r] = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM papers p
     WHERE (p.published IS NULL OR p.placeholder OR p.precision = 'year' OR ($1::text = 'week' AND p.precision <> 'day'))
       AND ($2::text IS NULL OR p.search @@ websearch_to_tsquery('english', $2::text))`,
    [interval, q],
  );
  return r.n;
}
