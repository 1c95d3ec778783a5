import { ApiFailure } from './api';

/** What a person reads when something fails: the API's own message, never a blank panel. */
export function errorText(err: unknown): string {
  if (err instanceof ApiFailure) return err.status === 0 ? err.message : `The API could not answer: ${err.message}`;
  return `Something went wrong: ${(err as Error)?.message ?? String(err)}`;
}

/** Performance API marks, set once per page load: the bench reads them (bench/web-bench.ts). */
export function markOnce(name: string): void {
  if (performance.getEntriesByName(name, 'mark').length === 0) performance.mark(name);
}

/**
 * What each view has drawn, for the end-to-end tests to compare with the API (the plotted
 * points, the number of coloured regions). Plain data; no behaviour depends on it.
 */
export interface TestHooks {
  map?: { region?: string; date?: string | null; drawn?: number; coloured?: number; rows?: number; error?: string };
  chart?: { locations: string[]; x: number[]; series: { label: string; values: (number | null)[] }[]; error?: string };
  table?: { rows: number; shown: number; page: number };
  datasets?: { ids?: string[]; query?: string; copied?: string; jsonld?: string };
  imaging?: {
    query?: string;
    byFinding?: { label: string; images: number }[];
    byView?: { label: string; images: number }[];
    images?: { total: number; offset: number; ids: string[] };
    split?: { query: string; summary: unknown[] };
    error?: string;
  };
  /** The Cases page: `query` is the URL it began drawing, `rendered` the URL it finished drawing. */
  cases?: {
    query?: string;
    rendered?: string;
    total?: number;
    pyramid?: { bands: { band: string; male: number; female: number }[]; unknownSex: number; unknownAge: number; total: number };
    byDay?: { days: string[]; onset: number[]; confirmation: number[] };
    delays?: { n: number; histogram: { day: number; count: number }[]; fits: string[] };
    incubation?: { n: number; family: string | null; median: number | null; mean: number | null; p95: number | null };
    table?: { total: number; offset: number; ids: string[] };
    error?: string;
  };
  /** The Literature, Sequences and Chatter pages: `rendered` is the URL each finished drawing. */
  literature?: { rendered?: string; ids?: string[]; total?: number; counts?: { period: string; papers: number }[]; cases?: { start: string; values: (number | null)[] }; error?: string };
  sequences?: { rendered?: string; clades?: { clade: string | null; period: string; frequency: number }[]; strains?: string[]; total?: number; strain?: string; error?: string };
  chatter?: { rendered?: string; terms?: { term: string; dates: string[]; values: (number | null)[] }[]; top?: { token: string; count: number }[]; error?: string };
}

export function testHooks(): TestHooks {
  const w = window as unknown as { __glacier?: TestHooks };
  w.__glacier ??= {};
  return w.__glacier;
}
