import type { AnomalyFlag, MissingSpan } from '../domain/series.js';

/**
 * Two readings are the same when their signatures are. Key order is not kept by jsonb, so the
 * signature lists spans and flags field by field.
 */
export function readingSignature(r: { spans: MissingSpan[]; flags: AnomalyFlag[] }): string {
  let out = '';
  for (const s of r.spans) out += `${s.from}|${s.to}|${s.reason}|${s.rule}|${s.step ?? 1};`;
  out += '#';
  for (const f of r.flags) out += `${f.date}|${f.code}|${f.detail ? detailSignature(f.detail) : '[]'};`;
  return out;
}

export function detailSignature(detail: NonNullable<AnomalyFlag['detail']>): string {
  // The details the anomaly rules write, spelled as the general case below would spell them
  // (JSON of the entries sorted), without building and sorting the entries of every flag.
  const { change, z, days } = detail;
  const keys = (change !== undefined ? 1 : 0) + (z !== undefined ? 1 : 0) + (days !== undefined ? 1 : 0);
  if (keys === Object.keys(detail).length && typeof (change ?? 0) === 'number' && typeof (z ?? 0) === 'number' && typeof (days ?? 0) === 'number') {
    if (keys === 1 && change !== undefined) return `[["change",${JSON.stringify(change)}]]`;
    if (keys === 2 && change !== undefined && z !== undefined) return `[["change",${JSON.stringify(change)}],["z",${JSON.stringify(z)}]]`;
    if (keys === 1 && days !== undefined) return `[["days",${JSON.stringify(days)}]]`;
  }
  return JSON.stringify(Object.entries(detail).sort());
}

/**
 * Whether two readings have the same signature, compared field by field without building the
 * signatures (a reading is compared with the one in force at every vintage of a run). The same
 * answer as comparing readingSignature()s, for fields without the signature's separators (rule
 * names, reasons, codes and ISO dates have none).
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
  return (x ? detailSignature(x) : '[]') === (y ? detailSignature(y) : '[]');
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
