import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { dataPath } from '../../../test/shared-data.js';
import type { CaseRecord, Outcome, ParsedCases } from '../../domain/cases.js';
import { SourceFormatError } from '../../domain/validation.js';
import { CASE_CONNECTORS } from '../case-registry.js';
import { independentCsv, independentCsvObjects } from '../imaging-kit/independent-reader.js';
import { linelistOpen } from './index.js';
import { manifest } from './manifest.js';
import { OPEN_COLUMNS, parseOpenLineList } from './parse.js';

const REAL = 'linelists/beoutbreakprepared/COVID19_open_line_list.csv.gz';
const realText = gunzipSync(readFileSync(dataPath(REAL))).toString('utf8');
const parsed = parseOpenLineList([{ fileId: 'line-list', name: REAL, text: realText }]);
// The independent reading: its own CSV reader (imaging-kit/independent-reader), none of the parser's code.
const raw = independentCsvObjects(realText.replace(/\r\n/g, '\n'));
const rawRows = raw.rows.filter((r) => r.get('ID').trim() !== '');
const COPY = '2020-02-29';

const fixtureDir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures');
const fixture = (name: string): ParsedCases => parseOpenLineList([{ fileId: 'line-list', name, text: readFileSync(path.join(fixtureDir, name), 'utf8') }]);
const fixtureError = (name: string): SourceFormatError => {
  try {
    fixture(name);
  } catch (e) {
    if (e instanceof SourceFormatError) return e;
    throw e;
  }
  throw new Error(`${name} parsed without error`);
};

const byId = new Map(parsed.cases.map((c) => [c.caseId, c]));
const rowWhere = (f: (r: (typeof rawRows)[number]) => boolean) => {
  const r = rawRows.find(f);
  if (!r) throw new Error('no such row in the real file');
  return { row: r, c: byId.get(r.get('ID').trim())! };
};
const issue = (p: ParsedCases, code: string, column?: string) => p.issues.find((i) => i.code === code && (column === undefined || i.column === column));
const count = <T>(xs: T[], f: (x: T, i: number) => boolean) => xs.filter(f).length;
const isMarker = (s: string) => ['', 'na', 'n/a', '#n/a', 'none', '-'].includes(s.trim().toLowerCase());
/** dd.mm.yyyy → ISO when a valid date not after the copy date; the test's own reading. */
const dmy = (s: string): string | null => {
  const m = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(s.trim());
  if (!m) return null;
  const d = new Date(Date.UTC(+m[3], +m[2] - 1, +m[1]));
  if (d.getUTCMonth() !== +m[2] - 1 || d.getUTCDate() !== +m[1]) return null;
  const iso = d.toISOString().slice(0, 10);
  return iso <= COPY ? iso : null;
};

/** A dd.mm.yyyy cell read month first, when that is a valid day not after the copy date. */
const swapped = (s: string): string | null => {
  const m = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(s.trim());
  return m ? dmy(`${m[2]}.${m[1]}.${m[3]}`) : null;
};

