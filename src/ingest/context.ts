import type { Db } from '../store/db.js';
import type { FileOrigin, VintageSelection } from './provide-files.js';

export interface Logger {
  info(msg: string): void;
  warn(msg: string): void;
}

export const silentLogger: Logger = { info() {}, warn() {} };

export type IngestStage = 'fetch' | 'parse' | 'store' | 'done';

/** The effects an ingest needs, passed in (tests use a memory database and a mirror). */
export interface IngestDeps {
  db: Db;
  origin: FileOrigin;
  clock: () => Date;
  log: Logger;
  progress?: (sourceId: string, stage: IngestStage) => void;
}

export interface IngestOptions {
  /** Vintage to ingest (with a mirror: which dated copy to read; upstream: the date to record). */
  issue?: string;
  /** With a mirror and no issue: every dated copy (default) or the newest of each file. */
  vintages?: VintageSelection;
  /** Re-read files even when nothing changed since the last successful run. */
  force?: boolean;
  /** Aborted (the server is stopping): the sources not yet started are not run. */
  signal?: AbortSignal;
}
