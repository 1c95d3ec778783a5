import { todayIso } from '../domain/dates.js';
import type { SourceFileSpec, SourceManifest } from '../domain/source.js';
import type { ValidationIssue } from '../domain/validation.js';
import { fetchUpstream, listMirrorCandidates, readFromMirror, type FetchedFile, type HttpClient, type MirrorCandidate, type RawCache } from './fetch/index.js';

/** Where a run reads its files from: upstream URLs (default) or a mirror folder. */
export type FileOrigin = { kind: 'upstream'; http: HttpClient; cache: RawCache } | { kind: 'mirror'; root: string };

export interface ProvidedFile extends FetchedFile {
  spec: SourceFileSpec;
  /** The vintage the content is recorded under (ISO date). */
  issueDate: string;
}

export interface ProvidedFiles {
  files: ProvidedFile[];
  issues: ValidationIssue[];
}

/**
 * Issue (vintage) of content that carries no date of its own: the requested one, else today,
 * or for an archived source its last update (what anyone fetches today was published then).
 */
export function defaultIssue(manifest: SourceManifest, now: Date): string {
  const today = todayIso(now);
  return manifest.frozenOn && manifest.frozenOn < today ? manifest.frozenOn : today;
}

/** Which copies of a file a mirror run reads: every dated vintage (default) or the newest only. */
export type VintageSelection = 'all' | 'newest';

/**
 * Fetches the files of a source, oldest issue first. Upstream: the current file. From a
 * mirror: every vintage (dated copies and the current file) unless `vintages` is 'newest';
 * with a requested issue, only the copies of that issue (files without one are reported as
 * skipped).
 */
export async function provideFiles(
  manifest: SourceManifest,
  origin: FileOrigin,
  opts: { issue?: string; now: Date; vintages?: VintageSelection },
): Promise<ProvidedFiles> {
  const fallbackIssue = opts.issue ?? defaultIssue(manifest, opts.now);
  const files: ProvidedFile[] = [];
  const issues: ValidationIssue[] = [];
  for (const spec of manifest.files) {
    if (origin.kind === 'upstream') {
      const f = await fetchUpstream(origin.http, origin.cache, manifest.id, spec);
      files.push({ ...f, spec, issueDate: fallbackIssue });
      continue;
    }
    const candidates = await listMirrorCandidates(origin.root, spec);
    const chosen = chooseCandidates(candidates, opts.issue, defaultIssue(manifest, opts.now), opts.vintages ?? 'all');
    if (chosen.length === 0) {
      issues.push({ code: 'file_skipped', severity: 'info', message: `no copy of ${spec.id} dated ${opts.issue} in the mirror; file not read`, file: mirrorPath(spec.mirror[0]) });
      continue;
    }
    for (const c of chosen) files.push({ ...(await readFromMirror(c, spec)), spec, issueDate: c.issue ?? fallbackIssue });
  }
  // Stable: files of one issue keep manifest order.
  return { files: files.map((f, i) => ({ f, i })).sort((a, b) => (a.f.issueDate < b.f.issueDate ? -1 : a.f.issueDate > b.f.issueDate ? 1 : a.i - b.i)).map((x) => x.f), issues };
}

/** Candidates come sorted by issue with the undated current file last. */
export function chooseCandidates(candidates: MirrorCandidate[], issue: string | undefined, currentIssue: string, vintages: VintageSelection): MirrorCandidate[] {
  if (issue !== undefined) return candidates.filter((c) => (c.issue ?? currentIssue) === issue);
  return vintages === 'all' ? candidates : candidates.slice(-1);
}

function mirrorPath(entry: SourceFileSpec['mirror'][number]): string {
  return typeof entry === 'string' ? entry : entry.path;
}
