import type { PublishDate } from '../../domain/literature.js';

/**
 * Pure cell helpers of the literature connectors (cord19, preprints): DOIs, markup, dates and
 * integer ids. Each says what it changed, so the parser can tally it.
 */

/** Crossref's recommended DOI shape: "10." + a 4–9 digit registrant (sub-registrants allowed) + "/" + a suffix. */
const DOI_SHAPE = /^10\.\d{4,9}(\.\d+)*\/\S+$/;
const DOI_PREFIX = /^(?:https?:\/\/(?:dx\.)?doi\.org\/|doi:\s*)/i;

export interface DoiReading {
  /** Normalised DOI, or null when blank or malformed. */
  doi: string | null;
  /** The trimmed cell; null when blank. */
  raw: string | null;
  malformed: boolean;
  /** What normalisation changed: 'prefix', 'case', 'whitespace'. */
  changes: string[];
}

/**
 * A DOI cell → lower case (DOIs are case-insensitive), without a resolver prefix
 * (`https://doi.org/`, `http://dx.doi.org/`, `doi:`) and without whitespace. Anything else
 * that is not "10.<registrant>/<suffix>" is malformed: kept raw, not returned as a DOI.
 */
export function normalizeDoi(cell: string): DoiReading {
  const raw = cell.trim();
  if (raw === '') return { doi: null, raw: null, malformed: false, changes: [] };
  const changes: string[] = [];
  let d = raw;
  if (/\s/.test(d)) {
    d = d.replace(/\s+/g, '');
    changes.push('whitespace');
  }
  if (DOI_PREFIX.test(d)) {
    d = d.replace(DOI_PREFIX, '');
    changes.push('prefix');
  }
  if (d !== d.toLowerCase()) {
    d = d.toLowerCase();
    changes.push('case');
  }
  if (!DOI_SHAPE.test(d)) return { doi: null, raw, malformed: true, changes };
  return { doi: d, raw, malformed: false, changes };
}

/** Block-level elements: replaced by a space so that words on either side stay apart. */
const BLOCK = new Set(['p', 'sec', 'title', 'div', 'br', 'list', 'list-item', 'li', 'ul', 'ol', 'label', 'fig', 'caption', 'graphic', 'table', 'tr', 'td', 'th', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'abstract', 'break']);
/** Inline elements without a namespace that are stripped (namespaced ones — jats:*, ns7:*, mml:* — always are). */
const INLINE = new Set(['bold', 'italic', 'sup', 'sub', 'strong', 'em', 'b', 'i', 'u', 'a', 'span', 'underline', 'sc', 'email', 'ext-link', 'monospace', 'xref', 'inline-formula', 'named-content', 'uri']);
const TAG = /<(\/?)((?:[A-Za-z][\w.-]*:)?)([A-Za-z][\w.-]*)((?:\s[^<>]*)?)\/?>/g;
/** A title element that only says "Abstract" (JATS abstracts often open with one). */
const ABSTRACT_TITLE = /<((?:[A-Za-z][\w.-]*:)?)title>\s*abstract\s*<\/\1title>/gi;

const ENTITIES: Record<string, string> = {
  lt: '<', gt: '>', amp: '&', quot: '"', apos: "'", nbsp: ' ', shy: '', ndash: '–', mdash: '—',
  rsquo: '’', lsquo: '‘', rdquo: '”', ldquo: '“', hellip: '…', deg: '°', plusmn: '±', times: '×',
  micro: 'µ', le: '≤', ge: '≥', ne: '≠', asymp: '≈', minus: '−', middot: '·', bull: '•', prime: '′', trade: '™', reg: '®', copy: '©',
  sup2: '²', sup3: '³', frac12: '½', laquo: '«', raquo: '»', thinsp: '\u2009', ensp: '\u2002', emsp: '\u2003', larr: '←', rarr: '→', uarr: '↑', darr: '↓',
};
const GREEK = ['alpha', 'beta', 'gamma', 'delta', 'epsilon', 'zeta', 'eta', 'theta', 'iota', 'kappa', 'lambda', 'mu', 'nu', 'xi', 'omicron', 'pi', 'rho', 'sigma', 'tau', 'upsilon', 'phi', 'chi', 'psi', 'omega'];
for (const [i, name] of GREEK.entries()) {
  const offset = i >= 17 ? i + 1 : i; // the code points skip final sigma's slot after rho
  ENTITIES[name] = String.fromCodePoint(0x3b1 + offset);
  ENTITIES[name[0].toUpperCase() + name.slice(1)] = String.fromCodePoint(0x391 + offset);
}
ENTITIES.sigmaf = 'ς';
Object.assign(ENTITIES, { sect: '§', para: '¶', szlig: 'ß', aelig: 'æ', AElig: 'Æ', oslash: 'ø', Oslash: 'Ø', iexcl: '¡', iquest: '¿', euro: '€', pound: '£' });
const ACCENTS: Record<string, string> = { acute: '\u0301', grave: '\u0300', circ: '\u0302', uml: '\u0308', tilde: '\u0303', cedil: '\u0327', ring: '\u030a' };

