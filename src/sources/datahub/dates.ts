import { dayFromParts, isoFromDay } from '../../domain/dates.js';
import { SourceFormatError } from '../../domain/validation.js';

/**
 * DataHub writes dates as YYYY-MM-DD, except in the files committed on 2020-09-01, which
 * write YYYY-DD-MM ("2020-22-01" for 22 January; an upstream bug). The order is read from the
 * dates themselves, never from the file name:
 *
 * 1. a reading under which some date is not a calendar date ("month" 22) is ruled out;
 * 2. a file that reads only day-first is repaired only if that reading makes sense: where a
 *    place has several rows, at least half of its consecutive rows are consecutive days
 *    (DataHub lists every place day by day), so one stray "2020-13-05" in a YYYY-MM-DD file
 *    is refused instead of turning "2020-03-01" into 3 January;
 * 3. when both readings give calendar dates (every day of the month is 12 or less), the one in
 *    which more consecutive rows of a place are consecutive days wins ("2020-01-03,
 *    2020-02-03, 2020-03-03" is 1–3 March written day-first), then the one whose days form the
 *    more compact run; a tie between two different readings refuses the file.
 */
export type DateOrder = 'YYYY-MM-DD' | 'YYYY-DD-MM';

export interface DateColumn {
  /** Day number of each data row's date (index 0 = first data row). */
  days: Int32Array;
  order: DateOrder;
}

const SHAPE = /^(\d{4})-(\d{2})-(\d{2})$/;

interface Reading {
  iso: number;
  swapped: number;
  /** First data row (1-based CSV row) with this spelling. */
  row: number;
}

/**
 * Reads the date cell of every data row (`cells[i]` is CSV row i + 1). `placeOf(i)` names the
 * place of data row i (rows of one place should follow day by day); `lineOf(row)` gives the
 * source line of a CSV row for messages.
 */
export function readDateColumn(
  cells: readonly string[],
  placeOf: (i: number) => string,
  file: string,
  column: string,
  lineOf: (row: number) => number,
): DateColumn {
  // Distinct spellings first: a file has a few hundred dates and a hundred thousand rows.
  const distinct = new Map<string, Reading>();
  const readings = new Array<Reading>(cells.length);
  for (let i = 0; i < cells.length; i++) {
    const text = cells[i].trim();
    let d = distinct.get(text);
    if (!d) {
      const m = SHAPE.exec(text);
      if (!m) throw new SourceFormatError(`not a date: ${JSON.stringify(cells[i])} (expected YYYY-MM-DD)`, file, lineOf(i + 1), column);
      const [y, a, b] = [Number(m[1]), Number(m[2]), Number(m[3])];
      d = { iso: dayFromParts(y, a, b), swapped: dayFromParts(y, b, a), row: i + 1 };
      distinct.set(text, d);
    }
    readings[i] = d;
  }
  const entries = [...distinct.entries()];
  const badIso = entries.find(([, d]) => Number.isNaN(d.iso));
  const badSwapped = entries.find(([, d]) => Number.isNaN(d.swapped));
  let order: DateOrder;
  if (badIso && badSwapped) {
    const [isoText, isoAt] = badIso;
    const [swText, swAt] = badSwapped;
    if (isoText === swText) throw new SourceFormatError(`not a calendar date: ${JSON.stringify(isoText)}`, file, lineOf(isoAt.row), column);
    throw new SourceFormatError(
      `dates mix two orders: ${JSON.stringify(isoText)} (line ${lineOf(isoAt.row)}) is no YYYY-MM-DD date, ${JSON.stringify(swText)} (line ${lineOf(swAt.row)}) is no YYYY-DD-MM date`,
      file,
      lineOf(Math.max(isoAt.row, swAt.row)),
      column,
    );
  } else if (!badIso && badSwapped) {
    order = 'YYYY-MM-DD';
  } else if (badIso) {
    const s = steps(readings, placeOf, 'swapped');
    if (s.pairs > 0 && s.unit * 2 < s.pairs) {
      const [isoText, isoAt] = badIso;
      throw new SourceFormatError(
        `not a calendar date: ${JSON.stringify(isoText)}; read day-first (YYYY-DD-MM) the dates would make sense, but then only ${s.unit} of ${s.pairs} consecutive rows of a place are consecutive days, so the file is not repaired`,
        file,
        lineOf(isoAt.row),
        column,
      );
    }
    order = 'YYYY-DD-MM';
  } else {
    order = bothValid(readings, entries.map(([, d]) => d), placeOf, file, column);
  }
  const days = new Int32Array(cells.length);
  for (let i = 0; i < cells.length; i++) days[i] = order === 'YYYY-MM-DD' ? readings[i].iso : readings[i].swapped;
  return { days, order };
}

/** Consecutive rows of one place (`pairs`) and how many of them are one day apart (`unit`). */
function steps(readings: readonly Reading[], placeOf: (i: number) => string, reading: 'iso' | 'swapped'): { pairs: number; unit: number } {
  const last = new Map<string, number>();
  let pairs = 0;
  let unit = 0;
  for (let i = 0; i < readings.length; i++) {
    const place = placeOf(i);
    const day = readings[i][reading];
    const prev = last.get(place);
    if (prev !== undefined) {
      pairs++;
      if (day === prev + 1) unit++;
    }
    last.set(place, day);
  }
  return { pairs, unit };
}

/** Both readings are calendar dates: the more day-by-day reading wins, then the more compact one. */
function bothValid(readings: readonly Reading[], dates: readonly Reading[], placeOf: (i: number) => string, file: string, column: string): DateOrder {
  if (dates.every((d) => d.iso === d.swapped)) return 'YYYY-MM-DD';
  const isoSteps = steps(readings, placeOf, 'iso').unit;
  const swappedSteps = steps(readings, placeOf, 'swapped').unit;
  if (isoSteps !== swappedSteps) return isoSteps > swappedSteps ? 'YYYY-MM-DD' : 'YYYY-DD-MM';
  const gaps = (days: number[]) => {
    const set = new Set(days);
    let lo = Number.POSITIVE_INFINITY;
    let hi = Number.NEGATIVE_INFINITY;
    for (const d of set) {
      lo = Math.min(lo, d);
      hi = Math.max(hi, d);
    }
    return hi - lo + 1 - set.size;
  };
  const isoGaps = gaps(dates.map((d) => d.iso));
  const swappedGaps = gaps(dates.map((d) => d.swapped));
  if (isoGaps !== swappedGaps) return isoGaps < swappedGaps ? 'YYYY-MM-DD' : 'YYYY-DD-MM';
  const first = dates.find((d) => d.iso !== d.swapped)!;
  throw new SourceFormatError(
    `dates are ambiguous: every day is 12 or less and the file reads as well in YYYY-MM-DD as in YYYY-DD-MM (e.g. ${isoFromDay(first.iso)} or ${isoFromDay(first.swapped)})`,
    file,
    1,
    column,
  );
}
