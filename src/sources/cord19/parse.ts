import type { Paper, ParsedLiterature } from '../../domain/literature.js';
import type { SourceInputFile } from '../../domain/series.js';
import type { ValidationIssue } from '../../domain/validation.js';
import { IssueLog, quote } from '../kit/issue-log.js';
import { tidySpaces } from '../kit/text.js';
import { type LiteratureRow, readLiteratureCsv } from './table.js';
import { addUnique, integerId, isMonthEnd, isPlaceholderDate, normalizeDoi, parsePublishDate, splitSemicolons, stripMarkup } from './text.js';

/** The CORD-19 metadata.csv columns read (April-2020 schema), with the later schema's spellings accepted. */
export const METADATA_COLUMNS = {
  cord_uid: ['cord_uid'],
  sha: ['sha'],
  source_x: ['source_x'],
  title: ['title'],
  doi: ['doi'],
  pmcid: ['pmcid'],
  pubmed_id: ['pubmed_id'],
  license: ['license'],
  abstract: ['abstract'],
  publish_time: ['publish_time'],
  authors: ['authors'],
  journal: ['journal'],
  mag_id: ['Microsoft Academic Paper ID', 'mag_id'],
  who_covidence_id: ['WHO #Covidence', 'who_covidence_id'],
  url: ['url'],
} as const;
/** Read when present (later schemas). has_pdf_parse, has_pmc_xml_parse, full_text_file and the *_json_files columns are not read. */
export const METADATA_OPTIONAL = { arxiv_id: ['arxiv_id'] } as const;

/** The asreview CORD19id_date_v8.csv columns; "NA" marks a missing value. */
export const ID_DATE_COLUMNS = {
  cord_uid: ['cord_uid'],
  source_x: ['source_x'],
  doi: ['doi'],
  pmcid: ['pmcid'],
  pubmed_id: ['pubmed_id'],
  date: ['date'],
} as const;

/** File ids in the order they are read (the metadata first: its titles and abstracts win). */
export const CORD19_FILES = ['metadata', 'id-date'] as const;

const PREPRINT_SERVERS: Record<string, string> = { medrxiv: 'medRxiv', biorxiv: 'bioRxiv', arxiv: 'arXiv', chemrxiv: 'ChemRxiv' };

/** Abstract cells that say there is none. */
const ABSTRACT_MARKERS = ['unknown', 'n/a', 'na'];

interface Reader {
  log: IssueLog;
  file: string;
}

function emptyPaper(id: string): Paper {
  return {
    id,
    ids: { cordUid: [id], doi: [], sha: [], pmcid: [], pubmed: [], mag: [], whoCovidence: [], arxiv: [], preprint: [] },
    title: null,
    abstract: null,
    authors: [],
    journal: null,
    doi: null,
    doiRaw: null,
    doiMalformed: false,
    published: null,
    placeholderDate: false,
    license: null,
    sources: [],
    urls: [],
    pubmedId: null,
    preprintServer: null,
    provenance: [],
  };
}

/** One row's reading, before it is merged into the paper of its cord_uid. */
type RowPaper = Paper;

function text(r: Reader, row: LiteratureRow, column: string): string | null {
  const raw = row.get(column);
  const t = tidySpaces(raw.replace(/[\r\n]+/g, ' '));
  if (t.changed && t.value !== '') r.log.tally('stray_whitespace', column, row.line);
  return t.value === '' ? null : t.value;
}

/** An "NA" cell of the id/date table → null (counted). */
function naCell(r: Reader, row: LiteratureRow, column: string): string {
  const v = row.get(column).trim();
  if (v === 'NA') {
    r.log.tally('missing_marker', column, row.line, '"NA"');
    return '';
  }
  return v;
}

function readDoi(r: Reader, row: LiteratureRow, cell: string, p: RowPaper): void {
  const d = normalizeDoi(cell);
  p.doiRaw = d.raw;
  if (d.malformed) {
    p.doiMalformed = true;
    r.log.tally('unparseable_cell', 'doi', row.line, quote(d.raw ?? ''), 'are not DOIs ("10.<registrant>/<suffix>"); kept raw in doiRaw, never used to merge papers or link preprints');
    return;
  }
  for (const c of d.changes) r.log.tally('repaired', 'doi', row.line, c === 'prefix' ? 'resolver prefix removed' : c === 'case' ? 'lower-cased' : 'whitespace removed', 'were normalised (DOIs are case-insensitive; resolver prefixes and spaces are not part of them)');
  if (d.doi !== null) {
    p.doi = d.doi;
    p.ids.doi.push(d.doi);
  }
}

