import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { dataPath } from '../../../test/shared-data.js';
import type { CaseRecord, ParsedCases } from '../../domain/cases.js';
import { SourceFormatError } from '../../domain/validation.js';
import { independentCsvObjects } from '../imaging-kit/independent-reader.js';
import { CASE_CONNECTORS } from '../case-registry.js';
import { linelistKudos } from './index.js';
import { manifest } from './manifest.js';
import { KUDOS_COLUMNS, parseKudos } from './parse.js';

const REAL = 'linelists/kudos/COVID19_line_list_data.csv';
const realText = readFileSync(dataPath(REAL), 'utf8');
const parsed = parseKudos([{ fileId: 'line-list', name: REAL, text: realText }]);
// The independent reading: its own CSV reader (imaging-kit/independent-reader), none of the parser's code.
const raw = independentCsvObjects(realText.replace(/\r\n/g, '\n'));
const rawRows = raw.rows.filter((r) => r.get('id').trim() !== '');

const fixtureDir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures');
const fixture = (name: string): ParsedCases => parseKudos([{ fileId: 'line-list', name, text: readFileSync(path.join(fixtureDir, name), 'utf8') }]);
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
const caseAt = (line: number): CaseRecord => {
  const c = parsed.cases.find((x) => x.line === line);
  if (!c) throw new Error(`no case on line ${line}`);
  return c;
};
const issue = (p: ParsedCases, code: string, column?: string) => p.issues.find((i) => i.code === code && (column === undefined || i.column === column));
/** m/d/yyyy or m/d/yy → ISO, the test's own reading; null when not one. */
const mdy = (s: string): string | null => {
  const m = /^(\d{1,2})\/(\d{1,2})\/(\d{2}|\d{4})$/.exec(s.trim());
  if (!m) return null;
  const y = m[3].length === 2 ? `20${m[3]}` : m[3];
  const d = new Date(Date.UTC(+y, +m[1] - 1, +m[2]));
  if (d.getUTCMonth() !== +m[1] - 1) return null;
  return d.toISOString().slice(0, 10);
};
const isMarker = (s: string) => ['', 'na', 'n/a'].includes(s.trim().toLowerCase());
const count = <T>(xs: T[], f: (x: T, i: number) => boolean) => xs.filter(f).length;

