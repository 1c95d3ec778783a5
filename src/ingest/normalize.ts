import type { PlaceRef, ParsedSource } from '../domain/series.js';
import { SourceFormatError, type ValidationIssue } from '../domain/validation.js';
import type { Gazetteer } from '../gazetteer/gazetteer.js';
import type { KeyedSeries } from './keyed-series.js';

export interface KeyedSource {
  series: KeyedSeries[];
  /** Populations a source file gives, by key (first seen wins). */
  populations: Map<string, { population: number; file: string; line: number }>;
  issues: ValidationIssue[];
}

/** What to do when several rows of one file and issue resolve to the same key and metric. */
export type DuplicatePlaces = 'error' | 'sum';

/**
 * Puts every parsed series of one file on a location key. A row whose place matches no key
 * is reported (unmatched_location) and not stored: names are never guessed. Rows that
 * resolve to the same place are an error, or summed when the connector declares that its
 * rows can be parts of one place (documented per source).
 */
export function keySource(parsed: ParsedSource, gaz: Gazetteer, file: { name: string; issue: string }, duplicates: DuplicatePlaces = 'error'): KeyedSource {
  const issues: ValidationIssue[] = [...parsed.issues];
  // Series in the order they first come; their index by issue, metric and key (nested maps, not
  // a "key|metric|issue" string per series: a daily report has tens of thousands of one-day series).
  const series: KeyedSeries[] = [];
  const at = new Map<string, Map<string, Map<string, number>>>();
  const indexOf = (issue: string, metric: string): Map<string, number> => {
    let byMetric = at.get(issue);
    if (!byMetric) at.set(issue, (byMetric = new Map()));
    let byKey = byMetric.get(metric);
    if (!byKey) byMetric.set(metric, (byKey = new Map()));
    return byKey;
  };
  const find = (key: string | undefined, metric: string, issue: string): KeyedSeries | undefined => {
    const k = key === undefined ? undefined : at.get(issue)?.get(metric)?.get(key);
    return k === undefined ? undefined : series[k];
  };
  for (const s of parsed.series) {
    const key = resolvePlace(s.place, gaz);
    if (!key) {
      issues.push({ code: 'unmatched_location', severity: 'warning', message: `${describePlace(s.place)} matches no location key; row not stored`, file: file.name, line: s.line, metric: s.metric });
      continue;
    }
    const issue = s.issue ?? file.issue;
    const byKey = indexOf(issue, s.metric);
    const k = byKey.get(key);
    if (k === undefined) {
      byKey.set(key, series.length);
      series.push({ key, metric: s.metric, derived: false, fileId: s.fileId, line: s.line, issue, start: s.start, values: s.values });
      continue;
    }
    const earlier = series[k];
    if (duplicates === 'error') throw new SourceFormatError(`rows at lines ${earlier.line} and ${s.line} are both ${key} (${s.metric})`, file.name, s.line);
    series[k] = { ...earlier, ...sumAligned(earlier, s) };
    issues.push({ code: 'rows_summed', severity: 'info', message: `lines ${earlier.line} and ${s.line} are both ${key} (${s.metric}); summed`, file: file.name, line: s.line, location: key, metric: s.metric });
  }
  for (const f of parsed.flags ?? []) {
    const target = find(resolvePlace(f.place, gaz), f.metric, file.issue);
    if (target) (target.flags ??= []).push({ date: f.date, code: f.code, ...(f.detail ? { detail: f.detail } : {}) });
  }
  for (const n of parsed.notes ?? []) {
    const target = find(resolvePlace(n.place, gaz), n.metric, n.issue ?? file.issue);
    if (target) (target.notes ??= []).push({ date: n.date, note: n.note });
  }
  const populations: KeyedSource['populations'] = new Map();
  for (const p of parsed.populations) {
    const key = resolvePlace(p.place, gaz);
    if (key && p.population > 0 && !populations.has(key)) populations.set(key, { population: p.population, file: file.name, line: p.line });
  }
  return { series, populations, issues };
}

/** Two series on one date range, summed day by day (a day missing in either is missing). */
function sumAligned(a: { start: number; values: Float64Array }, b: { start: number; values: Float64Array }): { start: number; values: Float64Array } {
  const start = Math.min(a.start, b.start);
  const end = Math.max(a.start + a.values.length, b.start + b.values.length);
  const values = new Float64Array(end - start);
  for (let i = 0; i < values.length; i++) {
    const at = (s: { start: number; values: Float64Array }) => {
      const j = start + i - s.start;
      return j >= 0 && j < s.values.length ? s.values[j] : Number.NaN;
    };
    values[i] = at(a) + at(b);
  }
  return { start, values };
}

export function resolvePlace(place: PlaceRef, gaz: Gazetteer): string | undefined {
  switch (place.kind) {
    case 'jhu-uid':
      return gaz.keyForJhuUid(place.uid) ?? gaz.resolve(place.country, place.province, place.admin2);
    case 'names':
      return gaz.resolve(place.country, place.province ?? '', place.admin2 ?? '');
    case 'code':
      switch (place.system) {
        case 'iso2':
        case 'iso3':
          return gaz.country(place.code);
        case 'fips':
          return gaz.keyForFips(place.code);
        case 'usps':
          return gaz.child('US', place.code);
        case 'key':
          return gaz.get(place.code)?.key;
      }
  }
}

export function describePlace(place: PlaceRef): string {
  if (place.kind === 'jhu-uid') return `UID ${place.uid} (${JSON.stringify(place.label)})`;
  if (place.kind === 'code') return `${place.system} ${JSON.stringify(place.code)} (${JSON.stringify(place.label)})`;
  return JSON.stringify([place.admin2, place.province, place.country].filter((p) => p).join(', '));
}
