import type { IsoDate } from './dates.js';
import type { SourceInputFile } from './series.js';
import type { SourceManifest } from './source.js';
import type { ValidationIssue } from './validation.js';

/**
 * Social-media "chatter": daily counts of the most frequent terms, bigrams and trigrams in
 * COVID-19 tweets, as a source publishes them. Tokens are kept as published, only normalised to
 * Unicode NFC (no case or ASCII folding: "covidー19", "coronavírus" and "não" stay as they are).
 * Filtering noise (stop words, markup residue) is a view over the counts, never a deletion
 * (`isNoise` in src/sources/twitter-chatter/noise.ts).
 */

export const NGRAM_KINDS = ['terms', 'bigrams', 'trigrams'] as const;
export type NgramKind = (typeof NGRAM_KINDS)[number];

/** Words per token of each kind (words are separated by one space). */
export const NGRAM_SIZE: Record<NgramKind, number> = { terms: 1, bigrams: 2, trigrams: 3 };

export interface NgramCount {
  /** The day the counts are for (from the file name). */
  date: IsoDate;
  kind: NgramKind;
  /** 1-based position in the day's list as published (ties keep the file's order). */
  rank: number;
  /** NFC, otherwise as published. */
  token: string;
  count: number;
}

/**
 * A tweet id. Always a string of digits: ids exceed 2^53, so a number (or a float spelling such
 * as "1.2412e+18") has already lost digits.
 */
export type TweetId = string;

/** The tweet id a cell holds, or null when it is not a plain run of digits (a number that lost precision, blank, text). */
export function parseTweetId(raw: string): TweetId | null {
  const t = raw.trim();
  return /^[0-9]{1,20}$/.test(t) ? t : null;
}

export interface ParsedChatter {
  counts: NgramCount[];
  issues: ValidationIssue[];
}

/** A chatter source's manifest: a source manifest with no series. */
export interface ChatterManifest extends SourceManifest {
  metrics: [];
  levels: [];
}

export interface ChatterConnector {
  kind: 'chatter';
  manifest: ChatterManifest;
  /** Called with one or more daily files (each identified by `fileId` = its kind, dated by its name). */
  parse(files: SourceInputFile[]): ParsedChatter;
}
