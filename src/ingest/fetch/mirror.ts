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

const DATE_TOKEN = '{date}';
const MIRROR_SETTING = 'set with --mirror DIR or GLACIER_MIRROR=DIR';

function errnoCode(err: unknown): string | undefined {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Regex for a file name with "{date}" placeholders (all the same date) and an optional .gz twin. */
function namePattern(base: string): RegExp {
  const [first, ...rest] = base.split(DATE_TOKEN).map(escapeRegExp);
  const body = first + rest.map((part, i) => (i === 0 ? '(\\d{4}-\\d{2}-\\d{2})' : '\\1') + part).join('');
  return new RegExp(`^${body}(\\.gz)?$`);
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
 * Every copy of `spec` in the mirror at `root`: vintages ({date} patterns) by ascending issue date,
 * then the current/final files (patterns without {date}) in pattern order. Each pattern also
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

  for (const pattern of spec.mirror) {
    const dir = path.posix.dirname(pattern);
    const base = path.posix.basename(pattern);
    if (dir.includes(DATE_TOKEN)) {
      throw new Error(`Mirror pattern "${pattern}" of "${spec.id}": {date} is only supported in the file name.`);
    }
    if (!base.includes(DATE_TOKEN)) {
      if (await isFile(path.join(absRoot, pattern))) add(current, pattern, null);
      else if (!pattern.endsWith('.gz') && (await isFile(path.join(absRoot, `${pattern}.gz`)))) add(current, `${pattern}.gz`, null);
      continue;
    }

    let names: string[];
    const absDir = path.join(absRoot, dir);
    try {
      names = await readdir(absDir);
    } catch (err) {
      const code = errnoCode(err);
      if (code === 'ENOENT' || code === 'ENOTDIR') continue;
      throw new FetchError('MIRROR_UNREADABLE', `Cannot list mirror folder ${absDir} (${code ?? String(err)}); check its permissions.`, { cause: err });
    }
    const re = namePattern(base);
    // date → chosen file name (plain beats .gz)
    const byDate = new Map<string, string>();
    for (const name of names.sort()) {
      const m = re.exec(name);
      if (!m || !isIsoDate(m[1])) continue;
      if (!(await isFile(path.join(absDir, name)))) continue;
      const prev = byDate.get(m[1]);
      const gz = m[2] !== undefined;
      if (prev === undefined || (!gz && prev.endsWith('.gz'))) byDate.set(m[1], name);
    }
    for (const [date, name] of byDate) add(dated, dir === '.' ? name : `${dir}/${name}`, date);
  }

  dated.sort((a, b) => (a.issue! < b.issue! ? -1 : a.issue! > b.issue! ? 1 : a.relative < b.relative ? -1 : 1));
  const all = [...dated, ...current];
  if (all.length === 0) {
    const tried = spec.mirror.map((p) => (p.endsWith('.gz') ? p : `${p}[.gz]`)).join(', ');
    const hint = `Add the file to the mirror, or unset --mirror / GLACIER_MIRROR to read the upstream URL ${spec.url}.`;
    throw new FetchError('NOT_IN_MIRROR', `No copy of "${spec.id}" in mirror ${absRoot} (tried ${tried}). ${hint}`, {
      url: spec.url,
      hint,
    });
  }
  return all;
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
