/**
 * Generic cell-text helpers shared by the imaging and line-list kits. Every function is pure and
 * says what it did, so the caller can report it (`IssueLog`).
 */

/** Trims and collapses runs of spaces; `changed` when the cell had stray spaces. */
export function tidySpaces(raw: string): { value: string; changed: boolean } {
  const value = raw.replace(/[ \t\u00a0]+/g, ' ').trim();
  return { value, changed: value !== raw };
}

/**
 * The vocabulary's spelling of a value that matches it ignoring letter case, with `caseVariant`
 * when the spelling differed; null when the value is not in the vocabulary.
 */
export function matchVocabulary<T extends string>(value: string, vocabulary: readonly T[]): { value: T; caseVariant: boolean } | null {
  const exact = vocabulary.find((v) => v === value);
  if (exact !== undefined) return { value: exact, caseVariant: false };
  const lower = value.toLowerCase();
  const folded = vocabulary.find((v) => v.toLowerCase() === lower);
  return folded !== undefined ? { value: folded, caseVariant: true } : null;
}

/** A number as written (`38.6`, `-5`); null when the text is not a plain decimal number. */
export function plainNumber(text: string): number | null {
  if (!/^[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/.test(text)) return null;
  const n = Number(text);
  return Number.isFinite(n) ? n : null;
}

/**
 * The marker a cell holds, compared case-insensitively after trimming against `markers`
 * (lower case; '' for blank): `blank` for an empty or all-space cell, the marker as written
 * (JSON-quoted) otherwise, or null when the cell is not a marker.
 */
export function markerIn(raw: string, markers: readonly string[]): string | null {
  const t = raw.trim();
  if (t === '') return 'blank';
  return markers.includes(t.toLowerCase()) ? JSON.stringify(t) : null;
}
