import { dayNumber, isoFromDay } from '../domain/dates.js';
import type { MissingReason } from '../domain/missing.js';
import type { MissingSpan } from '../domain/series.js';
import type { Gazetteer } from '../gazetteer/gazetteer.js';
import type { KeyedSeries } from './keyed-series.js';
import { maskFromSpans } from './missing-rules.js';

/**
 * Totals Glacier derives from a source's finest rows (docs/data-model.md, "Derived totals"):
 * a place gets a derived series when the source reports some of its children but not the
 * place itself; a reported total always wins over a sum, so nothing is counted twice.
 * A day is summed only when every part has a value; otherwise the total is missing.
 */
export function deriveTotals(series: readonly KeyedSeries[], gaz: Gazetteer): KeyedSeries[] {
  const derived: KeyedSeries[] = [];
  const byMetric = new Map<string, KeyedSeries[]>();
  for (const s of series) {
    let list = byMetric.get(s.metric);
    if (!list) byMetric.set(s.metric, (list = []));
    list.push(s);
  }
  for (const list of byMetric.values()) derived.push(...deriveMetric(list, gaz));
  return derived;
}

function deriveMetric(reported: KeyedSeries[], gaz: Gazetteer): KeyedSeries[] {
  const nodes = new Map<string, KeyedSeries>(reported.map((s) => [s.key, s]));
  const children = new Map<string, Set<string>>();
  const link = (key: string) => {
    const parent = gaz.get(key)?.parent;
    if (!parent) return;
    let set = children.get(parent);
    if (!set) {
      children.set(parent, (set = new Set()));
      if (!nodes.has(parent)) link(parent);
    }
    set.add(key);
  };
  for (const s of reported) link(s.key);

  const out: KeyedSeries[] = [];
  const depth = (key: string) => key.split('_').length;
  const parents = [...children.keys()].filter((p) => !nodes.has(p)).sort((a, b) => depth(b) - depth(a));
  for (const parent of parents) {
    const parts = [...children.get(parent)!].map((k) => nodes.get(k)).filter((s): s is KeyedSeries => s !== undefined);
    if (parts.length === 0) continue;
    const total = sumParts(parent, parts);
    nodes.set(parent, total);
    out.push(total);
  }
  return out;
}

function sumParts(key: string, parts: KeyedSeries[]): KeyedSeries {
  const start = Math.min(...parts.map((p) => p.start));
  const end = Math.max(...parts.map((p) => p.start + p.values.length - 1));
  const n = end - start + 1;
  const values = new Float64Array(n);
  const reasons: (MissingReason | null)[] = new Array(n).fill(null);
  const sums = new Float64Array(n);
  const valued = new Int32Array(n);
  const missing: (MissingReason | 'mixed' | null)[] = new Array(n).fill(null);
  for (const p of parts) {
    const mask = maskFromSpans(p.spans, p.start, p.values.length, dayNumber);
    for (let i = 0; i < n; i++) {
      const j = start + i - p.start;
      const v = j >= 0 && j < p.values.length && mask[j] === null ? p.values[j] : Number.NaN;
      if (!Number.isNaN(v)) {
        sums[i] += v;
        valued[i]++;
      } else {
        const r: MissingReason = j >= 0 && j < p.values.length ? (mask[j] ?? 'not_reported') : 'not_reported';
        missing[i] = missing[i] === null || missing[i] === r ? r : 'mixed';
      }
    }
  }
  for (let i = 0; i < n; i++) {
    if (missing[i] === null) values[i] = sums[i];
    else {
      values[i] = Number.NaN;
      // All parts missing for one reason: the total inherits it. Otherwise it is incomplete.
      reasons[i] = valued[i] === 0 && missing[i] !== 'mixed' ? (missing[i] as MissingReason) : 'incomplete';
    }
  }
  return { key, metric: parts[0].metric, derived: true, fileId: parts[0].fileId, start, values, spans: spansOf(reasons, start) };
}

function spansOf(reasons: (MissingReason | null)[], start: number): MissingSpan[] {
  const spans: MissingSpan[] = [];
  let i = 0;
  while (i < reasons.length) {
    const r = reasons[i];
    if (r === null) {
      i++;
      continue;
    }
    let j = i;
    while (j + 1 < reasons.length && reasons[j + 1] === r) j++;
    spans.push({ from: isoFromDay(start + i), to: isoFromDay(start + j), reason: r, rule: 'derived-from-parts' });
    i = j + 1;
  }
  return spans;
}