describe('linelist-kudos on the real file', () => {
  it('is registered and its manifest is a case manifest', () => {
    expect(CASE_CONNECTORS).toContain(linelistKudos);
    expect(linelistKudos.kind).toBe('cases');
    expect(manifest.license.name).toBe('no licence stated');
    expect(manifest.files[0].mirror).toContain('linelists/kudos/COVID19_line_list_data_asof_{date}.csv');
    expect(manifest.frozenOn).toBe('2020-02-28');
  });

  it('reads every row with an id as one case, on its physical line, ids in file order', () => {
    expect(rawRows.length).toBeGreaterThan(1000);
    expect(parsed.cases.length).toBe(rawRows.length);
    expect(parsed.cases.map((c) => c.caseId)).toEqual(rawRows.map((r) => r.get('id').trim()));
    expect(parsed.cases.map((c) => c.line)).toEqual(rawRows.map((r) => r.line));
    expect(new Set(parsed.cases.map((c) => c.caseId)).size).toBe(parsed.cases.length);
    expect(parsed.cases.every((c) => c.file === REAL)).toBe(true);
  });

  it('reports the unnamed empty column and the empty fields beyond the header once each', () => {
    expect(raw.header[3]).toBe('');
    expect(rawRows.every((r) => r.get('') === '')).toBe(true);
    const widths = new Set(rawRows.map((r) => r.width));
    expect([...widths]).toEqual([27]);
    const unnamed = parsed.issues.find((i) => i.column === 'column_4');
    expect(unnamed?.message).toMatch(/empty in every row; ignored/);
    const beyond = parsed.issues.find((i) => /beyond the header/.test(i.message));
    expect(beyond?.message).toContain(`${rawRows.length} rows have empty fields beyond the header's 21 columns (up to 27 fields`);
    expect(parsed.cases.every((c) => Object.keys(c.extra).every((k) => !k.startsWith('column_')))).toBe(true);
  });

  it('sex: counts of male/female/unknown match the raw gender column', () => {
    const g = rawRows.map((r) => r.get('gender').trim().toLowerCase());
    expect(count(parsed.cases, (c) => c.sex === 'male')).toBe(count(g, (x) => x === 'male'));
    expect(count(parsed.cases, (c) => c.sex === 'female')).toBe(count(g, (x) => x === 'female'));
    expect(count(parsed.cases, (c) => c.sex === 'unknown')).toBe(count(g, (x) => x !== 'male' && x !== 'female'));
    expect(issue(parsed, 'missing_marker', 'gender')?.count).toBe(count(g, (x) => x === 'na'));
  });

  it('ages: every plain number is read, NA is null; decade midpoints (x5) are kept as published', () => {
    const ages = rawRows.map((r) => r.get('age').trim());
    const numeric = count(ages, (a) => /^\d+(\.\d+)?$/.test(a));
    expect(count(parsed.cases, (c) => c.ageStart !== null)).toBe(numeric);
    expect(count(parsed.cases, (c) => c.ageStart === null)).toBe(count(ages, (a) => a === 'NA'));
    for (const c of parsed.cases) if (c.ageStart !== null) expect(c.ageEnd).toBe(c.ageStart);
    // The quirk the notes document: ages ending in 5 are far more frequent than any other last digit.
    const endsIn5 = count(ages, (a) => /^\d*5$/.test(a));
    const endsIn3 = count(ages, (a) => /^\d*3$/.test(a));
    expect(endsIn5).toBeGreaterThan(3 * endsIn3);
    expect(manifest.notes.join(' ')).toContain(`${endsIn5} of the ${numeric} ages end in 5`);
    const infant = rawRows.find((r) => r.get('age') === '0.5')!;
    expect(byId.get(infant.get('id'))).toMatchObject({ ageStart: 0.5, ageEnd: 0.5, ageRaw: '0.5' });
  });

  it('death/recovered: 1 and dates → outcomes (dated ones as the outcome event), tallied from the raw cells', () => {
    const d = rawRows.map((r) => r.get('death').trim());
    const rec = rawRows.map((r) => r.get('recovered').trim());
    const died = count(d, (x) => x === '1' || (mdy(x) !== null && x !== '12/30/1899'));
    const recovered = count(rec, (x) => x === '1' || (mdy(x) !== null && x !== '12/30/1899'));
    const both = rawRows.filter((_, i) => (d[i] === '1' || mdy(d[i])) && (rec[i] === '1' || (mdy(rec[i]) && rec[i] !== '12/30/1899'))).length;
    expect(both).toBe(0);
    expect(count(parsed.cases, (c) => c.outcome === 'died')).toBe(died);
    expect(count(parsed.cases, (c) => c.outcome === 'recovered')).toBe(recovered);
    expect(count(parsed.cases, (c) => c.outcome === 'unknown')).toBe(rawRows.length - died - recovered);
    const dated = count(d, (x) => mdy(x) !== null) + count(rec, (x) => mdy(x) !== null && x !== '12/30/1899');
    expect(count(parsed.cases, (c) => c.events.outcome !== undefined)).toBe(dated);
    expect(manifest.notes.join(' ')).toContain(`died (${died} rows`);
    expect(manifest.notes.join(' ')).toContain(`recovered (${recovered} rows`);

    const deathDate = rawRows.find((r) => mdy(r.get('death')) !== null)!;
    const c = byId.get(deathDate.get('id'))!;
    expect(c.outcome).toBe('died');
    expect(c.events.outcome).toEqual({ start: mdy(deathDate.get('death')), end: mdy(deathDate.get('death')), precision: 'day', raw: deathDate.get('death') });
    expect(c.outcomeRaw).toBe(`death: ${deathDate.get('death')}; recovered: ${deathDate.get('recovered')}`);
    const deathOne = rawRows.find((r) => r.get('death') === '1')!;
    expect(byId.get(deathOne.get('id'))).toMatchObject({ outcome: 'died' });
    expect(byId.get(deathOne.get('id'))!.events.outcome).toBeUndefined();
    const recDate = rawRows.find((r) => /^\d+\/\d+\/2020$/.test(r.get('recovered')))!;
    expect(byId.get(recDate.get('id'))!.events.outcome?.start).toBe(mdy(recDate.get('recovered')));
    expect(byId.get(recDate.get('id'))!.outcome).toBe('recovered');
  });

  it("Excel's day zero 12/30/1899 in recovered: no date and no recovery, reported with the reason", () => {
    const zero = rawRows.filter((r) => r.get('recovered') === '12/30/1899');
    expect(zero.length).toBeGreaterThan(0);
    for (const r of zero) {
      const c = byId.get(r.get('id'))!;
      expect(c.events.outcome).toBeUndefined();
      expect(c.outcome).toBe(r.get('death') === '0' ? 'unknown' : 'died');
    }
    const i = parsed.issues.find((x) => x.column === 'recovered' && x.code === 'missing_marker')!;
    expect(i.message).toContain(`"12/30/1899" (Excel's day zero`);
    expect(i.count).toBe(zero.length);
    expect(i.line).toBe(zero[0].line);
  });

  it('dates per precision: m/d/yyyy and m/d/yy are days, everything else unknown; the short form is counted', () => {
    const columns: [string, keyof CaseRecord['events']][] = [
      ['reporting date', 'report'],
      ['symptom_onset', 'onset'],
      ['hosp_visit_date', 'admission'],
      ['exposure_start', 'exposure_start'],
      ['exposure_end', 'exposure_end'],
    ];
    for (const [column, event] of columns) {
      const cells = rawRows.map((r) => r.get(column).trim());
      const days = count(cells, (x) => mdy(x) !== null);
      const other = count(cells, (x) => !isMarker(x) && mdy(x) === null);
      expect(count(parsed.cases, (c) => c.events[event]?.precision === 'day'), column).toBe(days);
      expect(count(parsed.cases, (c) => c.events[event]?.precision === 'unknown'), column).toBe(other);
      expect(count(parsed.cases, (c) => c.events[event] === undefined), column).toBe(count(cells, isMarker));
      const short = count(cells, (x) => /^\d{1,2}\/\d{1,2}\/\d{2}$/.test(x));
      const partial = parsed.issues.find((i) => i.code === 'partial_date' && i.column === column);
      expect(partial?.message ?? '', column).toContain(`m/d/yy short form (20yy) ×${short}`);
    }
    // Every day read equals the test's own reading of the cell.
    for (const [i, r] of rawRows.entries()) {
      const c = parsed.cases[i];
      const o = mdy(r.get('symptom_onset'));
      if (o) expect(c.events.onset).toEqual({ start: o, end: o, precision: 'day', raw: r.get('symptom_onset') });
    }
    const bad = rawRows.find((r) => r.get('hosp_visit_date') === '2//2020')!;
    expect(byId.get(bad.get('id'))!.events.admission).toEqual({ start: null, end: null, precision: 'unknown', raw: '2//2020' });
    expect(issue(parsed, 'unparseable_cell', 'hosp_visit_date')?.line).toBe(bad.line);
  });

  it('exposure windows: present as in the raw file, dated exactly, anomalies against onset counted', () => {
    const s = rawRows.map((r) => mdy(r.get('exposure_start')));
    const e = rawRows.map((r) => mdy(r.get('exposure_end')));
    const o = rawRows.map((r) => mdy(r.get('symptom_onset')));
    expect(count(parsed.cases, (c) => c.events.exposure_start !== undefined)).toBe(count(s, (x) => x !== null));
    expect(count(parsed.cases, (c) => c.events.exposure_end !== undefined)).toBe(count(e, (x) => x !== null));
    const both = count(rawRows, (_, i) => s[i] !== null && e[i] !== null);
    expect(count(parsed.cases, (c) => c.events.exposure_start !== undefined && c.events.exposure_end !== undefined)).toBe(both);
    expect(manifest.notes.join(' ')).toContain(`${count(s, (x) => x !== null)} exposure_start and ${count(e, (x) => x !== null)} exposure_end dates, ${both} rows with both`);
    const endAfterOnset = count(rawRows, (_, i) => e[i] !== null && o[i] !== null && e[i]! > o[i]!);
    const startAfterOnset = count(rawRows, (_, i) => s[i] !== null && o[i] !== null && s[i]! > o[i]!);
    expect(endAfterOnset).toBeGreaterThan(0);
    expect(parsed.issues.find((i) => i.code === 'anomalies' && i.column === 'exposure_end')?.count).toBe(endAfterOnset);
    expect(parsed.issues.find((i) => i.code === 'anomalies' && i.column === 'exposure_start')?.count).toBe(startAfterOnset);
    // Case 1 (line 2): visited Wuhan from 12/29/2019, returned 01/04/20 — the window as published.
    const first = rawRows.find((r) => s[rawRows.indexOf(r)] !== null && e[rawRows.indexOf(r)] !== null)!;
    const c = byId.get(first.get('id'))!;
    expect(c.events.exposure_start).toEqual({ start: mdy(first.get('exposure_start')), end: mdy(first.get('exposure_start')), precision: 'day', raw: first.get('exposure_start') });
    expect(c.events.exposure_end).toEqual({ start: mdy(first.get('exposure_end')), end: mdy(first.get('exposure_end')), precision: 'day', raw: first.get('exposure_end') });
  });

  it('If_onset_approximated = 1: the onset stays the day given, the flag kept and counted', () => {
    const approx = rawRows.filter((r) => r.get('If_onset_approximated') === '1');
    expect(approx.length).toBeGreaterThan(0);
    for (const r of approx) {
      const c = byId.get(r.get('id'))!;
      expect(c.extra.If_onset_approximated).toBe('1');
      expect(c.events.onset?.precision).toBe('day');
      expect(c.events.onset?.start).toBe(mdy(r.get('symptom_onset')));
    }
    expect(issue(parsed, 'partial_date', 'symptom_onset')?.message).toContain(`onset approximated (If_onset_approximated = 1) ×${approx.filter((r) => mdy(r.get('symptom_onset'))).length}`);
  });

  it('Wuhan links: visiting Wuhan → visited, from Wuhan → cameFrom, NA → null', () => {
    for (const [column, key] of [['visiting Wuhan', 'visited'], ['from Wuhan', 'cameFrom']] as const) {
      const cells = rawRows.map((r) => r.get(column));
      expect(count(parsed.cases, (c) => c.wuhan[key] === true), column).toBe(count(cells, (x) => x === '1'));
      expect(count(parsed.cases, (c) => c.wuhan[key] === false), column).toBe(count(cells, (x) => x === '0'));
      expect(count(parsed.cases, (c) => c.wuhan[key] === null), column).toBe(count(cells, (x) => x === 'NA'));
    }
    expect(parsed.cases.every((c) => c.wuhan.livesIn === null)).toBe(true);
  });

  it('place: "City, Province" is split; a location equal to the country has no city; else the text is the city', () => {
    const split = rawRows.find((r) => r.get('location') === 'Shenzhen, Guangdong')!;
    expect(byId.get(split.get('id'))!.place).toMatchObject({ city: 'Shenzhen', province: 'Guangdong', country: 'China' });
    const countryOnly = rawRows.find((r) => r.get('location') === r.get('country'))!;
    expect(byId.get(countryOnly.get('id'))!.place).toMatchObject({ city: null, province: null, country: countryOnly.get('country') });
    const plain = rawRows.find((r) => r.get('location') === 'Shanghai')!;
    expect(byId.get(plain.get('id'))!.place).toMatchObject({ city: 'Shanghai', province: null, country: 'China' });
    const commas = count(rawRows, (r) => /^[^,]+, ?[^,]+$/.test(r.get('location')));
    expect(count(parsed.cases, (c) => c.place.province !== null)).toBe(commas);
  });

  it('sources, symptoms and notes', () => {
    const two = rawRows.find((r) => r.get('link').includes('，'))!;
    expect(byId.get(two.get('id'))!.sourceUrls).toEqual(['https://m.weibo.cn/status/4464245485576951?', 'https://m.weibo.cn/status/4464629113599955?']);
    const c1 = byId.get('1')!;
    expect(c1.sourceUrls).toEqual(['http://wjw.sz.gov.cn/wzx/202001/t20200120_18987787.htm']);
    expect(c1.extra.source).toBe('Shenzhen Municipal Health Commission');
    expect(c1.notes).toBe(rawRows[0].get('summary'));
    const sym = rawRows.find((r) => r.get('symptom') === 'fever, cough, sore throat')!;
    expect(byId.get(sym.get('id'))).toMatchObject({ symptoms: ['fever', 'cough', 'sore throat'], symptomsRaw: 'fever, cough, sore throat' });
    expect(count(parsed.cases, (c) => c.symptoms.length > 0)).toBe(count(rawRows, (r) => r.get('symptom').trim() !== ''));
    expect(parsed.cases.map((c) => c.sourceUrls.length)).toEqual(rawRows.map((r) => new Set(r.get('link').match(/https?:\/\/[^\s，]+/g) ?? []).size));
  });
});

