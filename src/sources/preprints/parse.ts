import type { Paper, ParsedLiterature, Preprint, PreprintLink } from '../../domain/literature.js';
import type { SourceInputFile } from '../../domain/series.js';
import { readLiteratureCsv } from '../cord19/table.js';
import { addUnique, normalizeDoi, stripMarkup } from '../cord19/text.js';
import { IssueLog, quote } from '../kit/issue-log.js';

/** The columns of nicholasmfraser/covid19_preprints' covid19_preprints.csv; "NA" marks a missing value. */
export const PREPRINT_COLUMNS = {
  source: ['source'],
  doi: ['doi'],
  arxiv_id: ['arxiv_id'],
  posted_date: ['posted_date'],
  title: ['title'],
  abstract: ['abstract'],
} as const;

function cell(log: IssueLog, raw: string, column: string, line: number): string | null {
  const t = raw.trim();
  if (t === 'NA') {
    log.tally('missing_marker', column, line, '"NA"');
    return null;
  }
  return t === '' ? null : t;
}

function cleanText(log: IssueLog, raw: string | null, column: string, line: number): string | null {
  if (raw === null) return null;
  const m = stripMarkup(raw);
  if (m.tags > 0) log.tally('repaired', column, line, 'tags removed', 'held JATS/HTML markup (jats:p, <p>, <sec>, <bold>, escaped &lt;p&gt; …) or entities; tags removed, entities decoded, line breaks collapsed');
  else if (m.entities > 0) log.tally('repaired', column, line, 'entities decoded', 'held JATS/HTML markup (jats:p, <p>, <sec>, <bold>, escaped &lt;p&gt; …) or entities; tags removed, entities decoded, line breaks collapsed');
  else if (/[\r\n]|\s{2,}/.test(raw.trim())) log.tally('stray_whitespace', column, line, 'line breaks or doubled spaces', 'held line breaks or doubled spaces; collapsed');
  return m.value === '' ? null : m.value;
}

/**
 * The preprint list: one Preprint per row. Ids: the normalised DOI, else arXiv:<id> (arXiv rows
 * have no DOI), else line:<n>. A DOI listed twice keeps both rows (reported). Repeated titles
 * (one study posted on two servers) are reported, never merged.
 */
