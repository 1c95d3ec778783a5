import type { CaseManifest } from '../../domain/cases.js';

/** The commit of joandavi/coronavirus_analysis the mirrored copy comes from (a copy of the Kaggle file). */
export const COPY_COMMIT = '27a9b19';

export const manifest = {
  id: 'linelist-kudos',
  title: 'Kudos line list: COVID19_line_list_data.csv of Kaggle\'s "Novel Corona Virus 2019 Dataset"',
  publisher: 'Sudalai Rajkumar (Kaggle "Novel Corona Virus 2019 Dataset"); the line list compiled from news and health-commission reports, each row linking its source',
  homepage: 'https://www.kaggle.com/datasets/sudalairajkumar/novel-corona-virus-2019-dataset',
  license: {
    name: 'no licence stated',
    url: 'https://www.kaggle.com/datasets/sudalairajkumar/novel-corona-virus-2019-dataset',
  },
  redistribution:
    'No licence stated for the line list, so redistribution is unclear: Glacier serves the normalised records with a link to each row\'s source and keeps the raw copy for provenance only.',
  cadence: 'irregular',
  frozenOn: '2020-02-28',
  metrics: [],
  levels: [],
  files: [
    {
      id: 'line-list',
      url: `https://raw.githubusercontent.com/joandavi/coronavirus_analysis/${COPY_COMMIT}/raw%20csv/COVID19_line_list_data.csv`,
      mirror: ['linelists/kudos/COVID19_line_list_data.csv', 'linelists/kudos/COVID19_line_list_data_asof_{date}.csv'],
    },
  ],
  parserVersion: 1,
  notes: [
    `Upstream: COVID19_line_list_data.csv of the Kaggle dataset (sudalairajkumar/novel-corona-virus-2019-dataset; Kaggle needs a login, so the URL is the copy in joandavi/coronavirus_analysis at commit ${COPY_COMMIT}, "raw csv/"). 1,085 rows, reports 2020-01-13 .. 2020-02-28; frozenOn is the last date in the copy (2020-02-28) and is the copy date of the current file; a dated copy (COVID19_line_list_data_asof_YYYY-MM-DD.csv) is a vintage whose copy date is the date in its name.`,
    'Layout: UTF-8 with a BOM (ignored); 21 header cells, the 4th unnamed (after "reporting date") and empty in every row (reported once, ignored); every row has 27 fields, i.e. 6 empty fields beyond the header (a trailing-comma export; reported once, ignored). Text in an unnamed column would be kept in extra.column_<n> and counted (unparseable_cell). Every named column is required, found by name: a renamed or missing column refuses the file (SourceFormatError naming file, line 1 and the column). A short row refuses the file, except the last row of a copy that ends with a line break (kept with the columns it has, its last cell cut; one warning); a file that ends inside a row without a line break is truncated (SourceFormatError). Physical lines are reported (header = 1).',
    'caseId = id, trimmed. A repeated id: the first row is kept, the repeat is not stored (duplicate_row warning naming both lines and the columns that differ); none in the current copy (1,085 distinct ids). A row without an id is a stray_row, not stored.',
    'Missing markers: blank, "NA" (and N/A, #N/A, none, -, any case) → null (missing_marker, one issue per column with counts: e.g. age 242 NA, gender 183 NA, symptom_onset 522 NA, exposure_start 957 NA, exposure_end 744 NA).',
    'age → ageStart/ageEnd (years): a number is that age (55 → 55–55); fractions of a year as published (0.5, 0.25 → infants); "6 months" → 0.5; "50-59" → 50–59; "80+" / "80-" → 80–open; a range wider than 20 years is a group\'s range, not a person\'s (age null, raw kept, unparseable_cell). Quirk: the list often writes a decade ("50s" in the summary) as its midpoint — 290 of the 843 ages end in 5 (55 ×72, 65 ×52, 45 ×39, 75 ×37 …) against 45–77 for each other last digit; they are kept as published (55–55): the list does not mark which ages are midpoints.',
    'gender → sex: male / female (any case; another case is a case_variant) → male/female; NA → unknown (missing_marker); anything else → unknown with the raw kept (unparseable_cell). sexRaw keeps the cell.',
    'Dates are month first, m/d/yyyy and m/d/yy mixed ("1/20/2020", "01/03/20"; yy → 20yy, counted as partial_date "m/d/yy short form"). A date impossible month first but valid day first, or after the copy date with a valid swapped reading, is swapped back (repaired) — none in this copy; any other impossible or future date → precision unknown, raw kept (unparseable_cell): "2//2020" (hosp_visit_date, 1). "12/30/1899" (Excel\'s day zero: a 0 or blank cell formatted as a date; 12 cells of recovered, lines 317–328, all Japanese cases whose summaries state no recovery) → no date and no recovery read from it (missing_marker with that reason).',
    'Events: reporting date → report; symptom_onset → onset; hosp_visit_date → admission (the first hospital visit the report gives: not always an admission); exposure_start → exposure_start; exposure_end → exposure_end; the date in death or recovered → outcome. If_onset_approximated = 1 (24 rows): the onset is kept as the day given (precision day: the list gives no bounds, so a range would be invented), the flag kept in extra.If_onset_approximated, and counted (partial_date "onset approximated").',
    'Exposure windows (what incubation estimates need) are stored as published: 128 exposure_start and 341 exposure_end dates, 122 rows with both (none inverted). exposure_end is often the day the case left Wuhan: 38 windows end after symptom onset, and 2 start after it (lines 160, 922) — counted as anomalies (info) per column with their lines, never clipped: an incubation estimate must end the window at onset itself.',
    'death / recovered hold 0 (no), 1 (yes, date unknown) or a date (yes, on that date: the outcome event). outcome = died (63 rows: 42 with 1, 21 dated) or recovered (147 rows: 7 with 1, 140 dated), else unknown; both set → outcome unknown, reported (unparseable_cell on death; none in this copy). outcomeRaw = "death: <cell>; recovered: <cell>". The list has no hospitalised/stable status.',
    'visiting Wuhan 1/0 → wuhan.visited; from Wuhan 1/0 (NA ×4 → null) → wuhan.cameFrom; wuhan.livesIn is null (no such column; residence is only in the summary text). Any other text → null, kept in extra under the column name (unparseable_cell).',
    'location and country → place: "City, Province" (one comma: "Shenzhen, Guangdong", "Wuhan, Hubei", "Hechi, Guangxi") → city and province; a location equal to the country ("France", "Japan", "South Korea") → no city; any other text → city, as written (provinces such as "Zhejiang" and prefectures such as "Aichi Prefecture" therefore sit in city: the list does not say which level a name is; keying to locations happens in the ingest). Country names as written ("UAE", "Phillipines").',
    'symptom → symptoms split on "," and ";" (items trimmed, letter case and misspellings as written: "feaver", "feve\\"), symptomsRaw keeps the cell. summary → notes (verbatim). link → sourceUrls (every http(s) URL in the cell; one cell holds two separated by a full-width comma); source (a publisher name such as "Shenzhen Municipal Health Commission") → extra.source; case_in_country (the case number within the country, blank for China) → extra.case_in_country. chronicDisease, travelPlaces: not in this list (null / []).',
  ],
} as const satisfies CaseManifest;
