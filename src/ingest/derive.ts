import type { Gazetteer } from '../gazetteer/gazetteer.js';
import type { KeyedSeries } from './keyed-series.js';

/**
 * Totals Glacier derives from a source's finest rows (docs/data-model.md, "Derived totals"):
 * a place gets a derived series when the source reports some of its children but not the
 * place itself; a reported total always wins over a sum, so nothing is counted twice.
 * A total is the sum of the cells the source published for its parts, as the source's own
 * dashboards add them up; a day on which a part has no cell is blank, which the store reads
 * as "incomplete". Totals are derived per metric and vintage from all of the vintage's files
 * (a place any of them reports is not derived), and only from two parts or more.
 */
export function deriveTotals(series: readonly KeyedSeries[], gaz: Gazetteer): KeyedSeries[] {
  const groups = new Map<string, KeyedSeries[]>();
  for (const s of series) {
    const k = `${s.metric}|${s.issue}`;
    let list = groups.get(k);
    if (!list) groups.set(k, (list = []));
    list.push(s);
  }
  return [...groups.values()].flatMap((list) => deriveGroup(list, gaz));
}

function deriveGroup(reported: KeyedSeries[], gaz: Gazetteer): KeyedSeries[] {
  // A place reported by two files of one vintage: the later file's values (as the store keeps
  // them), attributed to the first file that reported the place.
  const nodes = new Map<string, KeyedSeries>(reported.map((s) => [s.key, s]));
  const firstFile = new Map<string, string>();
  for (const s of reported) if (!firstFile.has(s.key)) firstFile.set(s.key, s.fileId);
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
  // Deepest first, so that state totals exist before the national total sums them (depth
  // counted once per parent, not twice per comparison).
  const depthOf = new Map<string, number>();
  for (const p of children.keys()) if (!nodes.has(p)) depthOf.set(p, depth(p));
  const parents = [...depthOf.keys()].sort((a, b) => depthOf.get(b)! - depthOf.get(a)!);
  for (const parent of parents) {
    const parts = [...children.get(parent)!].map((k) => nodes.get(k)).filter((s): s is KeyedSeries => s !== undefined);
    // A total of one part is not a total (a file giving only Wuhan says nothing about Hubei).
    if (parts.length < 2) continue;
    const total = { ...sumParts(parent, parts), fileId: earliestFile(parts.map((p) => firstFile.get(p.key) ?? p.fileId)) };
    firstFile.set(parent, total.fileId);
    nodes.set(parent, total);
    out.push(total);
  }
  return out;
}

function depth(key: string): number {
  let d = 1;
  for (let i = key.indexOf('_'); i >= 0; i = key.indexOf('_', i + 1)) d++;
  return d;
}

/** File ids are indexes in run order ("0", "1", …, "10"): shorter is earlier, then by text. */
function earliestFile(ids: string[]): string {
  return ids.reduce((a, b) => (b.length < a.length || (b.length === a.length && b < a) ? b : a));
}

/**
 * Day by day sum of the parts. Before a part's first day it adds 0: long files list a place
 * from its first case (NYT). After its last day, or on a blank, the total is incomplete.
 */
function sumParts(key: string, parts: KeyedSeries[]): KeyedSeries {
  let start = Number.POSITIVE_INFINITY;
  let end = Number.NEGATIVE_INFINITY;
  for (const p of parts) {
    if (p.start < start) start = p.start;
    if (p.start + p.values.length - 1 > end) end = p.start + p.values.length - 1;
  }
  const values = new Float64Array(end - start + 1);
  for (const p of parts) {
    // Before the part's first day it adds 0; from its first day its values; after its last, NaN.
    const from = p.start - start;
    const to = from + p.values.length;
    for (let i = Math.max(0, from); i < to; i++) values[i] += p.values[i - from];
    for (let i = to; i < values.length; i++) values[i] += Number.NaN;
  }
  return { key, metric: parts[0].metric, derived: true, fileId: parts[0].fileId, issue: parts[0].issue, start, values };
}
