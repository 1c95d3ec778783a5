/**
 * What the API sees of the background refresh (POST /v1/admin/ingest): it can start one and
 * ask which sources exist. The CLI builds it from src/ingest and hands it to the app, so the
 * read side never imports the ingest.
 */
export interface RefreshStarted {
  /** Numbered per process, from 1. */
  id: number;
  /** The sources this refresh runs; empty: every source. */
  sources: string[];
  trigger: 'schedule' | 'admin';
  startedAt: string;
}

export interface RefreshController {
  /** Source ids a refresh may be limited to. */
  readonly sourceIds: readonly string[];
  /** Starts a refresh in the background; null when one is already running in this process. */
  trigger(sources: string[], trigger: RefreshStarted['trigger']): RefreshStarted | null;
  /** The refresh running now, if any. */
  running(): RefreshStarted | null;
}
