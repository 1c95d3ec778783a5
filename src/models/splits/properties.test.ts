/**
 * Property-based tests (fast-check, fixed seed) of grouping, building and auditing over random
 * item sets: patients with 1–8 images, random findings, images with no patient, and duplicate
 * links within and across patients. Groups are checked against an independent reference (a
 * quadratic flood fill over "same patient or a shared key", no union-find).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { auditSplits, type AuditRow } from './audit.js';
import { buildSplits, type BuiltSplits } from './build.js';
import { groupItems, type SplitItem } from './groups.js';

const RUNS = { seed: 20261206, numRuns: 200 };

const STRATA = ['COVID-19', 'Pneumonia/Bacterial', 'No Finding', 'ARDS'] as const;

interface ItemSetShape {
  patients: string[][];
  orphans: string[];
  links: [number, number][];
}

/**
 * Patients with 1–8 images each (random strata), images with no patient, and random duplicate links
 * (a shared `sha256:` key, and some shared `name:` keys) between any two images, within or across patients.
 */
const itemSetArb: fc.Arbitrary<SplitItem[]> = fc
  .record({
    patients: fc.array(fc.array(fc.constantFrom(...STRATA), { minLength: 1, maxLength: 8 }), { maxLength: 14 }),
    orphans: fc.array(fc.constantFrom(...STRATA), { maxLength: 8 }),
    links: fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 6 }),
  })
  .map(itemsFromShape);

function itemsFromShape({ patients, orphans, links }: ItemSetShape): SplitItem[] {
  const items: { id: string; patient: string | null; stratum: string; sameAs: string[] }[] = [];
  patients.forEach((strata, p) =>
    strata.forEach((stratum, k) => items.push({ id: `ds/p${p}-img${k}.png`, patient: `ds/${p}`, stratum, sameAs: [] })),
  );
  orphans.forEach((stratum, k) => items.push({ id: `ds/orphan${k}.jpg`, patient: null, stratum, sameAs: [] }));
  if (items.length > 0) {
    links.forEach(([a, b], l) => {
      const key = l % 2 === 0 ? `sha256:${l.toString(16).padStart(8, '0')}` : `name:dup${l}.png|https://example.org/${l}`;
      items[a % items.length].sameAs.push(key);
      items[b % items.length].sameAs.push(key);
    });
  }
  return items;
}

/** Reference components: flood fill over the "same patient or shared key" relation, as sets of ids. */
function referenceGroups(items: readonly SplitItem[]): string[][] {
  const linked = (a: SplitItem, b: SplitItem) =>
    (a.patient !== null && a.patient === b.patient) || a.sameAs.some((k) => b.sameAs.includes(k));
  const done = new Set<number>();
  const groups: string[][] = [];
  for (let i = 0; i < items.length; i++) {
    if (done.has(i)) continue;
    const members = [i];
    done.add(i);
    for (let k = 0; k < members.length; k++) {
      for (let j = 0; j < items.length; j++) {
        if (!done.has(j) && linked(items[members[k]], items[j])) {
          done.add(j);
          members.push(j);
        }
      }
    }
    groups.push(members.map((m) => items[m].id).sort());
  }
  return groups.sort((a, b) => (a[0] < b[0] ? -1 : 1));
}

/** Most frequent stratum of a reference group, ties to the first in code-unit order. */
function referenceStratum(items: readonly SplitItem[], ids: readonly string[]): string {
  const strata = ids.map((id) => items.find((it) => it.id === id)!.stratum).sort();
  let best = strata[0];
  let bestCount = 0;
  for (const s of new Set(strata)) {
    const c = strata.filter((x) => x === s).length;
    if (c > bestCount) {
      best = s;
      bestCount = c;
    }
  }
  return best;
}

/** Deterministic shuffle for the tests (not the code under test's): sorts by a hash of id and salt. */
function reorder<T extends { id: string }>(xs: readonly T[], salt: number): T[] {
  const h = (s: string) => {
    let x = salt >>> 0;
    for (let i = 0; i < s.length; i++) x = Math.imul(x ^ s.charCodeAt(i), 2654435761) >>> 0;
    return x;
  };
  return xs.slice().sort((a, b) => h(a.id) - h(b.id) || (a.id < b.id ? -1 : 1));
}