function readPubmed(r: Reader, row: LiteratureRow, cell: string, p: RowPaper): void {
  if (cell.trim() === '') return;
  const id = integerId(cell);
  if (id === null || !Number.isSafeInteger(Number(id.value))) {
    r.log.tally('unparseable_cell', 'pubmed_id', row.line, quote(cell.trim()), 'are not PubMed ids (integers); not stored');
    return;
  }
  if (id.floatSpelling) r.log.tally('repaired', 'pubmed_id', row.line, 'float spelling ("N.0")', 'were spelled as floats ("4361535.0", a pandas export of an integer column with blanks); stored as integers');
  p.ids.pubmed.push(Number(id.value));
}

function readDate(r: Reader, row: LiteratureRow, column: string, cell: string, p: RowPaper): void {
  const raw = cell.trim();
  if (raw === '') return;
  const d = parsePublishDate(raw);
  if (d === null) {
    r.log.tally('unparseable_cell', column, row.line, quote(raw), 'are not dates (YYYY-MM-DD, YYYY-MM, YYYY, "YYYY Mon DD"); no date stored');
    return;
  }
  p.published = d;
  p.placeholderDate = isPlaceholderDate(d);
  const outcome = 'are placeholders or not days: stored with their precision; placeholderDate is set for year-only dates and 31 December (CORD-19\'s day for a date known to the year); other month ends are kept as days (not flagged) and only counted here';
  if (d.precision === 'year') r.log.tally('partial_date', column, row.line, 'year only (placeholder)', outcome);
  else if (d.precision === 'month') r.log.tally('partial_date', column, row.line, 'month only', outcome);
  else if (p.placeholderDate) r.log.tally('partial_date', column, row.line, '31 December (placeholder)', outcome);
  else if (isMonthEnd(d)) r.log.tally('partial_date', column, row.line, 'last day of another month (likely an issue date)', outcome);
}

function preprintServerOf(sources: string[]): string | null {
  for (const s of sources) {
    const server = PREPRINT_SERVERS[s.toLowerCase()];
    if (server) return server;
  }
  return null;
}

function readMetadataRow(r: Reader, row: LiteratureRow, id: string): RowPaper {
  const p = emptyPaper(id);
  p.provenance.push({ file: r.file, line: row.line });
  p.ids.sha = splitSemicolons(row.get('sha'));
  p.sources = splitSemicolons(row.get('source_x'));
  const title = row.get('title');
  if (title.trim() !== '') {
    const m = stripMarkup(title);
    if (m.tags + m.entities > 0) r.log.tally('repaired', 'title', row.line, 'markup removed', 'held JATS/HTML markup or entities; tags removed, entities decoded');
    p.title = m.value === '' ? null : m.value;
  }
  readDoi(r, row, row.get('doi'), p);
  p.ids.pmcid = splitSemicolons(row.get('pmcid'));
  readPubmed(r, row, row.get('pubmed_id'), p);
  p.license = text(r, row, 'license');
  const abstract = row.get('abstract').trim();
  if (abstract !== '') {
    if (ABSTRACT_MARKERS.includes(abstract.toLowerCase())) r.log.tally('missing_marker', 'abstract', row.line, quote(abstract), 'say there is no abstract; stored as null');
    else {
      const m = stripMarkup(abstract);
      if (m.tags + m.entities > 0) r.log.tally('repaired', 'abstract', row.line, 'markup removed', 'held JATS/HTML markup or entities; tags removed, entities decoded');
      p.abstract = m.value === '' ? null : m.value;
    }
  }
  readDate(r, row, 'publish_time', row.get('publish_time'), p);
  for (const a of row.get('authors').split(';')) {
    const t = a.replace(/\s+/g, ' ').trim();
    const cleaned = t.replace(/\s*,$/, '');
    if (cleaned !== t) r.log.tally('stray_whitespace', 'authors', row.line, 'trailing comma', 'had a trailing comma or doubled spaces; stored trimmed');
    else if (/\S\s{2,}\S/.test(a)) r.log.tally('stray_whitespace', 'authors', row.line, 'doubled spaces', 'had a trailing comma or doubled spaces; stored trimmed');
    if (cleaned !== '') p.authors.push(cleaned);
  }
  p.journal = text(r, row, 'journal');
  for (const [column, list] of [
    ['mag_id', p.ids.mag],
    ['who_covidence_id', p.ids.whoCovidence],
    ['arxiv_id', p.ids.arxiv],
  ] as const) {
    for (const v of splitSemicolons(row.get(column))) {
      if (column === 'mag_id') {
        const id = integerId(v);
        if (id === null) r.log.tally('unparseable_cell', column, row.line, quote(v), 'are not integers; kept as written');
        else if (id.floatSpelling) r.log.tally('repaired', column, row.line, 'float spelling ("N.0")', 'were spelled as floats; stored as digits');
        list.push(id?.value ?? v);
      } else list.push(v);
    }
  }
  p.urls = splitSemicolons(row.get('url'));
  return p;
}

