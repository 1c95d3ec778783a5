import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { isIsoDate } from '../../domain/dates.js';
import type { SourceFileSpec } from '../../domain/source.js';
import { FetchError } from './errors.js';

export interface MirrorCandidate {
  /** Absolute path of the file (possibly ending in .gz). */
  path: string;
  /** Path relative to the mirror root, with forward slashes. */
  relative: string;
  /** The vintage date from the name ({date}), or null for the current/final file. */
  issue: string | null;
}

const MIRROR_SETTING = 'set with --mirror DIR or GLACIER_MIRROR=DIR';

function errnoCode(err: unknown): string | undefined {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Placeholders a mirror pattern segment may hold: `{date}` (YYYY-MM-DD), `{date:FORMAT}` with
 * YYYY, MM and DD in any order and literal separators (`{date:MM-DD-YYYY}`), and `{time}`
 * (digits that only order several copies of one day, e.g. `_2200`).
 */
const PLACEHOLDER = /\{date(?::([^}]+))?\}|\{time\}/g;

interface SegmentMatcher {
  re: RegExp;
  /** Which capture groups hold YYYY, MM, DD. */
  fields: ('Y' | 'M' | 'D')[];
}

function segmentMatcher(segment: string, last: boolean): SegmentMatcher | null {
  if (!segment.match(PLACEHOLDER)) return null;
  const fields: SegmentMatcher['fields'] = [];
  let body = '';
  let at = 0;
  for (const m of segment.matchAll(PLACEHOLDER)) {
    body += escapeRegExp(segment.slice(at, m.index));
    at = m.index! + m[0].length;
    if (m[0] === '{time}') {
      body += '\\d+';
      continue;
    }
    const format = m[1] ?? 'YYYY-MM-DD';
    for (const part of format.split(/(YYYY|MM|DD)/)) {
      if (part === 'YYYY') (body += '(\\d{4})'), fields.push('Y');
      else if (part === 'MM') (body += '(\\d{2})'), fields.push('M');
      else if (part === 'DD') (body += '(\\d{2})'), fields.push('D');
      else body += escapeRegExp(part);
    }
  }
  body += escapeRegExp(segment.slice(at));
  return { re: new RegExp(`^${body}${last ? '(\\.gz)?' : ''}$`), fields };
}

/** The ISO date a match spells (fields may repeat; they must agree), or null when not a real date. */
function dateOf(m: RegExpExecArray, fields: SegmentMatcher['fields']): string | null {
  const got: Partial<Record<'Y' | 'M' | 'D', string>> = {};
  for (const [i, f] of fields.entries()) {
    if (got[f] !== undefined && got[f] !== m[i + 1]) return null;
    got[f] = m[i + 1];
  }
  if (!got.Y || !got.M || !got.D) return null;
  const iso = `${got.Y}-${got.M}-${got.D}`;
  return isIsoDate(iso) ? iso : null;
}

async function isFile(p: string): Promise<boolean> {
  try {
    return (await stat(p)).isFile();
  } catch (err) {
    const code = errnoCode(err);
    if (code === 'ENOENT' || code === 'ENOTDIR') return false;
    throw new FetchError('MIRROR_UNREADABLE', `Cannot read mirror file ${p} (${code ?? String(err)}); check its permissions.`, { cause: err });
  }
}

async function assertMirrorRoot(root: string): Promise<void> {
  let isDir = false;
  try {
    isDir = (await stat(root)).isDirectory();
  } catch (err) {
    const code = errnoCode(err);
    if (code !== 'ENOENT' && code !== 'ENOTDIR') {
      throw new FetchError(
        'MIRROR_UNREADABLE',
        `Cannot read mirror folder ${root} (${code ?? String(err)}; ${MIRROR_SETTING}); check its permissions.`,
        { cause: err },
      );
    }
  }
  if (!isDir) {
    const hint = `Point --mirror DIR or GLACIER_MIRROR=DIR at a folder laid out like ../shared/data.`;
    throw new FetchError('NOT_IN_MIRROR', `Mirror folder ${root} does not exist or is not a folder (${MIRROR_SETTING}). ${hint}`, { hint });
  }
}

function toRelative(p: string): string {
  return p.split(path.sep).join('/');
}

/**
 * Every copy of `spec` in the mirror at `root`: dated copies by ascending issue (several of
 * one day in name order), then the current/final files in pattern order. A pattern is a path
 * relative to the root whose segments may hold placeholders ({date}, {date:MM-DD-YYYY},
 * {time}), or an object giving a path and the issue its content belongs to. Each file also
 * matches its ".gz" twin; when both exist the uncompressed file wins.
 */
