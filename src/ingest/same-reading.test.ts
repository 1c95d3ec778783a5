import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AnomalyFlag, MissingSpan } from '../domain/series.js';
import { sameReading } from './same-reading.js';

/**
 * The comparison sameReading replaced (store-series.ts until 2026-12-07): two readings were the
 * same when these strings were. Kept here as the reference.
 */
function readingSignature(r: { spans: MissingSpan[]; flags: AnomalyFlag[] }): string {
  let out = '';
  for (const s of r.spans) out += `${s.from}|${s.to}|${s.reason}|${s.rule}|${s.step ?? 1};`;
  out += '#';
  for (const f of r.flags) out += `${f.date}|${f.code}|${f.detail ? JSON.stringify(Object.entries(f.detail).sort()) : '[]'};`;
  return out;
}

// Small domains, so that equal and nearly equal readings come up often.
const date = fc.constantFrom('2020-03-01', '2020-03-02', '2020-03-09');
const span: fc.Arbitrary<MissingSpan> = fc.record(
  { from: date, to: date, reason: fc.constantFrom('not_reported', 'discontinued', 'incomplete'), rule: fc.constantFrom('blank-cell', 'weekday-cadence'), step: fc.constant(7 as const) },
  { requiredKeys: ['from', 'to', 'reason', 'rule'] },
);
const num = fc.oneof(fc.constantFrom(0, -0, 1, 2.5, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY), fc.integer({ min: -3, max: 3 }));
const detail = fc.oneof(
  fc.constant(undefined),
  fc.constant({}),
  fc.record({ change: num }),
  fc.record({ change: num, z: num }),
  fc.record({ z: num, change: num }),
  fc.record({ days: num }),
  fc.record({ change: fc.constantFrom('1', 1) }),
  fc.dictionary(fc.constantFrom('change', 'z', 'days', 'other'), fc.oneof(num, fc.constantFrom('a', '1'))),
);
const flag: fc.Arbitrary<AnomalyFlag> = fc
  .record({ date, code: fc.constantFrom('negative_change', 'backlog_dump', 'stale_values') as fc.Arbitrary<AnomalyFlag['code']>, detail })
  .map(({ date, code, detail }) => (detail === undefined ? { date, code } : { date, code, detail }));
const reading = fc.record({ spans: fc.array(span, { maxLength: 2 }), flags: fc.array(flag, { maxLength: 2 }) });

describe('sameReading', () => {
  it('answers as comparing the readings’ signatures does', () => {
    let same = 0;
    fc.assert(
      fc.property(reading, reading, (a, b) => {
        const expected = readingSignature(a) === readingSignature(b);
        if (expected) same++;
        expect(sameReading(a, b)).toBe(expected);
        // A reading and a copy of it (as read back from jsonb: keys in another order).
        const copy = JSON.parse(JSON.stringify(a)) as typeof a;
        for (const f of copy.flags) if (f.detail) f.detail = Object.fromEntries(Object.entries(f.detail).reverse());
        expect(sameReading(a, copy)).toBe(readingSignature(a) === readingSignature(copy));
      }),
      { numRuns: 20_000, seed: 13 },
    );
    // Equal pairs came up, not only different ones.
    expect(same).toBeGreaterThan(200);
  });
});
