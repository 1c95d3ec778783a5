import type { PlaceRef, ParsedSource } from '../domain/series.js';
import { SourceFormatError, type ValidationIssue } from '../domain/validation.js';
import type { Gazetteer } from '../gazetteer/gazetteer.js';
import type { KeyedSeries } from './keyed-series.js';

export interface KeyedSource {
  series: Omit<KeyedSeries, 'spans'>[];
  /** Populations a source file gives, by key (first seen wins). */
  populations: Map<string, { population: number; file: string; line: number }>;
  issues: ValidationIssue[];
}

/**
 * Puts every parsed series on a location key. A row whose place matches no key is reported
 * (unmatched_location) and not stored: names are never guessed.
 */
export function keySource(parsed: ParsedSource, gaz: Gazetteer, fileName: (fileId: string) => string): KeyedSource {
  const issues: ValidationIssue[] = [...parsed.issues];
  const series: KeyedSource['series'] = [];
  const seen = new Map<string, number>();
  for (const s of parsed.series) {
    const key = resolvePlace(s.place, gaz);
    if (!key) {
      issues.push({
        code: 'unmatched_location',
        severity: 'warning',
        message: `${describePlace(s.place)} matches no location key; row not stored`,
        file: fileName(s.fileId),
        line: s.line,
        metric: s.metric,
      });
      continue;
    }
    const id = `${key}|${s.metric}`;
    const earlier = seen.get(id);
    if (earlier !== undefined) {
      throw new SourceFormatError(`rows at lines ${earlier} and ${s.line} are both ${key} (${s.metric})`, fileName(s.fileId), s.line);
    }
    seen.set(id, s.line);
    series.push({ key, metric: s.metric, derived: false, fileId: s.fileId, line: s.line, start: s.start, values: s.values });
  }
  const populations: KeyedSource['populations'] = new Map();
  for (const p of parsed.populations) {
    const key = resolvePlace(p.place, gaz);
    if (key && p.population > 0 && !populations.has(key)) populations.set(key, { population: p.population, file: fileName(p.fileId), line: p.line });
  }
  return { series, populations, issues };
}

export function resolvePlace(place: PlaceRef, gaz: Gazetteer): string | undefined {
  if (place.kind === 'jhu-uid') return gaz.keyForJhuUid(place.uid) ?? gaz.resolve(place.country, place.province, place.admin2);
  return gaz.resolve(place.country, place.province ?? '', place.admin2 ?? '');
}

export function describePlace(place: PlaceRef): string {
  if (place.kind === 'jhu-uid') return `UID ${place.uid} (${JSON.stringify(place.label)})`;
  return JSON.stringify([place.admin2, place.province, place.country].filter((p) => p).join(', '));
}
