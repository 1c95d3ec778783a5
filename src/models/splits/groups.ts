/**
 * Items that must go to the same split: connected components of "same patient" and "same image"
 * (a shared `sameAs` key), by union-find.
 */
import { compareStrings } from './compare.js';

export interface SplitItem {
  /** Unique across the input: `dataset + '/' + imageId`. */
  id: string;
  /** Dataset-scoped patient key (`covid-chestxray/19`); null when the dataset names none. */
  patient: string | null;
  /** The finding the split is stratified by. */
  stratum: string;
  /**
   * Duplicate keys: two items sharing any key are the same image under two ids
   * (`name:<file name>|<source url>`, `sha256:<hex>`).
   */
  sameAs: readonly string[];
}

export interface ItemGroup {
  /** Indices into the items given, in the order of the items' ids. */
  items: number[];
  /** The smallest item id: names the group and orders the groups canonically. */
  key: string;
  /** The group's most frequent item stratum; a tie goes to the stratum first in code-unit order. */
  stratum: string;
  /** The distinct non-null patients, sorted. */
  patients: string[];
}

class UnionFind {
  private readonly parent: Int32Array;
  private readonly size: Int32Array;
  constructor(n: number) {
    this.parent = Int32Array.from({ length: n }, (_, i) => i);
    this.size = new Int32Array(n).fill(1);
  }
  find(i: number): number {
    let root = i;
    while (this.parent[root] !== root) root = this.parent[root];
    while (this.parent[i] !== root) {
      const next = this.parent[i];
      this.parent[i] = root;
      i = next;
    }
    return root;
  }
  union(a: number, b: number): void {
    let ra = this.find(a);
    let rb = this.find(b);
    if (ra === rb) return;
    if (this.size[ra] < this.size[rb]) [ra, rb] = [rb, ra];
    this.parent[rb] = ra;
    this.size[ra] += this.size[rb];
  }
}

/** The most frequent value; a tie goes to the value first in code-unit order. */
export function modeOf(values: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best = '';
  let bestCount = 0;
  for (const [v, c] of counts) {
    if (c > bestCount || (c === bestCount && compareStrings(v, best) < 0)) {
      best = v;
      bestCount = c;
    }
  }
  return best;
}

/**
 * The groups of `items` (ids assumed unique; `buildSplits` checks), sorted by their smallest id.
 * Does not depend on the order of the items given (only the indices it returns do).
 */
export function groupItems(items: readonly SplitItem[]): ItemGroup[] {
  const uf = new UnionFind(items.length);
  const firstWith = new Map<string, number>();
  const link = (key: string, i: number) => {
    const first = firstWith.get(key);
    if (first === undefined) firstWith.set(key, i);
    else uf.union(first, i);
  };
  items.forEach((item, i) => {
    // Prefixes keep a patient key and a duplicate key with the same text apart.
    if (item.patient !== null) link(`p\u0000${item.patient}`, i);
    for (const key of item.sameAs) link(`s\u0000${key}`, i);
  });
  const byRoot = new Map<number, number[]>();
  const order = items.map((_, i) => i).sort((a, b) => compareStrings(items[a].id, items[b].id));
  for (const i of order) {
    const root = uf.find(i);
    const members = byRoot.get(root);
    if (members) members.push(i);
    else byRoot.set(root, [i]);
  }
  const groups: ItemGroup[] = [];
  for (const members of byRoot.values()) {
    const patients = [...new Set(members.map((i) => items[i].patient).filter((p): p is string => p !== null))].sort(compareStrings);
    groups.push({ items: members, key: items[members[0]].id, stratum: modeOf(members.map((i) => items[i].stratum)), patients });
  }
  return groups.sort((a, b) => compareStrings(a.key, b.key));
}