function readIdDateRow(r: Reader, row: LiteratureRow, id: string): RowPaper {
  const p = emptyPaper(id);
  p.provenance.push({ file: r.file, line: row.line });
  p.sources = splitSemicolons(naCell(r, row, 'source_x'));
  readDoi(r, row, naCell(r, row, 'doi'), p);
  p.ids.pmcid = splitSemicolons(naCell(r, row, 'pmcid'));
  readPubmed(r, row, naCell(r, row, 'pubmed_id'), p);
  readDate(r, row, 'date', naCell(r, row, 'date'), p);
  return p;
}

/** Merges `b` (a later row or paper) into `a`: every id and list item kept; `a`'s scalars win, differences counted. */
function mergeInto(a: Paper, b: Paper, r: Reader, line: number, detail: string): void {
  addUnique(a.ids.cordUid, b.ids.cordUid);
  for (const k of ['doi', 'sha', 'pmcid', 'mag', 'whoCovidence', 'arxiv', 'preprint'] as const) addUnique(a.ids[k], b.ids[k]);
  addUnique(a.ids.pubmed, b.ids.pubmed);
  addUnique(a.sources, b.sources);
  addUnique(a.urls, b.urls);
  if (a.authors.length === 0) a.authors = b.authors;
  for (const k of ['title', 'abstract', 'journal', 'license'] as const) {
    if (a[k] === null) a[k] = b[k];
    else if (b[k] !== null && b[k] !== a[k]) r.log.tally('conflicting_rows', k, line, detail, `differ between rows merged into one paper; the first is kept`);
  }
  if (a.doi === null && b.doi !== null) a.doi = b.doi;
  else if (a.doi !== null && b.doi !== null && a.doi !== b.doi) r.log.tally('conflicting_rows', 'doi', line, detail, 'differ between rows merged into one paper; the first is Paper.doi, every one is kept in ids.doi');
  if (a.doiRaw === null) {
    a.doiRaw = b.doiRaw;
    a.doiMalformed = b.doiMalformed;
  }
  if (a.published === null) {
    a.published = b.published;
    a.placeholderDate = b.placeholderDate;
  } else if (b.published !== null && b.published.iso !== a.published.iso) {
    r.log.tally('conflicting_rows', 'date', line, detail, 'differ between rows merged into one paper; the first is kept');
  }
  a.provenance.push(...b.provenance);
}

function finish(p: Paper): void {
  p.pubmedId = p.ids.pubmed[0] ?? null;
  p.doi = p.ids.doi[0] ?? null;
  p.preprintServer ??= preprintServerOf(p.sources);
}

/**
 * The CORD-19 connector: the metadata.csv sample and the v8 id/date table, merged into one paper
 * per cord_uid (rows repeating a cord_uid — within or across the files — merge and keep every
 * id), then papers sharing a normalised DOI merged into the first (reported). Titles never merge
 * papers ("Patent reports" is the title of five different items).
 */