describe('linelist-open on the real file', () => {
  it('is registered; the manifest is CC BY 4.0 with a dated-copy pattern', () => {
    expect(CASE_CONNECTORS).toContain(linelistOpen);
    expect(CASE_CONNECTORS.map((c) => c.manifest.id)).toEqual(['linelist-open', 'linelist-kudos']);
    expect(manifest.license.spdx).toBe('CC-BY-4.0');
    expect(manifest.files[0].mirror).toContain('linelists/beoutbreakprepared/COVID19_open_line_list_asof_{date}.csv');
    // frozenOn is the last date of the copy: the latest confirmation.
    const confirmations = rawRows.map((r) => dmy(r.get('date_confirmation'))).filter((d): d is string => d !== null).sort();
    expect(manifest.frozenOn).toBe(confirmations[confirmations.length - 1]);
  });

  it('every row with an ID is one case on its physical line (quoted line breaks counted); the ID-less fragment is a stray row', () => {
    expect(raw.rows.length).toBe(13174);
    expect(parsed.cases.length).toBe(rawRows.length);
    expect(parsed.cases.map((c) => c.caseId)).toEqual(rawRows.map((r) => r.get('ID').trim()));
    expect(parsed.cases.map((c) => c.line)).toEqual(rawRows.map((r) => r.line));
    expect(rawRows[rawRows.length - 1].line).toBeGreaterThan(raw.rows.length + 1);
    const stray = raw.rows.filter((r) => r.get('ID').trim() === '');
    const issues = parsed.issues.filter((i) => i.code === 'stray_row');
    expect(issues.map((i) => i.line)).toEqual(stray.map((r) => r.line));
    expect(issues[0].message).toContain('"Belgium", "4000"');
  });

  it('the copy ends inside its last row: kept with the columns it has, its cut cell not read, reported', () => {
    const last = raw.rows[raw.rows.length - 1];
    expect(last.width).toBeLessThan(OPEN_COLUMNS.length);
    const c = parsed.cases[parsed.cases.length - 1];
    expect(c.line).toBe(last.line);
    expect(c.caseId).toBe(last.get('ID'));
    expect(c.place.country).toBe(last.get('country'));
    expect(c.events.confirmation?.start).toBe(dmy(last.get('date_confirmation')));
    expect(c.sourceUrls).toEqual([]);
    expect(c.outcome).toBe('unknown');
    const i = parsed.issues.find((x) => x.line === last.line && x.code === 'unparseable_cell')!;
    expect(i.message).toContain(`the last row has ${last.width} of 33 fields`);
    expect(i.column).toBe(OPEN_COLUMNS[last.width - 1]);
  });

  it('the empty fields beyond the header are reported once; no case has text there', () => {
    const wide = raw.rows.filter((r) => r.width > OPEN_COLUMNS.length);
    const withText = independentCsv(realText.replace(/\r\n/g, '\n')).filter((r) => r.cells.slice(OPEN_COLUMNS.length).some((x) => x.trim() !== ''));
    expect(withText.length).toBe(0);
    expect(parsed.issues.find((i) => /beyond the header/.test(i.message))?.message).toContain(`${wide.length} rows have empty fields beyond the header's 33 columns (up to 45 fields`);
    expect(parsed.cases.every((c) => Object.keys(c.extra).every((k) => !k.startsWith('column_')))).toBe(true);
  });

  it('IDs are distinct (no duplicate_row in this copy)', () => {
    expect(new Set(rawRows.map((r) => r.get('ID').trim())).size).toBe(rawRows.length);
    expect(manifest.notes.join(' ')).toContain(`${rawRows.length.toLocaleString('en')} distinct IDs on ${rawRows.length.toLocaleString('en')} rows with an ID`);
    expect(parsed.issues.filter((i) => i.code === 'duplicate_row')).toEqual([]);
  });

  it('sex: male/female in any case, the rest unknown; case variants counted', () => {
    const s = rawRows.map((r) => r.get('sex').trim());
    expect(count(parsed.cases, (c) => c.sex === 'male')).toBe(count(s, (x) => x.toLowerCase() === 'male'));
    expect(count(parsed.cases, (c) => c.sex === 'female')).toBe(count(s, (x) => x.toLowerCase() === 'female'));
    expect(count(parsed.cases, (c) => c.sex === 'unknown')).toBe(count(s, (x) => !['male', 'female'].includes(x.toLowerCase())));
    expect(issue(parsed, 'case_variant', 'sex')?.count).toBe(count(s, (x) => x === 'Male' || x === 'Female'));
    const { c } = rowWhere((r) => r.get('sex') === 'Female');
    expect(c).toMatchObject({ sex: 'female', sexRaw: 'Female' });
    const na = rowWhere((r) => r.get('sex') === 'N/A' && r.get('age') === 'N/A');
    expect(na.c).toMatchObject({ sex: 'unknown', sexRaw: 'N/A', ageStart: null, ageEnd: null, ageRaw: 'N/A' });
  });

  it('ages: numbers, decimals and ranges up to 20 years are read; wider ranges are groups (null, raw kept)', () => {
    const ages = rawRows.map((r) => r.get('age').trim());
    const num = count(ages, (a) => /^\d+(\.\d+)?$/.test(a));
    const ranges = ages.map((a) => /^(\d+)-(\d+)$/.exec(a)).filter((m): m is RegExpExecArray => m !== null);
    const person = count(ranges, (m) => +m[2] - +m[1] <= 20);
    const group = count(ranges, (m) => +m[2] - +m[1] > 20);
    expect(group).toBeGreaterThan(100);
    expect(count(parsed.cases, (c) => c.ageStart !== null)).toBe(num + person);
    expect(count(parsed.cases, (c) => c.ageStart !== null && c.ageEnd !== c.ageStart)).toBe(count(ranges, (m) => +m[2] - +m[1] <= 20 && m[1] !== m[2]));
    expect(issue(parsed, 'unparseable_cell', 'age')?.count).toBe(group + count(ages, (a) => a !== '' && !isMarker(a) && !/^\d+(\.\d+)?$/.test(a) && !/^\d+-\d+$/.test(a)));
    expect(rowWhere((r) => r.get('age') === '23-72').c).toMatchObject({ ageStart: null, ageEnd: null, ageRaw: '23-72' });
    expect(rowWhere((r) => r.get('age') === '50-59').c).toMatchObject({ ageStart: 50, ageEnd: 59, ageRaw: '50-59' });
    expect(rowWhere((r) => r.get('age') === '0-18').c).toMatchObject({ ageStart: 0, ageEnd: 18 });
    expect(rowWhere((r) => r.get('age') === '0.58333').c).toMatchObject({ ageStart: 0.58333, ageEnd: 0.58333 });
    expect(rowWhere((r) => r.get('age') === '45').c).toMatchObject({ ageStart: 45, ageEnd: 45, ageRaw: '45' });
  });

  it('outcome: raw tallies map to the normalised tallies by the documented table', () => {
    const table: Record<string, Outcome> = { discharge: 'recovered', discharged: 'recovered', recovered: 'recovered', death: 'died', died: 'died', stable: 'stable' };
    const expected = new Map<Outcome, number>();
    for (const r of rawRows) {
      const o = r.get('outcome').trim();
      const d = r.get('date_death_or_discharge').trim();
      let out: Outcome = 'unknown';
      if (table[o.toLowerCase()]) out = table[o.toLowerCase()];
      else if (/hospitali[sz]ed|intensive care|critical condition/i.test(o)) out = 'hospitalized';
      else if ((o === '' || dmy(o)) && table[d.toLowerCase()]) out = table[d.toLowerCase()]; // an outcome word in the date column
      expected.set(out, (expected.get(out) ?? 0) + 1);
    }
    for (const o of ['recovered', 'died', 'stable', 'hospitalized', 'unknown'] as const) {
      expect(count(parsed.cases, (c) => c.outcome === o), o).toBe(expected.get(o) ?? 0);
    }
    expect(manifest.notes.join(' ')).toContain(`recovered ${expected.get('recovered')}, stable ${expected.get('stable')}, died ${expected.get('died')}, hospitalized ${expected.get('hospitalized')}`);
    // Raw spellings are kept.
    expect(rowWhere((r) => r.get('outcome') === 'Discharged').c).toMatchObject({ outcome: 'recovered', outcomeRaw: 'Discharged' });
    expect(rowWhere((r) => r.get('outcome') === 'died').c).toMatchObject({ outcome: 'died', outcomeRaw: 'died' });
    expect(rowWhere((r) => r.get('outcome') === 'severe').c).toMatchObject({ outcome: 'unknown', outcomeRaw: 'severe' });
    const icu = rowWhere((r) => r.get('outcome').startsWith('treated in an intensive care unit'));
    expect(icu.c).toMatchObject({ outcome: 'hospitalized', outcomeRaw: icu.row.get('outcome') });
    // Line 658: outcome "05.02.2020", date "discharge" — swapped back.
    const swapped = rowWhere((r) => r.get('outcome') === '05.02.2020');
    expect(swapped.c.outcome).toBe('recovered');
    expect(swapped.c.events.outcome).toMatchObject({ start: '2020-02-05', end: '2020-02-05', precision: 'day', raw: '05.02.2020' });
    expect(parsed.issues.find((i) => i.code === 'repaired' && i.line === swapped.row.line)?.message).toMatch(/swapped/);
    const wordOnly = rowWhere((r) => r.get('outcome') === '' && r.get('date_death_or_discharge') === 'discharge');
    expect(wordOnly.c).toMatchObject({ outcome: 'recovered', outcomeRaw: 'discharge' });
    expect(wordOnly.c.events.outcome).toBeUndefined();
  });

  it('dates per precision: days, ranges, months and unknown match the raw cells', () => {
    const columns: [string, keyof CaseRecord['events']][] = [
      ['date_onset_symptoms', 'onset'],
      ['date_admission_hospital', 'admission'],
      ['date_confirmation', 'confirmation'],
      ['travel_history_dates', 'travel'],
    ];
    for (const [column, event] of columns) {
      const cells = rawRows.map((r) => r.get(column).trim());
      const present = count(cells, (x) => !isMarker(x));
      const days = count(cells, (x) => dmy(x) !== null);
      const closedRanges = count(cells, (x) => {
        const m = /^(\S+) ?- ?(\S+)$/.exec(x);
        return m !== null && dmy(m[1]) !== null && dmy(m[2]) !== null && dmy(m[1])! <= dmy(m[2])!;
      });
      const openRanges = count(cells, (x) => /^- ?\S+$/.test(x) && dmy(x.replace(/^- ?/, '')) !== null) + count(cells, (x) => /^\S+ ?-$/.test(x) && dmy(x.replace(/ ?-$/, '')) !== null);
      const ev = parsed.cases.map((c) => c.events[event]);
      expect(count(ev, (e) => e !== undefined), column).toBe(present);
      // Days: the valid dd.mm.yyyy cells, plus those only valid month first (swapped back) and dd,mm,yyyy.
      const repairedDays = count(cells, (x) => dmy(x) === null && swapped(x) !== null);
      const commas = count(cells, (x) => /^\d{1,2},\d{1,2},\d{4}$/.test(x) && dmy(x.replace(/,/g, '.')) !== null);
      expect(count(ev, (e) => e?.precision === 'day'), column).toBe(days + repairedDays + commas);
      const spaced = column === 'travel_history_dates' ? count(cells, (x) => /\d\. \d/.test(x)) : 0;
      expect(count(ev, (e) => e?.precision === 'range'), column).toBe(closedRanges + openRanges + spaced);
      const months = count(cells, (x) => /^(end of |mid-|early |late )?(January|February|March|December)( \d{4})?$/i.test(x));
      expect(count(ev, (e) => e?.precision === 'month'), column).toBe(months);
      expect(count(ev, (e) => e?.precision === 'unknown'), column).toBe(present - days - repairedDays - commas - closedRanges - openRanges - spaced - months);
    }
  });

  it('each date rule on a real row', () => {
    expect(rowWhere((r) => r.get('date_onset_symptoms') === '10.01.2020 - 22.01.2020').c.events.onset).toEqual({ start: '2020-01-10', end: '2020-01-22', precision: 'range', raw: '10.01.2020 - 22.01.2020' });
    expect(rowWhere((r) => r.get('date_onset_symptoms') === 'end of December 2019').c.events.onset).toEqual({ start: '2019-12-01', end: '2019-12-31', precision: 'month', raw: 'end of December 2019' });
    expect(rowWhere((r) => r.get('date_onset_symptoms') === '01.31.2020').c.events.onset).toEqual({ start: '2020-01-31', end: '2020-01-31', precision: 'day', raw: '01.31.2020' });
    expect(rowWhere((r) => r.get('date_admission_hospital') === '02.17.2020').c.events.admission).toMatchObject({ start: '2020-02-17', precision: 'day' });
    expect(rowWhere((r) => r.get('date_onset_symptoms') === '04.04.2020').c.events.onset).toEqual({ start: null, end: null, precision: 'unknown', raw: '04.04.2020' });
    expect(rowWhere((r) => r.get('date_death_or_discharge') === '02.02.2021').c.events.outcome).toEqual({ start: null, end: null, precision: 'unknown', raw: '02.02.2021' });
    expect(rowWhere((r) => r.get('date_onset_symptoms') === '9.01.2020' || r.get('date_admission_hospital') === '9.01.2020').c.events.admission).toMatchObject({ start: '2020-01-09', precision: 'day' });
    expect(rowWhere((r) => r.get('travel_history_dates') === '- 05.02.2020').c.events.travel).toEqual({ start: null, end: '2020-02-05', precision: 'range', raw: '- 05.02.2020' });
    expect(rowWhere((r) => r.get('travel_history_dates') === '25.01.2020 -').c.events.travel).toEqual({ start: '2020-01-25', end: null, precision: 'range', raw: '25.01.2020 -' });
    expect(rowWhere((r) => r.get('travel_history_dates') === '20,01,2020').c.events.travel).toMatchObject({ start: '2020-01-20', end: '2020-01-20', precision: 'day' });
    expect(rowWhere((r) => r.get('travel_history_dates') === '20.12.2019 - 09.01. 2020').c.events.travel).toMatchObject({ start: '2019-12-20', end: '2020-01-09', precision: 'range' });
    expect(rowWhere((r) => r.get('travel_history_dates') === '06.01.2020, 11.01.2020, 17.01.2020').c.events.travel).toMatchObject({ start: null, precision: 'unknown' });
    expect(rowWhere((r) => r.get('date_confirmation') === '25.02.2020-26.02.2020').c.events.confirmation).toMatchObject({ start: '2020-02-25', end: '2020-02-26', precision: 'range' });
  });

  it('place, Wuhan links, travel, symptoms, sources, notes and extra on real rows', () => {
    const first = rowWhere((r) => r.get('ID') === '1');
    expect(first.c.place).toEqual({ country: 'China', province: 'Anhui', city: 'Chaohu City, Hefei City', admin1: 'Anhui', admin2: 'Hefei City', admin3: 'Chaohu City', latitude: 31.64696, longitude: 117.7166, geoResolution: 'admin3' });
    expect(first.c).toMatchObject({ wuhan: { livesIn: true, visited: null, cameFrom: null }, travelPlaces: ['Wuhan'], sourceUrls: ['http://ah.people.com.cn/GB/n2/2020/0127/c358266-33746566.html'] });
    expect(first.c.extra).toEqual({ admin_id: '340181', country_new: 'China' });
    expect(rowWhere((r) => r.get('geo_resolution') === 'admin 1').c.place.geoResolution).toBe('admin1');
    expect(rowWhere((r) => r.get('latitude') === '#N/A').c.place).toMatchObject({ latitude: null, longitude: null, geoResolution: null });
    const lives = rawRows.map((r) => r.get('lives_in_Wuhan').trim());
    expect(count(parsed.cases, (c) => c.wuhan.livesIn === true)).toBe(count(lives, (x) => /^(yes|1)$/i.test(x)));
    expect(count(parsed.cases, (c) => c.wuhan.livesIn === false)).toBe(count(lives, (x) => /^(no|0)$/i.test(x)));
    const trip = rowWhere((r) => r.get('lives_in_Wuhan') === 'business trip');
    expect(trip.c.wuhan.livesIn).toBeNull();
    expect(trip.c.extra.lives_in_Wuhan).toBe('business trip');
    const two = rowWhere((r) => r.get('travel_history_location') === 'Wuhan; Shanghai');
    expect(two.c).toMatchObject({ travelPlaces: ['Wuhan', 'Shanghai'], travelRaw: 'Wuhan; Shanghai' });
    expect(rowWhere((r) => r.get('travel_history_location') === 'Bavaria, Germany').c.travelPlaces).toEqual(['Bavaria, Germany']);
    expect(rowWhere((r) => r.get('symptoms') === 'fever; fatigue').c).toMatchObject({ symptoms: ['fever', 'fatigue'], symptomsRaw: 'fever; fatigue' });
    const numbered = rowWhere((r) => r.get('source').startsWith('(1) https://www.cbc.ca/'));
    expect(numbered.c.sourceUrls).toEqual(['https://www.cbc.ca/news/canada/toronto/sunnybrook-coronavirus-patient-1.5447251', 'https://www.thepaper.cn/newsDetail_forward_5639569', 'https://www.sciencedirect.com/science/article/pii/S0140673620303706?via%3Dihub']);
    const sources = rawRows.map((r) => new Set((r.get('source').match(/https?:\/\/[^\s;，]+/g) ?? []).map((u) => u.replace(/[.,)]+$/, ''))).size);
    expect(parsed.cases.map((c) => c.sourceUrls.length)).toEqual(sources);
    expect(manifest.notes.join(' ')).toContain(`${count(sources, (n) => n === 1).toLocaleString('en')} cases have one, ${count(sources, (n) => n === 2)} two, ${count(sources, (n) => n === 3)} three, ${count(sources, (n) => n === 4)} four, ${count(sources, (n) => n === 0)} none`);
    const info = rowWhere((r) => r.get('additional_information') !== '' && r.get('notes_for_discussion') !== '');
    expect(info.c.notes).toBe(`${info.row.get('additional_information')}\n\nNotes for discussion: ${info.row.get('notes_for_discussion')}`);
    const chronic = rowWhere((r) => r.get('chronic_disease_binary') === '1' && r.get('chronic_disease') !== '');
    expect(chronic.c).toMatchObject({ chronicDiseaseBinary: true, chronicDisease: chronic.row.get('chronic_disease') });
  });
});

