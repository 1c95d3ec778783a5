import { dayNumber } from '../../domain/dates.js';
import type { ParsedSource, PlaceRef, SourceInputFile } from '../../domain/series.js';
import { SourceFormatError } from '../../domain/validation.js';
import { readMat5 } from './mat5.js';

/** Day 0 of the files' time index ("Dec62019=t0"): index t is 2019-12-06 + t days (IncidenceData.m). */
export const WELLS_T0 = dayNumber('2019-12-06');

/**
 * What each ingested file is: its variable and the place it counts. Only the Wuhan series is a
 * place; the Hubei and China files count Hubei outside Wuhan and China outside Hubei (the
 * repository's README), which are not places (see the manifest notes).
 */
const FILES: Record<string, { variable: string; place: PlaceRef }> = {
  'reported-wuhan': { variable: 'RWuhan', place: { kind: 'names', country: 'China', province: 'Hubei', admin2: 'Wuhan' } },
};

/**
 * One incidence file of Wells et al. (a 72×2 MATLAB array: column 1 the day index t, column 2
 * the cases reported on day t) → new_confirmed by date of report. Takes the file's bytes.
 */
export function parseWellsMat(bytes: Uint8Array, name: string, fileId: string): ParsedSource {
  const spec = FILES[fileId];
  if (!spec) throw new SourceFormatError(`unknown file id ${JSON.stringify(fileId)}`, name);
  const mat = readMat5(bytes, name);
  const v = mat.variables.find((x) => x.name === spec.variable);
  if (!v) throw new SourceFormatError(`no variable ${JSON.stringify(spec.variable)} (found ${mat.variables.map((x) => JSON.stringify(x.name)).join(', ') || 'none'})`, name, undefined, spec.variable);
  if (!v.real || v.dims.length !== 2 || v.dims[1] !== 2 || v.dims[0] < 1) {
    throw new SourceFormatError(`${spec.variable} is a ${v.class} array of ${v.dims.join('×')}, not an N×2 numeric array (day index, count)`, name, undefined, spec.variable);
  }
  const n = v.dims[0];
  const t = v.real.subarray(0, n);
  const counts = v.real.subarray(n, 2 * n);
  for (let i = 0; i < n; i++) {
    if (t[i] !== t[0] + i) throw new SourceFormatError(`day index in row ${i + 1} is ${t[i]}, expected ${t[0] + i} (consecutive days)`, name, undefined, `${spec.variable}(${i + 1},1)`);
    if (!Number.isFinite(counts[i]) || counts[i] < 0) throw new SourceFormatError(`count in row ${i + 1} is ${counts[i]}`, name, undefined, `${spec.variable}(${i + 1},2)`);
  }
  return {
    series: [{ fileId, line: 1, place: spec.place, metric: 'new_confirmed', start: WELLS_T0 + t[0], values: Float64Array.from(counts) }],
    populations: [],
    issues: [],
  };
}

export function parseWellsrc(files: SourceInputFile[]): ParsedSource {
  const out: ParsedSource = { series: [], populations: [], issues: [] };
  for (const f of files) {
    if (!f.bytes) throw new SourceFormatError('a MATLAB .mat file is binary: the parser needs the file\'s bytes (SourceInputFile.bytes), which the caller did not pass', f.name);
    const p = parseWellsMat(f.bytes, f.name, f.fileId);
    out.series.push(...p.series);
    out.issues.push(...p.issues);
  }
  return out;
}