export function parseCord19(files: SourceInputFile[]): ParsedLiterature {
  const known = new Set<string>(CORD19_FILES);
  const unknown = files.find((f) => !known.has(f.fileId));
  if (unknown) throw new Error(`cord19: unknown file id ${JSON.stringify(unknown.fileId)} (${unknown.name}); expected ${CORD19_FILES.join(', ')}`);
  if (files.length === 0) throw new Error('cord19: no file given');
  const issues: ValidationIssue[] = [];
  const papers = new Map<string, Paper>();
  /** cord_uid → the file that first listed it (to tell repeats within a file from joins across files). */
  const firstFile = new Map<string, string>();
  for (const fileId of CORD19_FILES) {
    for (const f of files.filter((x) => x.fileId === fileId)) {
      const log = new IssueLog(f.name);
      const r: Reader = { log, file: f.name };
      const table = fileId === 'metadata' ? readLiteratureCsv(f.text, f.name, METADATA_COLUMNS, METADATA_OPTIONAL) : readLiteratureCsv(f.text, f.name, ID_DATE_COLUMNS);
      if (table.blankLines.length > 0) log.add('row_skipped', `${table.blankLines.length} blank line(s) skipped (first ${table.blankLines.slice(0, 5).join(', ')})`, table.blankLines[0]);
      if (!/\n$/.test(f.text) && table.rows.length > 0) {
        const last = table.rows[table.rows.length - 1].line;
        log.add('row_skipped', `the file does not end with a line break: its last row (line ${last}) may have been cut; kept as read`, last, undefined, 'warning');
      }
      let joined = 0;
      const shas = new Map<string, { id: string; line: number }[]>();
      for (const row of table.rows) {
        const id = row.get('cord_uid').trim();
        if (id === '') {
          log.add('stray_row', `a row without a cord_uid is not a paper; not stored`, row.line, 'cord_uid');
          continue;
        }
        const p = fileId === 'metadata' ? readMetadataRow(r, row, id) : readIdDateRow(r, row, id);
        for (const s of p.ids.sha) shas.set(s, [...(shas.get(s) ?? []), { id, line: row.line }]);
        const seen = papers.get(id);
        if (!seen) {
          papers.set(id, p);
          firstFile.set(id, f.name);
          continue;
        }
        if (firstFile.get(id) === f.name) {
          const first = seen.provenance.find((x) => x.file === f.name)?.line;
          log.tally('duplicate_row', 'cord_uid', row.line, `${id} (lines ${first}, ${row.line})`, 'repeat a cord_uid (one paper listed by several sources: PMC and Elsevier, PMC and WHO); merged into one paper keeping every source id');
        } else joined++;
        mergeInto(seen, p, r, row.line, id);
      }
      if (joined > 0) log.add('duplicate_row', `${joined} rows name a cord_uid an earlier file already listed; merged into those papers (ids added, the earlier file's text kept)`, undefined, 'cord_uid', 'info');
      const shared = [...shas].filter(([, xs]) => new Set(xs.map((x) => x.id)).size > 1);
      for (const [sha, xs] of shared) {
        log.add('duplicate_row', `sha ${sha} is listed by ${xs.length} different papers (${xs.map((x) => `${x.id}, line ${x.line}`).join('; ')}): one PDF holding several items; not merged`, xs[1].line, 'sha', 'info');
      }
      issues.push(...log.issues());
    }
  }
  // Papers sharing a DOI: merged into the first (reported).
  const doiLog = new IssueLog(files.map((f) => f.name).join(' + '));
  const byDoi = new Map<string, Paper>();
  const out: Paper[] = [];
  for (const p of papers.values()) {
    let target: Paper | undefined;
    for (const d of p.ids.doi) {
      target = byDoi.get(d);
      if (target) break;
    }
    if (target && target !== p) {
      const line = p.provenance[0].line;
      doiLog.add('duplicate_row', `cord_uid ${p.id} (${p.provenance[0].file}, line ${line}) has the DOI ${target.ids.doi.find((d) => p.ids.doi.includes(d))} of cord_uid ${target.id} (${target.provenance[0].file}, line ${target.provenance[0].line}); merged into ${target.id}, both uids kept in ids.cordUid`, line, 'doi', 'warning');
      mergeInto(target, p, { log: doiLog, file: p.provenance[0].file }, line, `${p.id} → ${target.id}`);
      for (const d of p.ids.doi) byDoi.set(d, target);
      continue;
    }
    for (const d of p.ids.doi) if (!byDoi.has(d)) byDoi.set(d, p);
    out.push(p);
  }
  issues.push(...doiLog.issues());
  // Repeated titles are reported, never merged.
  const titles = new Map<string, string[]>();
  for (const p of out) if (p.title !== null) titles.set(p.title, [...(titles.get(p.title) ?? []), p.id]);
  const repeated = [...titles].filter(([, ids]) => ids.length > 1).sort((a, b) => b[1].length - a[1].length);
  if (repeated.length > 0) {
    const n = repeated.reduce((s, [, ids]) => s + ids.length, 0);
    issues.push({
      code: 'duplicate_row',
      severity: 'info',
      message: `${repeated.length} titles are shared by ${n} distinct papers (${repeated
        .slice(0, 6)
        .map(([t, ids]) => `${quote(t)} ×${ids.length}`)
        .join(', ')}${repeated.length > 6 ? `, ${repeated.length - 6} more` : ''}): boilerplate titles of different items; titles never merge papers`,
      column: 'title',
      count: n,
    });
  }
  for (const p of out) finish(p);
  return { papers: out, preprints: [], issues };
}
