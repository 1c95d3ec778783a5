import type { ValidationIssue } from '../domain/validation.js';

export interface RunFileSummary {
  fileId: string;
  location: string;
  issue: string;
  sha256: string;
  bytes: number;
  valuesNew: number;
  valuesChanged: number;
}

/** What one source run did, as printed by `glacier ingest` and served at /v1/sources/{id}/runs/{run}. */
export interface RunSummary {
  sourceId: string;
  runId: number;
  status: 'succeeded' | 'unchanged' | 'failed';
  rowsRead: number;
  valuesRead: number;
  valuesNew: number;
  valuesChanged: number;
  unmatched: number;
  /** Flags in the newest reading of the series this run touched. */
  anomalies: number;
  /** Values each vintage read in the run stored. */
  vintages: { issue: string; valuesNew: number; valuesChanged: number }[];
  error: string | null;
  durationMs: number;
  files: RunFileSummary[];
  issues: ValidationIssue[];
}
