import type { CasePlace, CaseRecord, DateRange, Outcome, ParsedCases } from '../../domain/cases.js';
import type { SourceInputFile } from '../../domain/series.js';
import { type CaseDateOptions, copyDateOf, extractUrls, IssueLog, LineCells, quote, readLineList, singleFile, splitList } from '../linelist-kit/index.js';
import { manifest } from './manifest.js';

/** The named columns of COVID19_line_list_data.csv; all are required (found by name). */
export const KUDOS_COLUMNS = [
  'id',
  'case_in_country',
  'reporting date',
  'summary',
  'location',
  'country',
  'gender',
  'age',
  'symptom_onset',
  'If_onset_approximated',
  'hosp_visit_date',
  'exposure_start',
  'exposure_end',
  'visiting Wuhan',
  'from Wuhan',
  'death',
  'recovered',
  'symptom',
  'source',
  'link',
] as const;

/** The first day of the list's period: months named without a year are placed in it. */
export const PERIOD_START = '2019-12-01';

type OutcomeCell = { state: 'no' | 'yes' | 'none' } | { state: 'date'; date: DateRange };

/** `death` / `recovered`: 0 (no), 1 (yes, date unknown), a date (yes, on that date), NA or Excel's day zero (says nothing). */
function outcomeCell(cells: LineCells, column: string, dates: CaseDateOptions): OutcomeCell {
  const t = cells.raw(column).trim();
  if (t === '0') return { state: 'no' };
  if (t === '1') return { state: 'yes' };
  const date = cells.date(column, dates);
  if (date === undefined) return { state: 'none' };
  if (date.precision === 'unknown') return { state: 'none' };
  return { state: 'date', date };
}

/** "Shenzhen, Guangdong" → city and province; a location that is the country → no city; else the text is the city. */
export function kudosPlace(location: string | null, country: string | null): CasePlace {
  const place: CasePlace = { country, province: null, city: null, admin1: null, admin2: null, admin3: null, latitude: null, longitude: null, geoResolution: null };
  if (location === null) return place;
  const m = /^([^,]+), ?([^,]+)$/.exec(location);
  if (m) return { ...place, city: m[1].trim(), province: m[2].trim() };
  if (country !== null && location.toLowerCase() === country.toLowerCase()) return place;
  return { ...place, city: location };
}

export function parseKudos(files: SourceInputFile[]): ParsedCases {
  const f = singleFile(files, 'Kudos line list');
  const log = new IssueLog(f.name);
  const table = readLineList(f.text, f.name, { required: KUDOS_COLUMNS, idColumn: 'id' }, log);
  const dates: CaseDateOptions = { order: 'mdy', copyDate: copyDateOf(f.name, manifest.frozenOn), periodStart: PERIOD_START };
  const cases: CaseRecord[] = [];
  for (const record of table.records) {
    const c = new LineCells(table, record, log);
    const line = record.line;
    const age = c.age('age');
    const sex = c.sex('gender');
    const events: CaseRecord['events'] = {};
    const put = (event: keyof CaseRecord['events'], column: string) => {
      const d = c.date(column, dates);
      if (d !== undefined) events[event] = d;
    };
    put('report', 'reporting date');
    put('onset', 'symptom_onset');
    put('admission', 'hosp_visit_date');
    put('exposure_start', 'exposure_start');
    put('exposure_end', 'exposure_end');
    const approx = c.yesNo('If_onset_approximated');
    const extra: Record<string, string> = { ...record.extra };
    if (approx.other !== null) extra.If_onset_approximated = approx.other;
    if (approx.value === true) {
      extra.If_onset_approximated = '1';
      if (events.onset) log.tally('partial_date', 'symptom_onset', line, 'onset approximated (If_onset_approximated = 1)', 'are approximate (If_onset_approximated = 1): stored as the day given; the flag is kept in extra');
    }
    const died = outcomeCell(c, 'death', dates);
    const recovered = outcomeCell(c, 'recovered', dates);
    const isDied = died.state === 'yes' || died.state === 'date';
    const isRecovered = recovered.state === 'yes' || recovered.state === 'date';
    let outcome: Outcome = 'unknown';
    if (isDied && isRecovered) {
      log.add('unparseable_cell', `case ${quote(c.raw('id'))}: both death (${quote(c.raw('death'))}) and recovered (${quote(c.raw('recovered'))}) are set; outcome unknown, both kept in outcomeRaw`, line, 'death');
    } else if (isDied) {
      outcome = 'died';
      if (died.state === 'date') events.outcome = died.date;
    } else if (isRecovered) {
      outcome = 'recovered';
      if (recovered.state === 'date') events.outcome = recovered.date;
    }
    // Exposure windows as published; an end after onset is the end of a stay (e.g. leaving Wuhan), kept and counted.
    const ex0 = events.exposure_start;
    const ex1 = events.exposure_end;
    const onset = events.onset;
    if (ex0?.start && ex1?.start && ex0.start > ex1.start) log.tally('anomalies', 'exposure_end', line, 'exposure ends before it starts', 'are exposure windows out of order; kept as published');
    if (onset?.start && ex1?.start && ex1.start > onset.start) log.tally('anomalies', 'exposure_end', line, 'exposure_end after onset', 'are exposure windows that end after symptom onset (the end of a stay, e.g. leaving Wuhan); kept as published: an incubation estimate must end the window at onset');
    if (onset?.start && ex0?.start && ex0.start > onset.start) log.tally('anomalies', 'exposure_start', line, 'exposure_start after onset', 'are exposure windows that start after symptom onset (exposure recorded after the onset); kept as published: not usable for incubation');
    const visited = c.yesNo('visiting Wuhan');
    const cameFrom = c.yesNo('from Wuhan');
    if (visited.other !== null) extra['visiting Wuhan'] = visited.other;
    if (cameFrom.other !== null) extra['from Wuhan'] = cameFrom.other;
    const symptomsRaw = c.free('symptom');
    const link = c.text('link');
    const sourceUrls = link === null ? [] : extractUrls(link);
    if (link !== null && sourceUrls.length === 0) log.tally('unparseable_cell', 'link', line, quote(link, 40), 'hold no http(s) URL; kept in extra');
    if (link !== null && sourceUrls.length === 0) extra.link = link;
    const sourceName = c.text('source');
    if (sourceName !== null) extra.source = sourceName;
    const inCountry = c.text('case_in_country');
    if (inCountry !== null) extra.case_in_country = inCountry;
    cases.push({
      caseId: c.raw('id').trim(),
      file: f.name,
      line,
      place: kudosPlace(c.text('location'), c.text('country')),
      ageStart: age.start,
      ageEnd: age.end,
      ageRaw: age.raw,
      sex: sex.sex,
      sexRaw: sex.raw,
      events,
      outcome,
      outcomeRaw: `death: ${c.raw('death')}; recovered: ${c.raw('recovered')}`,
      symptoms: symptomsRaw === null ? [] : splitList(symptomsRaw),
      symptomsRaw,
      chronicDisease: null,
      chronicDiseaseBinary: null,
      travelPlaces: [],
      travelRaw: null,
      wuhan: { livesIn: null, visited: visited.value, cameFrom: cameFrom.value },
      sourceUrls,
      notes: c.free('summary'),
      extra,
    });
  }
  return { cases, issues: log.issues() };
}