function entity(name: string): string | undefined {
  const known = ENTITIES[name] ?? ENTITIES[name.toLowerCase()];
  if (known !== undefined) return known;
  const m = /^([A-Za-z])(acute|grave|circ|uml|tilde|cedil|ring)$/.exec(name);
  return m ? (m[1] + ACCENTS[m[2]]).normalize('NFC') : undefined;
}

export interface MarkupReading {
  value: string;
  /** Tags removed (JATS, HTML, and HTML that was escaped as &lt;p&gt;). */
  tags: number;
  /** Character entities decoded (&lt; &amp; &#8217; …). */
  entities: number;
}

function stripTags(text: string, counter: { tags: number }): string {
  return text.replace(ABSTRACT_TITLE, () => (counter.tags++, ' ')).replace(TAG, (m, _close: string, ns: string, name: string) => {
    const n = name.toLowerCase();
    if (ns === '' && !BLOCK.has(n) && !INLINE.has(n)) return m;
    counter.tags++;
    return BLOCK.has(n) ? ' ' : '';
  });
}

/**
 * Text as a reader sees it: JATS and HTML tags removed (block elements become a space, inline
 * ones vanish: IC<sub>50</sub> → IC50; a leading "Abstract" title is dropped), character
 * entities decoded, tags that were escaped upstream (&lt;p&gt;) removed after decoding, and
 * whitespace (line breaks included) collapsed. A "<" that starts no known tag stays ("p < 0.05").
 */
export function stripMarkup(text: string): MarkupReading {
  const counter = { tags: 0 };
  let entities = 0;
  let s = stripTags(text, counter);
  // Two passes: some abstracts were escaped twice ("&amp;amp;", "&amp;lt;").
  for (let pass = 0; pass < 2 && /&(#x[0-9a-fA-F]+|#\d+|[A-Za-z][A-Za-z0-9]*);/.test(s); pass++) {
    s = s.replace(/&(#x[0-9a-fA-F]+|#\d+|[A-Za-z][A-Za-z0-9]*);/g, (m, e: string) => {
      let out: string | undefined;
      if (e[0] === '#') {
        const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
        out = code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : undefined;
      } else out = entity(e);
      if (out === undefined) return m;
      entities++;
      return out;
    });
  }
  if (entities > 0) s = stripTags(s, counter);
  s = s.replace(/\u00ad/g, '').replace(/\s+/g, ' ').trim();
  return { value: s, tags: counter.tags, entities };
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

function validDay(y: number, m: number, d: number): boolean {
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
}

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * A CORD-19 publish_time: "2020-03-12" (day), "2020-03" (month), "2020" (year), and the PubMed
 * spellings "2020 Mar 12" / "2020 Mar". Null when blank or unreadable (the caller reports it).
 */
export function parsePublishDate(cell: string): PublishDate | null {
  const raw = cell.trim();
  let m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(raw);
  if (m) return validDay(+m[1], +m[2], +m[3]) ? { iso: raw, precision: 'day', raw } : null;
  m = /^(\d{4})-(\d{2})$/.exec(raw);
  if (m) return +m[2] >= 1 && +m[2] <= 12 ? { iso: raw, precision: 'month', raw } : null;
  m = /^(\d{4})$/.exec(raw);
  if (m) return { iso: raw, precision: 'year', raw };
  m = /^(\d{4}) ([A-Za-z]{3})(?: (\d{1,2}))?$/.exec(raw);
  if (m) {
    const month = MONTHS.indexOf(m[2].toLowerCase()) + 1;
    if (month === 0) return null;
    if (m[3] === undefined) return { iso: `${m[1]}-${pad(month)}`, precision: 'month', raw };
    return validDay(+m[1], month, +m[3]) ? { iso: `${m[1]}-${pad(month)}-${pad(+m[3])}`, precision: 'day', raw } : null;
  }
  return null;
}

/** Year-only dates and 31 December (CORD-19's day for a date known to the year) are placeholders. */
export function isPlaceholderDate(d: PublishDate): boolean {
  return d.precision === 'year' || (d.precision === 'day' && d.iso.endsWith('-12-31'));
}

/** True for a day that is the last of its month (other than 31 December). */
export function isMonthEnd(d: PublishDate): boolean {
  if (d.precision !== 'day' || d.iso.endsWith('-12-31')) return false;
  const [y, m, day] = d.iso.split('-').map(Number);
  return !validDay(y, m, day + 1);
}

/** An integer id spelled as digits or as a float with a zero fraction ("4361535.0"); null otherwise. */
export function integerId(cell: string): { value: string; floatSpelling: boolean } | null {
  const t = cell.trim();
  if (/^\d+$/.test(t)) return { value: t.replace(/^0+(?=\d)/, ''), floatSpelling: false };
  const m = /^(\d+)\.0+$/.exec(t);
  if (m) return { value: m[1].replace(/^0+(?=\d)/, ''), floatSpelling: true };
  return null;
}

/** A ";"-separated cell → its items, trimmed, blanks dropped. */
export function splitSemicolons(cell: string): string[] {
  return cell
    .split(';')
    .map((s) => s.replace(/\s+/g, ' ').trim())
    .filter((s) => s !== '');
}

/** Adds each item not yet in the list (first-seen order). */
export function addUnique<T>(list: T[], items: Iterable<T>): void {
  for (const x of items) if (!list.includes(x)) list.push(x);
}
