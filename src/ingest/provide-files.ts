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

/**
 * Fetches every file of a source. With a mirror and a requested issue, only the files whose
 * vintage is that issue are read (the others are reported as skipped); without one, the
 * newest copy of each file is read.
 */
export async function provideFiles(manifest: SourceManifest, origin: FileOrigin, opts: { issue?: string; now: Date }): Promise<ProvidedFiles> {
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
    const chosen = chooseCandidate(candidates, opts.issue, defaultIssue(manifest, opts.now));
    if (!chosen) {
      issues.push({ code: 'file_skipped', severity: 'info', message: `no copy of ${spec.id} dated ${opts.issue} in the mirror; file not read`, file: spec.mirror[0] });
      continue;
    }
    const f = await readFromMirror(chosen, spec);
    files.push({ ...f, spec, issueDate: chosen.issue ?? fallbackIssue });
  }
  return { files, issues };
}

/** Candidates come sorted by issue with the undated current file last. */
export function chooseCandidate(candidates: MirrorCandidate[], issue: string | undefined, currentIssue: string): MirrorCandidate | undefined {
  if (issue === undefined) return candidates[candidates.length - 1];
  return candidates.find((c) => (c.issue ?? currentIssue) === issue);
}
