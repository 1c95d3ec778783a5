import type { CaseRecord, Outcome, ParsedCases } from '../../domain/cases.js';
import type { SourceInputFile } from '../../domain/series.js';
import { type CaseDateOptions, copyDateOf, extractUrls, IssueLog, LineCells, quote, readCaseDate, readLineList, readOutcome, singleFile, splitList, splitPlaces } from '../linelist-kit/index.js';
import { manifest } from './manifest.js';

/** The named columns of COVID19_open_line_list.csv (February 2020 schema); all are required (found by name). */
export const OPEN_COLUMNS = [
  'ID',
  'age',
  'sex',
  'city',
  'province',
  'country',
  'wuhan(0)_not_wuhan(1)',
  'latitude',
  'longitude',
  'geo_resolution',
  'date_onset_symptoms',
  'date_admission_hospital',
  'date_confirmation',
  'symptoms',
  'lives_in_Wuhan',
  'travel_history_dates',
  'travel_history_location',
  'reported_market_exposure',
  'additional_information',
  'chronic_disease_binary',
  'chronic_disease',
  'source',
  'sequence_available',
  'outcome',
  'date_death_or_discharge',
  'notes_for_discussion',
  'location',
  'admin3',
  'admin2',
  'admin1',
  'country_new',
  'admin_id',
  'data_moderator_initials',
] as const;

/** Named columns outside the dictionary kept per case in `extra` when they hold text. */
export const OPEN_EXTRA_COLUMNS = ['reported_market_exposure', 'sequence_available', 'location', 'admin_id', 'country_new'] as const;

/** The list's resolutions; `admin 1` is read as admin1 (`repaired`); anything else is kept as written (`unparseable_cell`). */
export const GEO_RESOLUTIONS = ['point', 'admin0', 'admin1', 'admin2', 'admin3'] as const;

export const PERIOD_START = '2019-12-01';