const ratiosArb: fc.Arbitrary<number[]> = fc.oneof(
  fc.constantFrom<number[]>([0.7, 0.15, 0.15], [0.8, 0.1, 0.1], [0.6, 0.2, 0.2], [1 / 3, 1 / 3, 1 / 3], [0.5, 0.5], [0.9, 0.1], [1], [0, 0.5, 0.5], [0.5, 0, 0.5]),
  fc
    .array(fc.nat(20), { minLength: 1, maxLength: 3 })
    .filter((w) => w.some((x) => x > 0))
    .map((w) => {
      const total = w.reduce((a, x) => a + x, 0);
      return w.map((x) => x / total);
    }),
);
const seedArb = fc.integer({ min: 0, max: 4294967295 });

const splitOf = (built: BuiltSplits) => new Map(built.rows.map((r) => [r.id, r.split]));

describe('groupItems against the flood-fill reference', () => {
  it('same components and group findings, whatever the input order', () => {
    fc.assert(
      fc.property(itemSetArb, fc.nat(), (items, salt) => {
        const ref = referenceGroups(items);
        const groups = groupItems(items);
        expect(groups.map((g) => g.items.map((i) => items[i].id))).toEqual(ref);
        expect(groups.map((g) => g.stratum)).toEqual(ref.map((ids) => referenceStratum(items, ids)));
        const shuffled = reorder(items, salt);
        expect(groupItems(shuffled).map((g) => g.items.map((i) => shuffled[i].id))).toEqual(ref);
      }),
      RUNS,
    );
  });
});