describe('linelist-open on broken fixtures', () => {
  it('small.csv: real rows on their physical lines (a quoted line break makes one row span two)', () => {
    const p = fixture('small.csv');
    expect(p.cases.map((c) => [c.caseId, c.line])).toEqual([
      ['1', 2],
      ['2', 3],
      ['6', 4],
      ['99', 5],
      ['192', 7],
      ['659', 8],
      ['4569', 9],
      ['9197', 10],
      ['10926', 11],
    ]);
  });

  it('a BOM is ignored (the real file has one)', () => {
    const a = fixture('small.csv');
    const b = fixture('bom.csv');
    expect(b.cases.map((c) => ({ ...c, file: 'x' }))).toEqual(a.cases.map((c) => ({ ...c, file: 'x' })));
    expect(b.issues.length).toBe(a.issues.length);
  });

  it('a changed header or a missing column refuses the file, naming file, line 1 and the column', () => {
    const e = fixtureError('changed-header.csv');
    expect([e.file, e.line, e.column]).toEqual(['changed-header.csv', 1, 'date_confirmation']);
    const m = fixtureError('missing-column.csv');
    expect([m.file, m.line, m.column]).toEqual(['missing-column.csv', 1, 'outcome']);
  });

  it('a file cut inside its last row without a line break is truncated: refused, naming the line', () => {
    const e = fixtureError('truncated.csv');
    expect([e.file, e.line]).toEqual(['truncated.csv', 11]);
    expect(e.message).toMatch(/truncated file/);
  });

  it('a short last row followed by a line break (the real copy) is kept and reported', () => {
    const p = fixture('cut-last-row.csv');
    expect(p.cases.map((c) => c.caseId)).toEqual(['1', '2', '13479']);
    expect(p.issues.find((i) => i.line === 4 && i.code === 'unparseable_cell' && i.column === 'source')?.message).toMatch(/the last row has 22 of 33 fields/);
  });

  it('a repeated ID keeps the first row and reports both lines', () => {
    const p = fixture('duplicate-id.csv');
    expect(p.cases.map((c) => c.caseId)).toEqual(['1', '2', '6']);
    expect(p.issues.filter((i) => i.code === 'duplicate_row').map((i) => [i.line, i.message.match(/repeats line \d+ \([^)]*\)/)?.[0]])).toEqual([
      [5, 'repeats line 3 (identical row)'],
      [6, 'repeats line 3 (differs in "age")'],
    ]);
  });

  it('markers, open and month ages, sex 4000, words, open ranges, swapped and future dates, outcome patterns, text beyond the header', () => {
    const p = fixture('markers.csv');
    const [a, b, c, d] = p.cases;
    expect(a).toMatchObject({ ageStart: 80, ageEnd: null, sex: 'unknown', sexRaw: '4000', outcome: 'died', outcomeRaw: 'Died' });
    expect(a.events.onset).toEqual({ start: '2020-01-01', end: '2020-01-31', precision: 'month', raw: 'mid-January' });
    expect(a.events.travel).toEqual({ start: null, end: '2020-02-05', precision: 'range', raw: '- 05.02.2020' });
    expect(a.extra).toMatchObject({ column_34: 'stray text', lives_in_Wuhan: 'business trip' });
    expect(a.sourceUrls).toEqual(['http://a.example/x', 'https://b.example/y']);
    expect(issue(p, 'unparseable_cell', 'column_34')?.line).toBe(2);
    expect(issue(p, 'unparseable_cell', 'sex')?.message).toContain('"4000"');
    expect(b).toMatchObject({ ageStart: 0.5, ageEnd: 0.5, ageRaw: '6 months', sex: 'female', outcome: 'hospitalized' });
    expect(b.events.onset).toMatchObject({ start: '2019-12-01', end: '2019-12-31', precision: 'month' });
    expect(b.events.admission).toEqual({ start: null, end: null, precision: 'unknown', raw: '31.02.2020' });
    // 02.03.2020 is after the copy date (2020-02-29); read month first it is 3 February: repaired.
    expect(b.events.outcome).toEqual({ start: '2020-02-03', end: '2020-02-03', precision: 'day', raw: '02.03.2020' });
    expect(issue(p, 'repaired', 'date_death_or_discharge')?.message).toContain('"02.03.2020" → 2020-02-03 (month and day swapped)');
    expect(c).toMatchObject({ ageStart: null, ageRaw: 'N/A', sex: 'unknown', outcome: 'unknown', outcomeRaw: 'severe', chronicDiseaseBinary: true, chronicDisease: 'hypertension' });
    expect(c.place).toMatchObject({ latitude: null, longitude: null, geoResolution: null });
    expect(c.events.travel).toMatchObject({ start: '2020-01-10', end: '2020-01-22', precision: 'range' });
    expect(c).toMatchObject({ travelPlaces: ['Wuhan', 'Shanghai'], symptoms: ['fever', 'cough', 'sore throat'], notes: 'info text\n\nNotes for discussion: discussion text' });
    expect(d).toMatchObject({ ageStart: null, ageRaw: '23-72', outcome: 'recovered', outcomeRaw: 'discharge' });
    expect(d.events.confirmation).toEqual({ start: null, end: null, precision: 'unknown', raw: '20.02.2021' });
    expect(d.events.outcome).toMatchObject({ start: '2020-02-05', precision: 'day' });
    expect(d.extra['wuhan(0)_not_wuhan(1)']).toBe('2');
    expect(issue(p, 'unparseable_cell', 'age')?.message).toContain('"23-72" (span of 49 years');
  });
});