export async function listMirrorCandidates(root: string, spec: SourceFileSpec): Promise<MirrorCandidate[]> {
  const absRoot = path.resolve(root);
  await assertMirrorRoot(absRoot);

  const dated: MirrorCandidate[] = [];
  const current: MirrorCandidate[] = [];
  const seen = new Set<string>();
  const add = (list: MirrorCandidate[], relative: string, issue: string | null) => {
    const abs = path.join(absRoot, relative);
    if (seen.has(abs)) return;
    seen.add(abs);
    list.push({ path: abs, relative: toRelative(path.normalize(relative)), issue });
  };

  for (const entry of spec.mirror) {
    const pattern = typeof entry === 'string' ? entry : entry.path;
    const fixedIssue = typeof entry === 'string' ? null : entry.issue;
    const segments = pattern.split('/');
    if (segments.some((seg, i) => i < segments.length - 1 && seg.includes('{time}'))) {
      throw new Error(`Mirror pattern "${pattern}" of "${spec.id}": {time} is only supported in the file name.`);
    }
    if (!segments.some((seg) => segmentMatcher(seg, false))) {
      const found = await existingFile(absRoot, pattern);
      if (found) add(fixedIssue ? dated : current, found, fixedIssue);
      continue;
    }
    // Walk the segments; a placeholder segment lists its folder. Plain beats .gz per copy.
    const byCopy = new Map<string, { relative: string; issue: string }>();
    for (const hit of await expand(absRoot, segments, 0, '', null)) {
      const copy = hit.relative.replace(/\.gz$/, '');
      const prev = byCopy.get(copy);
      if (!prev || (prev.relative.endsWith('.gz') && !hit.relative.endsWith('.gz'))) byCopy.set(copy, hit);
    }
    for (const { relative, issue } of byCopy.values()) add(dated, relative, issue);
  }

  dated.sort((a, b) => (a.issue! < b.issue! ? -1 : a.issue! > b.issue! ? 1 : a.relative < b.relative ? -1 : 1));
  const all = [...dated, ...current];
  if (all.length === 0) {
    const tried = spec.mirror.map((e) => (typeof e === 'string' ? e : e.path)).map((p) => (p.endsWith('.gz') ? p : `${p}[.gz]`)).join(', ');
    const hint = `Add the file to the mirror, or unset --mirror / GLACIER_MIRROR to read the upstream URL ${spec.url}.`;
    throw new FetchError('NOT_IN_MIRROR', `No copy of "${spec.id}" in mirror ${absRoot} (tried ${tried}). ${hint}`, {
      url: spec.url,
      hint,
    });
  }
  return all;
}

/** The relative path of `pattern` or its .gz twin if either is a file. */
async function existingFile(absRoot: string, pattern: string): Promise<string | null> {
  if (await isFile(path.join(absRoot, pattern))) return pattern;
  if (!pattern.endsWith('.gz') && (await isFile(path.join(absRoot, `${pattern}.gz`)))) return `${pattern}.gz`;
  return null;
}

async function expand(absRoot: string, segments: string[], i: number, prefix: string, date: string | null): Promise<{ relative: string; issue: string }[]> {
  const last = i === segments.length - 1;
  const matcher = segmentMatcher(segments[i], last);
  const join = (name: string) => (prefix ? `${prefix}/${name}` : name);
  if (!matcher) {
    const rel = join(segments[i]);
    if (!last) return expand(absRoot, segments, i + 1, rel, date);
    const found = date ? await existingFile(absRoot, rel) : null;
    return found ? [{ relative: found, issue: date! }] : [];
  }
  let names: string[];
  const absDir = path.join(absRoot, prefix);
  try {
    names = (await readdir(absDir)).sort();
  } catch (err) {
    const code = errnoCode(err);
    if (code === 'ENOENT' || code === 'ENOTDIR') return [];
    throw new FetchError('MIRROR_UNREADABLE', `Cannot list mirror folder ${absDir} (${code ?? String(err)}); check its permissions.`, { cause: err });
  }
  const out: { relative: string; issue: string }[] = [];
  for (const name of names) {
    const m = matcher.re.exec(name);
    if (!m) continue;
    const d = matcher.fields.length ? dateOf(m, matcher.fields) : date;
    if (!d || (date && d !== date)) continue;
    if (last) {
      if (await isFile(path.join(absDir, name))) out.push({ relative: join(name), issue: d });
    } else {
      out.push(...(await expand(absRoot, segments, i + 1, join(name), d)));
    }
  }
  return out;
}

/** The raw bytes of a mirror file (still gzip if it is). */
export async function readMirrorFile(candidate: MirrorCandidate): Promise<{ raw: Buffer }> {
  try {
    return { raw: await readFile(candidate.path) };
  } catch (err) {
    const code = errnoCode(err);
    throw new FetchError('MIRROR_UNREADABLE', `Cannot read mirror file ${candidate.path} (${code ?? String(err)}); check that it exists and is readable.`, {
      cause: err,
    });
  }
}