export function parsePreprints(files: SourceInputFile[]): ParsedLiterature {
  if (files.length !== 1) throw new Error(`preprints: expected one file, got ${files.length}`);
  const f = files[0];
  const log = new IssueLog(f.name);
  const table = readLiteratureCsv(f.text, f.name, PREPRINT_COLUMNS);
  if (table.blankLines.length > 0) log.add('row_skipped', `${table.blankLines.length} blank line(s) skipped (first ${table.blankLines.slice(0, 5).join(', ')})`, table.blankLines[0]);
  if (!/\n$/.test(f.text) && table.rows.length > 0) {
    const last = table.rows[table.rows.length - 1].line;
    log.add('row_skipped', `the file does not end with a line break: its last row (line ${last}) may have been cut; kept as read`, last, undefined, 'warning');
  }
  const preprints: Preprint[] = [];
  const byId = new Map<string, number>();
  for (const row of table.rows) {
    const server = cell(log, row.get('source'), 'source', row.line);
    if (server === null) {
      log.add('stray_row', 'a row without a source (server) is not a preprint record; not stored', row.line, 'source');
      continue;
    }
    const doiCell = cell(log, row.get('doi'), 'doi', row.line);
    const d = normalizeDoi(doiCell ?? '');
    if (d.malformed) log.tally('unparseable_cell', 'doi', row.line, quote(d.raw ?? ''), 'are not DOIs ("10.<registrant>/<suffix>"); kept raw in doiRaw, never used to link');
    for (const c of d.changes) log.tally('repaired', 'doi', row.line, c, 'were normalised (lower case, no resolver prefix, no spaces)');
    const arxivId = cell(log, row.get('arxiv_id'), 'arxiv_id', row.line);
    const posted = cell(log, row.get('posted_date'), 'posted_date', row.line);
    let postedDate: string | null = null;
    if (posted !== null) {
      const ok = /^\d{4}-\d{2}-\d{2}$/.test(posted) && !Number.isNaN(Date.parse(`${posted}T00:00:00Z`)) && new Date(`${posted}T00:00:00Z`).toISOString().startsWith(posted);
      if (ok) postedDate = posted;
      else log.tally('unparseable_cell', 'posted_date', row.line, quote(posted), 'are not YYYY-MM-DD dates; no date stored');
    }
    const id = d.doi ?? (arxivId !== null ? `arXiv:${arxivId}` : `line:${row.line}`);
    const p: Preprint = {
      id,
      server,
      doi: d.doi,
      doiRaw: d.raw,
      doiMalformed: d.malformed,
      arxivId,
      postedDate,
      title: cleanText(log, cell(log, row.get('title'), 'title', row.line), 'title', row.line),
      abstract: cleanText(log, cell(log, row.get('abstract'), 'abstract', row.line), 'abstract', row.line),
      file: f.name,
      line: row.line,
    };
    const first = byId.get(id);
    if (first !== undefined) {
      log.add('duplicate_row', `preprint ${id} is listed again (first on line ${first}); both rows kept, the repeat as ${id}#line:${row.line}`, row.line, 'doi');
      p.id = `${id}#line:${row.line}`;
    } else byId.set(id, row.line);
    preprints.push(p);
  }
  const titles = new Map<string, Preprint[]>();
  for (const p of preprints) if (p.title !== null) titles.set(p.title.toLowerCase(), [...(titles.get(p.title.toLowerCase()) ?? []), p]);
  const repeated = [...titles.values()].filter((xs) => xs.length > 1);
  if (repeated.length > 0) {
    const n = repeated.reduce((s, xs) => s + xs.length, 0);
    log.add(
      'duplicate_row',
      `${repeated.length} titles are shared by ${n} preprints (${repeated
        .slice(0, 4)
        .map((xs) => xs.map((x) => `${x.server} line ${x.line}`).join(' / '))
        .join('; ')}${repeated.length > 4 ? `; ${repeated.length - 4} more` : ''}): one study posted on two servers; kept as separate preprints (titles never merge records)`,
      repeated[0][1].line,
      'title',
      'info',
    );
  }
  return { papers: [], preprints, issues: log.issues() };
}

export interface PreprintLinks {
  links: PreprintLink[];
  /** Preprints linked to no paper (those without a DOI included). */
  unmatched: number;
  /** Of the unmatched, how many have no usable DOI (arXiv rows, blank or malformed DOIs). */
  withoutDoi: number;
}

/**
 * Links each preprint to the paper with the same normalised DOI (any of the paper's DOIs).
 * Pure; titles are never used (different studies share titles, one study has several).
 */
export function linkPreprints(papers: readonly Paper[], preprints: readonly Preprint[]): PreprintLinks {
  const byDoi = new Map<string, Paper>();
  for (const p of papers) for (const d of p.ids.doi) if (!byDoi.has(d)) byDoi.set(d, p);
  const links: PreprintLink[] = [];
  let withoutDoi = 0;
  for (const pre of preprints) {
    if (pre.doi === null) {
      withoutDoi++;
      continue;
    }
    const paper = byDoi.get(pre.doi);
    if (paper) links.push({ preprintId: pre.id, paperId: paper.id, doi: pre.doi, server: pre.server });
  }
  return { links, unmatched: preprints.length - links.length, withoutDoi };
}

/** Copies of the papers with the links applied: ids.preprint filled, preprintServer set where the paper had none. */
export function applyPreprintLinks(papers: readonly Paper[], links: readonly PreprintLink[]): Paper[] {
  const byPaper = new Map<string, PreprintLink[]>();
  for (const l of links) byPaper.set(l.paperId, [...(byPaper.get(l.paperId) ?? []), l]);
  return papers.map((p) => {
    const ls = byPaper.get(p.id);
    if (!ls) return p;
    const preprint = [...p.ids.preprint];
    addUnique(preprint, ls.map((l) => l.preprintId));
    return { ...p, ids: { ...p.ids, preprint }, preprintServer: p.preprintServer ?? ls[0].server };
  });
}
