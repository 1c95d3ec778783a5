import { CASE_EVENTS, CASE_DATE_PRECISIONS, OUTCOMES, SEXES } from '../domain/cases.js';
import { CASE_ROW_COLUMNS } from './cases.js';

/**
 * The data dictionary of a case row (GET /v1/cases/dictionary, docs/cases.md): every column,
 * its type and what it means. A test checks it covers every column and that the docs list it.
 */
export interface DictionaryEntry {
  field: string;
  type: 'string' | 'number' | 'boolean' | 'date' | 'enum' | 'list';
  values?: readonly string[];
  description: string;
}

const EVENT_MEANING: Record<(typeof CASE_EVENTS)[number], string> = {
  onset: 'symptom onset',
  admission: 'hospital admission (or first visit to a hospital)',
  confirmation: 'laboratory confirmation',
  outcome: 'the outcome (death or discharge)',
  exposure_start: 'the start of the exposure window (first possible day of infection)',
  exposure_end: 'the end of the exposure window (last possible day of infection)',
  travel: 'travel (the dates of the travel history)',
  report: 'the date the source reported the case',
};

const FIELDS: Record<string, Omit<DictionaryEntry, 'field'>> = {
  source: { type: 'string', description: 'The line list (connector id): linelist-open, linelist-kudos.' },
  case_id: { type: 'string', description: 'The list’s own case id, stable across copies of the list; unique within the source.' },
  issue: { type: 'date', description: 'The vintage (copy of the list) that published this version of the record.' },
  location_key: { type: 'string', description: 'The deepest location key the gazetteer gives the case’s country and province (subdivision, else country); null when the country matches none.' },
  country: { type: 'string', description: 'Country as written in the list.' },
  province: { type: 'string', description: 'Province or state as written.' },
  city: { type: 'string', description: 'City as written (not keyed).' },
  admin1: { type: 'string', description: 'First-level admin name as written (open list).' },
  admin2: { type: 'string', description: 'Second-level admin name as written (open list).' },
  admin3: { type: 'string', description: 'Third-level admin name as written (open list).' },
  latitude: { type: 'number', description: 'Latitude the list gives (WGS 84).' },
  longitude: { type: 'number', description: 'Longitude the list gives (WGS 84).' },
  geo_resolution: { type: 'string', description: 'What the coordinates locate, as the list says (point, admin3, admin2, admin1, country).' },
  age_start: { type: 'number', description: 'Age as a range, lower end in years: 45 → 45–45, "50-59" → 50–59, "80+" → 80 with no upper end. Null when unknown (reason in the run report).' },
  age_end: { type: 'number', description: 'Upper end of the age range in years; null for an open-ended range ("80+") or an unknown age.' },
  age_raw: { type: 'string', description: 'The age as written.' },
  sex: { type: 'enum', values: SEXES, description: 'female, male or unknown.' },
  sex_raw: { type: 'string', description: 'The sex as written.' },
  outcome: { type: 'enum', values: OUTCOMES, description: 'recovered, died, hospitalized, stable or unknown (mapping per source in its manifest notes).' },
  outcome_raw: { type: 'string', description: 'The outcome as written.' },
  symptoms: { type: 'list', description: 'Symptoms, "; "-separated.' },
  symptoms_raw: { type: 'string', description: 'The symptoms as written.' },
  chronic_disease: { type: 'string', description: 'Chronic diseases as written.' },
  chronic_disease_binary: { type: 'boolean', description: 'The list’s chronic-disease flag, where it has one.' },
  travel_places: { type: 'list', description: 'Places of the travel history, "; "-separated.' },
  travel_raw: { type: 'string', description: 'The travel history as written.' },
  wuhan_lives_in: { type: 'boolean', description: 'Lives in Wuhan (null: the list does not say).' },
  wuhan_visited: { type: 'boolean', description: 'Visited Wuhan (null: the list does not say).' },
  wuhan_came_from: { type: 'boolean', description: 'Came from Wuhan (null: the list does not say).' },
  source_urls: { type: 'list', description: 'The reports the source cites for the case, "; "-separated.' },
  notes: { type: 'string', description: 'Free text the source published with the case (summary, additional information, notes).' },
  extra: { type: 'string', description: 'Cells of columns outside the dictionary (unnamed trailing columns that hold text), as JSON.' },
  file: { type: 'string', description: 'The file of the list the row comes from.' },
  line: { type: 'number', description: 'Its physical line there (header = 1).' },
};

for (const e of CASE_EVENTS) {
  const what = EVENT_MEANING[e];
  FIELDS[`${e}_start`] = { type: 'date', description: `First day ${what} may have happened (one day: start = end).` };
  FIELDS[`${e}_end`] = { type: 'date', description: `Last day ${what} may have happened.` };
  FIELDS[`${e}_precision`] = { type: 'enum', values: CASE_DATE_PRECISIONS, description: `How much the list says of the date of ${what}: day, range, month, or unknown (no dates; text kept).` };
  FIELDS[`${e}_date_raw`] = { type: 'string', description: `The date of ${what} as written.` };
}

export const CASE_DICTIONARY: readonly DictionaryEntry[] = CASE_ROW_COLUMNS.map((field) => {
  const f = FIELDS[field];
  if (!f) throw new Error(`case dictionary: no entry for column ${field}`);
  return { field, ...f };
});

/** docs/cases.md: the case records and their data dictionary (written by `npm run docs`, checked by a test). */
export function caseDictionaryDoc(): string {
  const cell = (s: string) => s.replace(/\|/g, '\\|');
  return [
    '# Case records: the data dictionary',
    '',
    'Generated from `src/query/case-dictionary.ts` by `npm run docs`; a test checks it is current. The same',
    'table is served at `/v1/cases/dictionary`. Case records come from public line lists (`linelist-open`,',
    '`linelist-kudos`): each value is normalised where it can be read, with the raw text beside it; what cannot',
    'be read is null, with the reason in the run’s validation report (`/v1/sources/{id}/runs/{run}`), never guessed.',
    'Records are versioned: `/v1/cases?as_of=DATE` answers what the lists said on a date, and',
    '`/v1/cases/{source}/{id}` lists every version of a case.',
    '',
    '| field | type | values | meaning |',
    '|---|---|---|---|',
    ...CASE_DICTIONARY.map((d) => `| \`${d.field}\` | ${d.type} | ${d.values?.join(', ') ?? ''} | ${cell(d.description)} |`),
    '',
  ].join('\n');
}
