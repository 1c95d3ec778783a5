import { chooseCandidates, defaultIssue } from '../src/ingest/provide-files.js';
import { listMirrorCandidates } from '../src/ingest/fetch/index.js';
import { scopeOf } from './scope.js';

export interface SourceFile {
  sourceId: string;
  fileId: string;
  path: string;
}

/**
 * The data files a default ingest reads from the mirror (the newest copy of each file of each
 * connector), chosen the way the ingest chooses them, so that the DuckDB reference loads
 * exactly the same files.
 */
export async function defaultIngestFiles(root: string, now = new Date()): Promise<SourceFile[]> {
  const out: SourceFile[] = [];
  const { connectors, vintages } = scopeOf('jhu');
  for (const c of connectors) {
    for (const spec of c.manifest.files) {
      for (const chosen of chooseCandidates(await listMirrorCandidates(root, spec), undefined, defaultIssue(c.manifest, now), vintages)) {
        out.push({ sourceId: c.manifest.id, fileId: spec.id, path: chosen.path });
      }
    }
  }
  return out;
}
