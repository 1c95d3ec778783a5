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