export function parseOpenLineList(files: SourceInputFile[]): ParsedCases {
  const f = singleFile(files, 'open COVID-19 line list');
  const log = new IssueLog(f.name);
  const table = readLineList(f.text, f.name, { required: OPEN_COLUMNS, idColumn: 'ID' }, log);
  const dates: CaseDateOptions = { order: 'dmy', copyDate: copyDateOf(f.name, manifest.frozenOn), periodStart: PERIOD_START };
  const cases: CaseRecord[] = [];
  let outcomeDateWithoutOutcome = 0;
  let firstLine: number | undefined;
  for (const record of table.records) {
    const c = new LineCells(table, record, log);
    const line = record.line;
    const extra: Record<string, string> = { ...record.extra };
    const age = c.age('age');
    const sex = c.sex('sex');

    let geo = c.text('geo_resolution');
    if (geo !== null && !(GEO_RESOLUTIONS as readonly string[]).includes(geo)) {
      const squeezed = geo.replace(/\s+/g, '').toLowerCase();
      if ((GEO_RESOLUTIONS as readonly string[]).includes(squeezed)) {
        log.tally('repaired', 'geo_resolution', line, `${JSON.stringify(geo)} → ${JSON.stringify(squeezed)}`, 'are resolution names with a stray space or capital; stored in the list\'s spelling');
        geo = squeezed;
      } else log.tally('unparseable_cell', 'geo_resolution', line, quote(geo, 40), `are not one of ${GEO_RESOLUTIONS.join(', ')}; kept as written`);
    }
    const inWuhan = c.text('wuhan(0)_not_wuhan(1)');
    if (inWuhan !== null && inWuhan !== '0' && inWuhan !== '1') {
      log.tally('unparseable_cell', 'wuhan(0)_not_wuhan(1)', line, quote(inWuhan, 40), 'are not 0 or 1; kept in extra');
      extra['wuhan(0)_not_wuhan(1)'] = inWuhan;
    }

    const events: CaseRecord['events'] = {};
    const put = (event: keyof CaseRecord['events'], column: string) => {
      const d = c.date(column, dates);
      if (d !== undefined) events[event] = d;
    };
    put('onset', 'date_onset_symptoms');
    put('admission', 'date_admission_hospital');
    put('confirmation', 'date_confirmation');
    put('travel', 'travel_history_dates');

    // An outcome word in the date column: with a date in the outcome column the two cells are
    // swapped; with a blank outcome the word is the outcome. Both read as such (repaired).
    const outcomeText = c.raw('outcome').trim();
    const dateText = c.raw('date_death_or_discharge').trim();
    const dateCellOutcome = dateText === '' ? null : readOutcome(dateText);
    const outcomeCellDate = outcomeText === '' || readOutcome(outcomeText) ? null : readCaseDate(outcomeText, dates).range;
    let outcome: { outcome: Outcome; raw: string | null };
    if (dateCellOutcome && outcomeCellDate && outcomeCellDate.precision !== 'unknown') {
      outcome = { outcome: dateCellOutcome.outcome, raw: c.raw('date_death_or_discharge') };
      put('outcome', 'outcome');
      log.add('repaired', `outcome holds a date (${quote(outcomeText)}) and date_death_or_discharge an outcome (${quote(dateText)}): the two cells are swapped; read as outcome ${dateCellOutcome.outcome} on that date`, line, 'outcome', 'info');
    } else if (dateCellOutcome && outcomeText === '') {
      outcome = { outcome: dateCellOutcome.outcome, raw: c.raw('date_death_or_discharge') };
      log.add('repaired', `date_death_or_discharge holds an outcome word (${quote(dateText)}) and outcome is blank: read as outcome ${dateCellOutcome.outcome}, with no date`, line, 'date_death_or_discharge', 'info');
    } else {
      put('outcome', 'date_death_or_discharge');
      outcome = c.outcome('outcome');
    }
    if (events.outcome && outcome.outcome === 'unknown') {
      outcomeDateWithoutOutcome++;
      firstLine ??= line;
    }

    const livesIn = c.yesNo('lives_in_Wuhan');
    if (livesIn.other !== null) extra.lives_in_Wuhan = livesIn.other;
    const chronicFlag = c.yesNo('chronic_disease_binary');
    if (chronicFlag.other !== null) extra.chronic_disease_binary = chronicFlag.other;

    const travelRaw = c.free('travel_history_location');
    const travelText = travelRaw === null ? null : travelRaw.trim();
    const travelPlaces = travelText === null || /^no$/i.test(travelText) ? [] : splitPlaces(travelText);
    if (travelText !== null && /^no$/i.test(travelText)) log.tally('missing_marker', 'travel_history_location', line, '"no" (no travel): no places', 'hold a marker or "no"; no places stored, raw kept');

    const source = c.free('source');
    const sourceUrls = source === null ? [] : extractUrls(source);
    if (source !== null && sourceUrls.length === 0) {
      log.tally('unparseable_cell', 'source', line, quote(source, 40), 'hold no http(s) URL; kept in extra');
      extra.source = source;
    }

    const info = c.free('additional_information');
    const discussion = c.free('notes_for_discussion');
    const notes = info !== null && discussion !== null ? `${info}\n\nNotes for discussion: ${discussion}` : (info ?? (discussion === null ? null : `Notes for discussion: ${discussion}`));

    for (const column of OPEN_EXTRA_COLUMNS) {
      const t = c.raw(column).trim();
      if (t !== '') extra[column] = t;
    }
    const symptomsRaw = c.free('symptoms');
    cases.push({
      caseId: c.raw('ID').trim(),
      file: f.name,
      line,
      place: {
        country: c.text('country'),
        province: c.text('province'),
        city: c.text('city'),
        admin1: c.text('admin1'),
        admin2: c.text('admin2'),
        admin3: c.text('admin3'),
        latitude: c.number('latitude'),
        longitude: c.number('longitude'),
        geoResolution: geo,
      },
      ageStart: age.start,
      ageEnd: age.end,
      ageRaw: age.raw,
      sex: sex.sex,
      sexRaw: sex.raw,
      events,
      outcome: outcome.outcome,
      outcomeRaw: outcome.raw,
      symptoms: symptomsRaw === null ? [] : splitList(symptomsRaw),
      symptomsRaw,
      chronicDisease: c.free('chronic_disease'),
      chronicDiseaseBinary: chronicFlag.value,
      travelPlaces,
      travelRaw,
      wuhan: { livesIn: livesIn.value, visited: null, cameFrom: null },
      sourceUrls,
      notes,
      extra,
    });
  }
  if (outcomeDateWithoutOutcome > 0) {
    log.add(
      'unparseable_cell',
      `${outcomeDateWithoutOutcome} ${outcomeDateWithoutOutcome === 1 ? 'case has' : 'cases have'} a date_death_or_discharge but no readable outcome: the date is kept as the outcome event, the outcome stays unknown (death or discharge is not guessed)`,
      firstLine,
      'outcome',
      'info',
    );
  }
  return { cases, issues: log.issues() };
}