describe('linelist-kudos on broken fixtures', () => {
  it('small.csv: the real rows it was cut from, with their lines', () => {
    const p = fixture('small.csv');
    expect(p.cases.map((c) => c.line)).toEqual([2, 3, 4, 5, 6, 7, 8, 9]);
    expect(p.cases.map((c) => c.caseId)).toEqual(['1', '2', '123', '199', '201', '272', '316', '993']);
    // Line 9 (real line 994): died on 02/01/20 (m/d/yy).
    expect(p.cases[7]).toMatchObject({ outcome: 'died', events: { outcome: { start: '2020-02-01', precision: 'day' } } });
  });

  it('a BOM is ignored', () => {
    expect(fixture('bom.csv')).toEqual({ ...fixture('small.csv'), cases: fixture('small.csv').cases.map((c) => ({ ...c, file: 'bom.csv' })), issues: fixture('small.csv').issues.map((i) => ({ ...i, file: 'bom.csv' })) });
  });

  it('a changed header or a missing column refuses the file, naming file, line 1 and the column', () => {
    const e = fixtureError('changed-header.csv');
    expect([e.file, e.line, e.column]).toEqual(['changed-header.csv', 1, 'gender']);
    const m = fixtureError('missing-column.csv');
    expect([m.file, m.line, m.column]).toEqual(['missing-column.csv', 1, 'exposure_end']);
    expect(KUDOS_COLUMNS).toContain('exposure_end');
  });

  it('a file cut inside its last row refuses the file, naming the line', () => {
    const e = fixtureError('truncated.csv');
    expect([e.file, e.line]).toEqual(['truncated.csv', 9]);
    expect(e.message).toMatch(/truncated file/);
  });

  it('a repeated id keeps the first row and reports both lines', () => {
    const p = fixture('duplicate-id.csv');
    expect(p.cases.filter((c) => c.caseId === '2').map((c) => c.line)).toEqual([3]);
    const dups = p.issues.filter((i) => i.code === 'duplicate_row');
    expect(dups.map((i) => [i.line, i.column])).toEqual([
      [10, 'id'],
      [11, 'id'],
    ]);
    expect(dups[0].message).toMatch(/repeats line 3 \(identical row\)/);
    expect(dups[1].message).toMatch(/repeats line 3 \(differs in "age"\)/);
  });

  it('markers, a group age, open ages, months, sex 4000, a swapped date, a future date, the Excel zero date, both outcomes, text beyond the header', () => {
    const p = fixture('markers.csv');
    const [a, b, c, d] = p.cases;
    expect(a).toMatchObject({ ageStart: null, ageEnd: null, ageRaw: '23-72', sex: 'unknown', sexRaw: '4000' });
    expect(a.events.onset).toEqual({ start: '2020-02-13', end: '2020-02-13', precision: 'day', raw: '13/2/2020' });
    expect(issue(p, 'repaired', 'symptom_onset')?.message).toContain('"13/2/2020" → 2020-02-13 (month and day swapped)');
    expect(issue(p, 'unparseable_cell', 'age')?.message).toContain('"23-72" (span of 49 years');
    expect(issue(p, 'unparseable_cell', 'gender')?.message).toContain('"4000"');
    expect(b).toMatchObject({ ageStart: 80, ageEnd: null, sex: 'male', sexRaw: 'Male', outcome: 'unknown' });
    expect(b.events.outcome).toBeUndefined();
    expect(b.events.admission).toEqual({ start: null, end: null, precision: 'unknown', raw: '04/04/2020' });
    expect(issue(p, 'unparseable_cell', 'hosp_visit_date')?.message).toContain('after the copy date 2020-02-28');
    expect(b.extra.column_22).toBe('see note');
    expect(issue(p, 'unparseable_cell', 'column_22')?.line).toBe(3);
    expect(issue(p, 'case_variant', 'gender')?.message).toContain('"Male" → "male"');
    expect(c).toMatchObject({ ageStart: 0.5, ageEnd: 0.5, ageRaw: '6 months', sex: 'unknown', sexRaw: 'N/A', wuhan: { visited: true, cameFrom: null } });
    expect(c.events.onset).toBeUndefined();
    expect(c.extra['from Wuhan']).toBe('maybe');
    expect(d).toMatchObject({ outcome: 'unknown', outcomeRaw: 'death: 1; recovered: 2/20/2020', sourceUrls: [], ageStart: null, ageRaw: 'NA' });
    expect(d.events.outcome).toBeUndefined();
    expect(p.issues.find((i) => i.code === 'unparseable_cell' && i.column === 'death')?.message).toMatch(/both death \("1"\) and recovered \("2\/20\/2020"\) are set/);
    expect(d.extra.link).toBe('no link');
  });
});
