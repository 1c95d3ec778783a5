import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { ingestConnectors } from '../../../test/ingest-source.js';
import { dataPath } from '../../../test/shared-data.js';
import { dayNumber } from '../../domain/dates.js';
import type { ParsedSource, SourceNote, SourceSeries } from '../../domain/series.js';
import { SourceFormatError } from '../../domain/validation.js';
import { findSeries, readPoints } from '../../store/read-series.js';
import { jhuErrata } from './index.js';
import { MAINLAND_AND_TERRITORIES, parseJhuErrata, PROVINCES_ONLY, seriesOfFile } from './parse.js';
import { rawCsvRows as rawRows } from '../../../test/raw-csv.js';

/** "4/7/2020" or "04/07/20" → ISO, written out by hand. */
function iso(us: string): string {
  const [m, d, y] = us.trim().split('/');
  return `${y.length === 2 ? `20${y}` : y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
}

const REAL = 'jhu/time_series/Errata_asof_2022-04-09.csv.gz';
const realText = gunzipSync(readFileSync(dataPath(REAL))).toString('utf8');
const fixture = (name: string) => ({ fileId: 'errata', name, text: readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8') });
const index = new WeakMap<ParsedSource, Map<string, SourceSeries>>();
/** The value a parse gives on a note's date, in the series of the note's place, metric and issue. */
const valueAt = (p: ParsedSource, n: SourceNote) => {
  const id = (x: { metric: string; issue?: string; place: unknown }) => `${x.metric}|${x.issue}|${JSON.stringify(x.place)}`;
  if (!index.has(p)) index.set(p, new Map(p.series.map((x) => [id(x), x])));
  const s = index.get(p)!.get(id(n))!;
  return s.values[dayNumber(n.date) - s.start];
};

describe('the real errata log (as of 2022-04-09)', () => {
  const parsed = parseJhuErrata([{ fileId: 'errata', name: REAL, text: realText }]);
  const rows = rawRows(realText);
  const [header, ...body] = rows;
  const count = (code: string, column?: string) => parsed.issues.filter((i) => i.code === code && (column === undefined || i.column === column)).reduce((a, i) => a + (i.count ?? 1), 0);

  it('has the documented header and 35,075 rows, every File naming one series except one without values', () => {
    expect(header).toEqual(['Update Date', 'File', 'Location', 'Field Updated', 'Old', 'New', 'Comments']);
    expect(body).toHaveLength(35075);
    expect(body.every((r) => r.length === 7)).toBe(true);
    const unknown = body.filter((r) => !seriesOfFile(r[1]));
    expect(unknown.map((r) => [r[1], r[5]])).toEqual([['time_series_covid19_global.csv', '']]);
  });

  it('skips the rows without a New value, and says how many', () => {
    expect(count('unparseable_cell', 'New')).toBe(body.filter((r) => r[5].trim() === '').length);
  });

  it('stores every single-date correction at its Update Date with its New value and comment (the later row of a day winning)', () => {
    const notes = new Map(parsed.notes!.map((n) => [n.line, n]));
    const simple = (r: string[]) => /^\d{1,2}\/\d{1,2}\/\d{2,4}$/.test(r[3].trim()) && /^-?\d+$/.test(r[5].trim());
    const cellKey = (r: string[]) => `${iso(r[0])}|${seriesOfFile(r[1])?.metric}|${r[2]}|${iso(r[3])}`;
    const lastOfCell = new Map<string, number>();
    body.forEach((r, i) => simple(r) && lastOfCell.set(cellKey(r), i));
    let checked = 0;
    body.forEach((r, i) => {
      const line = i + 2;
      if (!simple(r)) return;
      const n = notes.get(line);
      if (!n) return; // a place not taken at its word, or a cell corrected again later that day
      expect(n.date, `line ${line}`).toBe(iso(r[3]));
      expect(n.issue, `line ${line}`).toBe(iso(r[3]) > iso(r[0]) ? iso(r[3]) : iso(r[0]));
      expect(n.note.startsWith(r[6].trim() || 'JHU errata (no comment)'), `line ${line}`).toBe(true);
      expect(n.note).toContain(`old value: ${r[4].trim() || 'blank'}`);
      if (lastOfCell.get(cellKey(r)) === i) expect(valueAt(parsed, n), `line ${line}`).toBe(Number(r[5]));
      checked++;
    });
    expect(checked).toBeGreaterThan(32_000);
  });

  it('reads a correction of several dates with one value per date (France, 5/27/2020; Uruguay, 5/10/2020)', () => {
    const line = 1 + rows.findIndex((r) => r[2] === 'France' && r[3] === '05/22/20;05/23/20' && r[1].includes('confirmed'));
    const [a, b] = rows[line - 1][5].split(';').map(Number);
    const fr = parsed.notes!.filter((n) => n.line === line);
    expect(fr.map((n) => [n.date, n.issue, valueAt(parsed, n)])).toEqual([['2020-05-22', '2020-05-27', a], ['2020-05-23', '2020-05-27', b]]);
    const uy = parsed.notes!.filter((n) => n.place.kind === 'names' && n.place.country === 'Uruguay' && n.issue === '2020-05-10' && n.metric === 'deaths');
    expect(uy.map((n) => valueAt(parsed, n))).toEqual([1, 6, 9, 12]);
  });

  it('names places as the log does: US counties with their state, a UID, County-State, countries', () => {
    const placeOf = (line: number) => parsed.notes!.find((n) => n.line === line)?.place;
    const lineOf = (loc: string) => 2 + body.findIndex((r) => r[2] === loc);
    expect(placeOf(lineOf('Miami-Dade, FL'))).toEqual({ kind: 'names', country: 'US', province: 'FL', admin2: 'Miami-Dade' });
    expect(placeOf(lineOf('DC, US'))).toEqual({ kind: 'names', country: 'US', province: 'DC' });
    expect(placeOf(lineOf('Multnomah-Oregon'))).toEqual({ kind: 'names', country: 'US', province: 'Oregon', admin2: 'Multnomah' });
    expect(placeOf(lineOf('84029113, Lincoln, Missouri'))).toMatchObject({ kind: 'jhu-uid', uid: 84029113, country: 'US', province: 'Missouri', admin2: 'Lincoln' });
    expect(placeOf(lineOf('Chester, Pennsylvania, US'))).toEqual({ kind: 'names', country: 'US', province: 'Pennsylvania', admin2: 'Chester' });
  });

  it('does not place rows whose Location is known to be wrong, and reports them', () => {
    const countryOnly = (names: readonly string[], files: RegExp) => body.filter((r) => r[5].trim() !== '' && names.includes(r[2].trim()) && files.test(r[1]));
    const provincesOnly = [...countryOnly(['Australia', 'Canada', 'China'], /confirmed|cases|deaths/), ...countryOnly(['Australia', 'China'], /recovered/)];
    expect(parsed.issues.find((i) => i.message.includes('Australia, Canada or China'))?.count).toBe(provincesOnly.length);
    expect(parsed.issues.find((i) => i.message.includes('no national row'))?.count).toBe(body.filter((r) => /_US/i.test(r[1]) && r[2].trim() === 'US' && r[5].trim() !== '').length);
    expect(parsed.issues.find((i) => i.message.includes('while the comment names another place'))?.count).toBeGreaterThan(1200);
    expect(parsed.notes!.some((n) => n.place.kind === 'names' && n.place.country === 'China' && !n.place.province)).toBe(false);
    expect(parsed.issues.find((i) => i.code === 'repaired')?.message).toMatch(/line 356 \(7\/17\/2020 for 2020-07-18\)/);
  });

  it('the split-country lists match the final JHU global files', () => {
    for (const m of ['confirmed', 'deaths', 'recovered']) {
      const ts = rawRows(gunzipSync(readFileSync(dataPath(`jhu/time_series/time_series_covid19_${m}_global.csv.gz`))).toString('utf8')).slice(1);
      const split = new Set(ts.filter((r) => r[0] !== '').map((r) => r[1]));
      const withCountryRow = new Set(ts.filter((r) => r[0] === '').map((r) => r[1]));
      expect([...split].filter((c) => !withCountryRow.has(c)).sort(), m).toEqual([...PROVINCES_ONLY[m]]);
      expect([...split].filter((c) => withCountryRow.has(c)).sort(), m).toEqual([...MAINLAND_AND_TERRITORIES]);
    }
  });
});

describe('small and broken files', () => {
  const good = parseJhuErrata([fixture('good.csv')]);
  const byLine = (line: number) => good.notes!.filter((n) => n.line === line).map((n) => [n.date, n.issue, n.metric, valueAt(good, n)]);

  it('reads each format of good.csv', () => {
    expect(good.series).toHaveLength(9);
    expect(byLine(2)).toEqual([['2020-03-19', '2020-04-07', 'confirmed', 101]]);
    expect(byLine(7)).toEqual([['2020-04-27', '2020-05-06', 'deaths', 1]]);
    expect(byLine(8)).toEqual([['2020-05-22', '2020-05-27', 'confirmed', 179645], ['2020-05-23', '2020-05-27', 'confirmed', 179964]]);
    expect(byLine(10)).toEqual([]); // replaced by line 11, same cell, same day
    expect(byLine(11)).toEqual([['2020-06-07', '2020-06-08', 'deaths', 110508]]);
    expect(byLine(13)).toEqual([['2020-07-18', '2020-07-18', 'confirmed', 38042]]);
    expect(byLine(17)).toEqual([['2020-06-01', '2020-06-28', 'confirmed', 4], ['2020-06-02', '2020-06-28', 'confirmed', 5], ['2020-06-03', '2020-06-28', 'confirmed', 6]]);
    expect(good.notes!.find((n) => n.line === 17)!.note).toBe('JHU errata (no comment) (JHU errata, line 17; old value: 1)');
    expect(good.notes!.find((n) => n.line === 2)!.note).toBe('New York Times (JHU errata, line 2; old value: 0)');
    const miami = good.series.find((s) => s.place.kind === 'names' && s.place.admin2 === 'Miami-Dade')!;
    expect([miami.start, Array.from(miami.values)]).toEqual([dayNumber('2020-03-19'), [101, 124]]);
  });

  it('reports what it does not store, by reason', () => {
    expect(good.issues.map((i) => [i.code, i.severity, i.count, i.message.match(/lines? \d+(?:, \d+)*/)?.[0]])).toEqual([
      ['unparseable_cell', 'info', 1, 'lines 6'],
      ['unparseable_cell', 'warning', 1, 'lines 14'],
      ['unmatched_location', 'warning', 1, 'lines 9'],
      ['unmatched_location', 'warning', 1, 'lines 15'],
      ['unmatched_location', 'warning', 1, 'lines 16'],
      ['repaired', 'warning', 1, 'line 13'],
      ['duplicate_row', 'info', 1, undefined],
    ]);
  });

  it('parses a file with a byte-order mark like one without', () => {
    const bom = parseJhuErrata([fixture('bom.csv')]);
    expect(bom.series.map((s) => [s.issue, Array.from(s.values)])).toEqual(good.series.map((s) => [s.issue, Array.from(s.values)]));
  });

  it('tolerates a repeated row: the same cell corrected twice the same day, the later row wins (counted)', () => {
    const dup = parseJhuErrata([fixture('duplicate-row.csv')]);
    expect(dup.series.map((s) => Array.from(s.values))).toEqual(good.series.map((s) => Array.from(s.values)));
    expect(dup.issues.find((i) => i.code === 'duplicate_row')?.count).toBe(2);
  });

  const cases: [string, RegExp][] = [
    ['changed-header.csv', /changed-header\.csv, line 1: missing column "Field Updated"/],
    ['missing-column.csv', /missing-column\.csv, line 1: missing column "Old"/],
    ['non-numeric-cell.csv', /non-numeric-cell\.csv, line 3, column "New": not a number: "12A"/],
    ['bad-update-date.csv', /bad-update-date\.csv, line 4, column "Update Date": not a date: "4\/37\/2020"/],
    ['truncated.csv', /truncated\.csv, line 7: expected 7 fields, found 2/],
  ];
  it.each(cases)('%s fails with a message naming file, line and column', (name, message) => {
    expect(() => parseJhuErrata([fixture(name)])).toThrow(SourceFormatError);
    expect(() => parseJhuErrata([fixture(name)])).toThrow(message);
  });
});

describe('jhu-errata ingested from the real mirror', async () => {
  const { t, runs } = await ingestConnectors([jhuErrata]);
  afterAll(() => t.drop());
  const run = runs.find((r) => r.sourceId === 'jhu-errata')!;
  const body = rawRows(realText).slice(1);
  const raw = (loc: string, field: string, file: RegExp) => body.find((r) => r[2] === loc && r[3] === field && file.test(r[1]))!;
  const stored = async (key: string, metric: string, date: string) => {
    const [ref] = await findSeries(t.db, [key], [metric], 'jhu-errata');
    expect(ref, `${key} ${metric}`).toBeDefined();
    const p = (await readPoints(t.db, [ref], null)).get(ref.seriesId)!;
    const i = p.days.indexOf(dayNumber(date));
    const [note] = await t.db.query<{ note: string }>(`SELECT note FROM observation_notes WHERE series_id = $1 AND date = $2::date AND issue = $3::date`, [ref.seriesId, date, new Date(p.issues[i] * 86_400_000).toISOString().slice(0, 10)]);
    return { value: p.values[i], issue: p.issues[i], note: note?.note };
  };

  it('succeeds; the gazetteer leaves two rows unmatched ("Kansas City" in a US file, "Florida" in the global file)', () => {
    expect(run.status, run.error ?? '').toBe('succeeded');
    const fromRunner = run.issues.filter((i) => i.code === 'unmatched_location' && i.count === undefined).map((i) => i.message.split(' matches')[0]);
    expect(fromRunner.sort()).toEqual(['"Florida"', '"Kansas City, US"']);
    expect(run.files.map((f) => [f.fileId, f.issue])).toEqual([['errata', '2022-04-09']]);
  });

  it('stores corrections at their Update Date, with the comment as the note', async () => {
    const miami = raw('Miami-Dade, FL', '3/19/2020', /confirmed_US/);
    const line = 2 + body.indexOf(miami);
    expect(await stored('US_FL_12086', 'confirmed', '2020-03-19')).toEqual({ value: Number(miami[5]), issue: dayNumber(iso(miami[0])), note: `${miami[6]} (JHU errata, line ${line}; old value: ${miami[4]})` });
    const vi = raw('Viginia Island', '3/29/2020', /confirmed_US/);
    expect(await stored('US_VI', 'confirmed', '2020-03-29')).toMatchObject({ value: Number(vi[5]), issue: dayNumber('2020-04-07') });
    const il = raw('all Illinois counties', '4/7/2020', /confirmed_US/);
    expect(await stored('US_IL', 'confirmed', '2020-04-07')).toMatchObject({ value: Number(il[5]), issue: dayNumber('2020-04-18') });
    const us = raw('US', '04/07/2022', /confirmed_global/);
    expect(await stored('US', 'confirmed', '2022-04-07')).toMatchObject({ value: Number(us[5]), issue: dayNumber(iso(us[0])) });
  });
});