describe('buildSplits properties', () => {
  it('assigns every item exactly once, in input order, to a split the ratios name', () => {
    fc.assert(
      fc.property(itemSetArb, ratiosArb, seedArb, (items, ratios, seed) => {
        const built = buildSplits({ items, ratios, seed });
        expect(built.rows.map((r) => r.id)).toEqual(items.map((i) => i.id));
        const names = ['train', 'val', 'test'].slice(0, ratios.length);
        for (const r of built.rows) expect(names).toContain(r.split);
        expect(built.summary.map((s) => s.split)).toEqual(names);
        expect(built.summary.reduce((a, s) => a + s.images, 0)).toBe(items.length);
        expect(built.groups).toBe(referenceGroups(items).length);
        expect(built.summary.reduce((a, s) => a + s.groups, 0)).toBe(built.groups);
        // A split with ratio 0 gets nothing.
        ratios.forEach((r, s) => {
          if (r === 0) expect(built.summary[s].images).toBe(0);
        });
      }),
      RUNS,
    );
  });

  it('puts no patient and no duplicate key in two splits', () => {
    fc.assert(
      fc.property(itemSetArb, ratiosArb, seedArb, (items, ratios, seed) => {
        const split = splitOf(buildSplits({ items, ratios, seed }));
        const seen = new Map<string, string>();
        for (const it of items) {
          const keys = [...(it.patient === null ? [] : [`patient ${it.patient}`]), ...it.sameAs.map((k) => `key ${k}`)];
          for (const k of keys) {
            const before = seen.get(k);
            if (before !== undefined) expect(`${k} in ${split.get(it.id)}`).toBe(`${k} in ${before}`);
            else seen.set(k, split.get(it.id)!);
          }
        }
      }),
      RUNS,
    );
  });

  it('per finding, the groups in each split are within one of ratio × groups (floor or ceiling)', () => {
    fc.assert(
      fc.property(itemSetArb, ratiosArb, seedArb, (items, ratios, seed) => {
        const split = splitOf(buildSplits({ items, ratios, seed }));
        const names = ['train', 'val', 'test'];
        const perStratum = new Map<string, number[]>();
        for (const ids of referenceGroups(items)) {
          const splits = new Set(ids.map((id) => split.get(id)));
          expect(splits.size).toBe(1); // a group goes whole to one split
          const stratum = referenceStratum(items, ids);
          const counts = perStratum.get(stratum) ?? [0, 0, 0];
          counts[names.indexOf([...splits][0]!)]++;
          perStratum.set(stratum, counts);
        }
        for (const counts of perStratum.values()) {
          const n = counts.reduce((a, c) => a + c, 0);
          ratios.forEach((r, s) => {
            const target = r * n;
            expect(counts[s]).toBeGreaterThanOrEqual(Math.floor(target + 1e-9));
            expect(counts[s]).toBeLessThanOrEqual(Math.ceil(target - 1e-9));
          });
        }
      }),
      RUNS,
    );
  });

  it('same items, ratios and seed → identical output; shuffled input order → same splits and summary', () => {
    fc.assert(
      fc.property(itemSetArb, ratiosArb, seedArb, fc.nat(), (items, ratios, seed, salt) => {
        const a = buildSplits({ items, ratios, seed });
        expect(buildSplits({ items, ratios, seed })).toEqual(a);
        const shuffled = reorder(items, salt);
        const b = buildSplits({ items: shuffled, ratios, seed });
        expect(b.rows.map((r) => r.id)).toEqual(shuffled.map((i) => i.id));
        expect(splitOf(b)).toEqual(splitOf(a));
        expect(b.summary).toEqual(a.summary);
        expect(b.groups).toBe(a.groups);
      }),
      RUNS,
    );
  });

  it('different seeds usually differ: where a finding has groups for two splits, some of 40 other seeds give another split', () => {
    fc.assert(
      fc.property(itemSetArb, seedArb, (items, seed) => {
        const ratios = [0.5, 0.25, 0.25];
        // Shuffling matters when some finding has at least two groups (then both train and another split get one).
        const perStratum = new Map<string, number>();
        for (const ids of referenceGroups(items)) {
          const s = referenceStratum(items, ids);
          perStratum.set(s, (perStratum.get(s) ?? 0) + 1);
        }
        fc.pre([...perStratum.values()].some((n) => n >= 2));
        const base = splitOf(buildSplits({ items, ratios, seed }));
        let differs = false;
        for (let k = 1; k <= 40 && !differs; k++) {
          const other = splitOf(buildSplits({ items, ratios, seed: (seed + k) % 4294967296 }));
          differs = [...base].some(([id, s]) => other.get(id) !== s);
        }
        expect(differs).toBe(true);
      }),
      RUNS,
    );
  });

  it('a split built by buildSplits always audits clean, with the same counts', () => {
    fc.assert(
      fc.property(itemSetArb, ratiosArb, seedArb, (items, ratios, seed) => {
        const built = buildSplits({ items, ratios, seed });
        const split = splitOf(built);
        const audit = auditSplits(items.map((it) => ({ ...it, split: split.get(it.id)! })));
        expect(audit.leakage).toBe(false);
        expect(audit.patientsInSeveralSplits).toEqual([]);
        expect(audit.duplicatesAcrossSplits).toEqual([]);
        expect(audit.idsInSeveralSplits).toEqual([]);
        const nonEmpty = built.summary.filter((s) => s.images > 0);
        expect(audit.findingsPerSplit).toEqual(
          nonEmpty.map((s) => ({
            split: s.split,
            images: s.images,
            patients: s.patients,
            findings: Object.fromEntries(Object.entries(s.findings).map(([f, c]) => [f, c.images])),
          })),
        );
      }),
      RUNS,
    );
  });
});

describe('auditSplits properties', () => {
  it('reports leakage exactly when some group (reference components) is in two splits', () => {
    fc.assert(
      fc.property(itemSetArb, fc.array(fc.constantFrom('train', 'val', 'test', 'holdout')), (items, labels) => {
        fc.pre(labels.length > 0);
        const rows: AuditRow[] = items.map((it, i) => ({ ...it, split: labels[i % labels.length] }));
        const splitById = new Map(rows.map((r) => [r.id, r.split]));
        const straddles = referenceGroups(items).some((ids) => new Set(ids.map((id) => splitById.get(id))).size > 1);
        const audit = auditSplits(rows);
        expect(audit.leakage).toBe(straddles);
        // Every reported patient / key really is in several splits.
        for (const p of audit.patientsInSeveralSplits) expect(Object.keys(p.splits).length).toBeGreaterThan(1);
        for (const d of audit.duplicatesAcrossSplits) {
          expect(new Set(d.items.map((x) => x.split)).size).toBeGreaterThan(1);
          for (const x of d.items) expect(items.find((it) => it.id === x.id)!.sameAs).toContain(d.key);
        }
        // Output does not depend on the row order.
        expect(auditSplits(rows.slice().reverse())).toEqual(audit);
      }),
      RUNS,
    );
  });
});
