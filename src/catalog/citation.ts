import type { DatasetCitation } from '../domain/dataset.js';

/*
 * BibTeX and RIS from a DatasetCitation, hand-written. The libraries on npm that write both
 * formats (citation-js: @citation-js/core with @citation-js/plugin-bibtex and plugin-ris) go
 * through CSL-JSON and bring a plugin registry, name and date parsers and their own escaping
 * and type mapping, which we would then have to test around; the two writers below are about
 * 150 lines, have no dependency, and their output is checked in the tests with a real BibTeX
 * parser (@retorquere/bibtex-parser, the parser of Zotero's Better BibTeX, a devDependency).
 *
 * Authors are "Family, Given" (an organisation: no comma). The literal author `others` stands
 * for "and others" (an author list cut short): BibTeX writes `and others`, RIS leaves it out.
 */

/** The author value that stands for "and others" (a truncated list). */
export const OTHERS = 'others';

const BIBTEX_ESCAPES: Record<string, string> = {
  '\\': '\\textbackslash{}',
  '{': '\\{',
  '}': '\\}',
  '%': '\\%',
  '&': '\\&',
  _: '\\_',
  '#': '\\#',
  $: '\\$',
  '~': '\\textasciitilde{}',
  '^': '\\textasciicircum{}',
};

/**
 * Text for a BibTeX field: LaTeX special characters escaped, whitespace (newlines too) collapsed
 * to single spaces, non-ASCII characters kept as they are (UTF-8; biber and bibtex8/LaTeX with
 * inputenc read them).
 */
export function escapeBibtex(text: string): string {
  return text.replace(/\s+/g, ' ').trim().replace(/[\\{}%&_#$~^]/g, (ch) => BIBTEX_ESCAPES[ch]);
}

/**
 * A URL or DOI for a verbatim field (`url`, `doi`): BibTeX styles print these with \url, so no
 * backslash escapes; only the characters that would break the braced value are percent-encoded.
 */
function verbatim(value: string): string {
  return value
    .trim()
    .replace(/\s/g, '%20')
    .replace(/[{}\\]/g, (ch) => '%' + ch.charCodeAt(0).toString(16).toUpperCase());
}

/** A BibTeX key: letters, digits and `_-:.+/` only (anything else becomes `_`). */
function bibtexKey(key: string): string {
  const clean = key.replace(/[^A-Za-z0-9_\-:.+/]/g, '_');
  return clean === '' ? 'citation' : clean;
}

/** One author for BibTeX: "Family, Given" as it is; an organisation in braces so it stays one name. */
function bibtexAuthor(author: string): string {
  if (author === OTHERS) return 'others';
  const escaped = escapeBibtex(author);
  return author.includes(',') ? escaped : `{${escaped}}`;
}

/**
 * The title escaped, each word that has a capital letter in braces, so BibTeX styles (and
 * importers such as Zotero, which sentence-case titles) keep it as given instead of lower-casing
 * acronyms and names: `{COVID-19} {Image} {Data} {Collection}`, `in {Wuhan}`, `{SARS-CoV-2}`.
 */
export function protectCase(title: string): string {
  return escapeBibtex(title)
    .split(' ')
    .map((word) => (/\p{Lu}/u.test(word) ? `{${word}}` : word))
    .join(' ');
}

/** Page range with BibTeX's en-dash (`--`); a single page or article number as is. */
function bibtexPages(pages: string): string {
  const range = splitPages(pages);
  return range.end === undefined ? escapeBibtex(range.start) : `${escapeBibtex(range.start)}--${escapeBibtex(range.end)}`;
}

/**
 * `pages` as first and last page: "533-534", "533–534", "533--534" and "D482-D490" are ranges;
 * "106" or "e3000959" is a single page (or article number).
 */
export function splitPages(pages: string): { start: string; end?: string } {
  const m = /^\s*([^\s\-–—]+)\s*(?:-{1,2}|–|—)\s*([^\s\-–—]+)\s*$/.exec(pages);
  return m ? { start: m[1], end: m[2] } : { start: pages.trim() };
}

/**
 * The citation as one BibTeX entry: `@article` (journal) for articles and preprints (as medRxiv
 * and arXiv DOIs resolve to in practice: the server is the journal), `@misc` (howpublished)
 * for datasets and the rest. Title words with capitals are braced (see protectCase).
 */
export function bibtex(c: DatasetCitation): string {
  const isArticle = c.kind === 'article' || c.kind === 'preprint';
  const fields: [string, string][] = [];
  const authors = c.authors.filter((a) => a.trim() !== '');
  if (authors.length > 0) fields.push(['author', authors.map(bibtexAuthor).join(' and ')]);
  fields.push(['title', protectCase(c.title)]);
  if (c.container) fields.push([isArticle ? 'journal' : 'howpublished', escapeBibtex(c.container)]);
  fields.push(['year', String(c.year)]);
  if (c.volume) fields.push(['volume', escapeBibtex(c.volume)]);
  if (c.issue) fields.push(['number', escapeBibtex(c.issue)]);
  if (c.pages) fields.push(['pages', bibtexPages(c.pages)]);
  if (c.doi) fields.push(['doi', verbatim(c.doi)]);
  if (c.url) fields.push(['url', verbatim(c.url)]);
  if (c.kind === 'preprint') fields.push(['note', 'Preprint']);
  const body = fields.map(([name, value]) => `  ${name} = {${value}}`).join(',\n');
  return `@${isArticle ? 'article' : 'misc'}{${bibtexKey(c.key)},\n${body}\n}\n`;
}

/** RIS reference types by citation kind: preprints as journal articles (as medRxiv exports them). */
const RIS_TYPES: Record<DatasetCitation['kind'], string> = { article: 'JOUR', preprint: 'JOUR', dataset: 'DATA', misc: 'GEN' };

/** RIS lines end with CR LF (the RIS specification). */
const RIS_EOL = '\r\n';

function risLine(tag: string, value: string): string {
  return `${tag}  - ${value.replace(/\s+/g, ' ').trim()}`;
}

/**
 * The citation as one RIS record: TY, AU per author, TI, PY, JO (journal, for JOUR) and T2
 * (container), VL, IS, SP/EP, DO, UR (the URL, else the DOI's), ER. Lines end with CR LF.
 */
export function ris(c: DatasetCitation): string {
  const type = RIS_TYPES[c.kind];
  const lines = [risLine('TY', type)];
  for (const author of c.authors) if (author.trim() !== '' && author !== OTHERS) lines.push(risLine('AU', author));
  lines.push(risLine('TI', c.title));
  lines.push(risLine('PY', String(c.year)));
  if (c.container) {
    if (type === 'JOUR') lines.push(risLine('JO', c.container));
    lines.push(risLine('T2', c.container));
  }
  if (c.volume) lines.push(risLine('VL', c.volume));
  if (c.issue) lines.push(risLine('IS', c.issue));
  if (c.pages) {
    const { start, end } = splitPages(c.pages);
    lines.push(risLine('SP', start));
    if (end !== undefined) lines.push(risLine('EP', end));
  }
  if (c.doi) lines.push(risLine('DO', c.doi));
  const url = c.url ?? (c.doi ? doiUrl(c.doi) : undefined);
  if (url) lines.push(risLine('UR', url));
  lines.push('ER  - ');
  return lines.join(RIS_EOL) + RIS_EOL;
}

/** The resolver URL of a DOI (`https://doi.org/…`), each path segment percent-encoded. */
export function doiUrl(doi: string): string {
  return `https://doi.org/${doi.trim().split('/').map(encodeURIComponent).join('/')}`;
}
