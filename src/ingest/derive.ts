import type { Gazetteer } from '../gazetteer/gazetteer.js';
import type { KeyedSeries } from './keyed-series.js';
import { classifyMissing, type MissingRuleOptions } from './missing-rules.js';

/**
 * Totals Glacier derives from a source's finest rows (docs/data-model.md, "Derived totals"):
 * a place gets a derived series when the source reports some of its children but not the
 * place itself; a reported total always wins over a sum, so nothing is counted twice.
 * A total is the sum of the cells the source published for its parts, as the source's own
 * dashboards add them up; a day on which a part has no cell is missing ("incomplete").
 * The total is then read by the same missing-value rules as a reported series.
 */
export function deriveTotals(series: readonly KeyedSeries[], gaz: Gazetteer, rules: (metric: string) => MissingRuleOptions = () => ({})): KeyedSeries[] {
  const derived: KeyedSeries[] = [];
  const byMetric = new Map<string, KeyedSeries[]>();
  for (const s of series) {
    let list = byMetric.get(s.metric);
    if (!list) byMetric.set(s.metric, (list = []));
    list.push(s);
  }
  for (const [metric, list] of byMetric) derived.push(...deriveMetric(list, gaz, rules(metric)));
  return derived;
}

function deriveMetric(reported: KeyedSeries[], gaz: Gazetteer, rules: MissingRuleOptions): KeyedSeries[] {
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
  // Deepest first, so that state totals exist before the national total sums them.
  const parents = [...children.keys()].filter((p) => !nodes.has(p)).sort((a, b) => depth(b) - depth(a));
  for (const parent of parents) {
    const parts = [...children.get(parent)!].map((k) => nodes.get(k)).filter((s): s is KeyedSeries => s !== undefined);
    if (parts.length === 0) continue;
    const total = sumParts(parent, parts, rules);
    nodes.set(parent, total);
    out.push(total);
  }
  return out;
}

function sumParts(key: string, parts: KeyedSeries[], rules: MissingRuleOptions): KeyedSeries {
  const start = Math.min(...parts.map((p) => p.start));
  const end = Math.max(...parts.map((p) => p.start + p.values.length - 1));
  const values = new Float64Array(end - start + 1);
  for (const p of parts) {
    for (let i = 0; i < values.length; i++) {
      const j = start + i - p.start;
      values[i] += j >= 0 && j < p.values.length ? p.values[j] : Number.NaN;
    }
  }
  const spans = classifyMissing(values, start, rules).map((s) =>
    s.rule === 'blank-cell' ? { ...s, reason: 'incomplete' as const, rule: 'derived-part-missing' } : s,
  );
  return { key, metric: parts[0].metric, derived: true, fileId: parts[0].fileId, start, values, spans };
}
