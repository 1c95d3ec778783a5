import type { AnomalyFlag, MissingSpan } from '../domain/series.js';

/**
 * Whether two readings (missing-value spans and anomaly flags) are the same, compared field by
 * field (a reading is compared with the one in force at every vintage of a run). Flag details are
 * equal as their JSON would be with sorted keys: jsonb does not keep key order.
 */
export function sameReading(a: { spans: MissingSpan[]; flags: AnomalyFlag[] }, b: { spans: MissingSpan[]; flags: AnomalyFlag[] }): boolean {
  if (a.spans.length !== b.spans.length || a.flags.length !== b.flags.length) return false;
  for (let k = 0; k < a.spans.length; k++) {
    const x = a.spans[k];
    const y = b.spans[k];
    if (x.from !== y.from || x.to !== y.to || x.reason !== y.reason || x.rule !== y.rule || (x.step ?? 1) !== (y.step ?? 1)) return false;
  }
  for (let k = 0; k < a.flags.length; k++) {
    const x = a.flags[k];
    const y = b.flags[k];
    if (x.date !== y.date || x.code !== y.code || !sameDetail(x.detail, y.detail)) return false;
  }
  return true;
}

type Detail = AnomalyFlag['detail'];

function sameDetail(x: Detail, y: Detail): boolean {
  if (x === y) return true;
  const fx = numericDetail(x);
  const fy = numericDetail(y);
  if (fx !== null && fy !== null) {
    // As their JSON: finite numbers alike when equal (0 and -0 both "0"), the others all "null".
    return fx === fy && sameJsonNumber(x?.change, y?.change) && sameJsonNumber(x?.z, y?.z) && sameJsonNumber(x?.days, y?.days);
  }
  return detailJson(x) === detailJson(y);
}

/** Which of the anomaly rules' detail fields a detail has (a bit each), or null when it has others or a non-number. */
function numericDetail(d: Detail): number | null {
  if (!d) return 0;
  let bits = 0;
  let n = 0;
  for (const key in d) {
    if (!Object.hasOwn(d, key)) continue;
    n++;
    const bit = key === 'change' ? 1 : key === 'z' ? 2 : key === 'days' ? 4 : 0;
    if (bit === 0 || typeof d[key] !== 'number') return null;
    bits |= bit;
  }
  return n === 0 ? 0 : bits;
}

function sameJsonNumber(x: string | number | undefined, y: string | number | undefined): boolean {
  if (x === undefined || y === undefined) return x === y;
  return x === y || (!Number.isFinite(x) && !Number.isFinite(y));
}

/** A detail as JSON of its entries sorted by key ('[]' for none). */
function detailJson(d: Detail): string {
  return d ? JSON.stringify(Object.entries(d).sort()) : '[]';
}
