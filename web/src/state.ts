/**
 * Everything a view shows lives in the URL's query string, so a link reproduces it. Parsing
 * never throws: a value that is not valid (a hand-edited or old link) falls back to its default.
 */
export const TABS = ['map', 'chart', 'table'] as const;
export type Tab = (typeof TABS)[number];
export const PAGES = ['explorer', 'sources', 'anomalies', 'models'] as const;
export type Page = (typeof PAGES)[number];
export const MEASURES = ['cumulative', 'daily', 'daily_7day_avg'] as const;
export type Measure = (typeof MEASURES)[number];
export type Transform = 'cumulative' | 'daily' | 'daily_7day_avg' | 'per_100k' | 'daily_per_100k' | 'daily_7day_avg_per_100k';
export const MAX_LOCATIONS = 10;

export interface ViewState {
  page: Page;
  tab: Tab;
  metric: string;
  measure: Measure;
  perCapita: boolean;
  /** The map's (and table's) day; null = the last day with data. */
  date: string | null;
  /** The map's region: "world", a country key (US: its states) or a subdivision key (its counties). */
  region: string;
  /** Region US: all counties instead of the states. */
  counties: boolean;
  /** The chart's locations (at most MAX_LOCATIONS), in order. */
  locations: string[];
  log: boolean;
  from: string | null;
  to: string | null;
  /** Also show the series as published on this day. */
  asOf: string | null;
  anomalies: boolean;
  /** Table: sort column, direction, page (0-based). */
  sort: string;
  desc: boolean;
  pageNo: number;
}

export const DEFAULT_STATE: Readonly<ViewState> = Object.freeze({
  page: 'explorer', tab: 'map', metric: 'confirmed', measure: 'daily_7day_avg', perCapita: true, date: null, region: 'world', counties: false,
  locations: [], log: false, from: null, to: null, asOf: null, anomalies: true, sort: 'value', desc: true, pageNo: 0,
});

export const METRIC_IDS = ['confirmed', 'deaths', 'recovered', 'tests', 'confirmed_lab', 'probable', 'deaths_lab', 'probable_deaths', 'hospitalized', 'vaccine_doses', 'people_vaccinated', 'people_fully_vaccinated'];
const ISO_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const KEY = /^[A-Z0-9]+(?:-[A-Z0-9]+)*(?:_[A-Z0-9]+(?:-[A-Z0-9]+)*){0,2}$/;
const SORT = /^[a-z_]{1,20}$/;

const oneOf = <T extends string>(list: readonly T[], v: string | null, d: T): T => (v !== null && (list as readonly string[]).includes(v) ? (v as T) : d);
/** A real calendar day in YYYY-MM-DD form (2021-02-30 is not). */
const date = (v: string | null) => (v !== null && ISO_DATE.test(v) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v) ? v : null);
const flag = (v: string | null, d: boolean) => (v === '1' ? true : v === '0' ? false : d);

export function parseState(search: string): ViewState {
  const q = new URLSearchParams(search);
  const d = DEFAULT_STATE;
  const locations = [...new Set((q.get('loc') ?? '').split(',').map((s) => s.trim()).filter((s) => KEY.test(s)))].slice(0, MAX_LOCATIONS);
  const region = q.get('region');
  let from = date(q.get('from'));
  let to = date(q.get('to'));
  if (from && to && from > to) [from, to] = [to, from];
  const pageNo = Number(q.get('p'));
  return {
    page: oneOf(PAGES, q.get('page'), d.page),
    tab: oneOf(TABS, q.get('tab'), d.tab),
    metric: oneOf(METRIC_IDS, q.get('metric'), d.metric),
    measure: oneOf(MEASURES, q.get('measure'), d.measure),
    perCapita: flag(q.get('per100k'), d.perCapita),
    date: date(q.get('date')),
    region: region === 'world' || (region !== null && KEY.test(region) && region.split('_').length <= 2) ? region : d.region,
    counties: flag(q.get('counties'), d.counties),
    locations,
    log: flag(q.get('log'), d.log),
    from,
    to,
    asOf: date(q.get('asof')),
    anomalies: flag(q.get('anomalies'), d.anomalies),
    sort: SORT.test(q.get('sort') ?? '') ? q.get('sort')! : d.sort,
    desc: flag(q.get('desc'), d.desc),
    pageNo: Number.isInteger(pageNo) && pageNo > 0 && pageNo < 1e6 ? pageNo : 0,
  };
}

/** The query string of a state, default values left out, in a fixed order (links stay short and stable). */
export function serializeState(s: ViewState): string {
  const d = DEFAULT_STATE;
  const q = new URLSearchParams();
  const put = (k: string, v: string | null, dv: string | null) => {
    if (v !== null && v !== dv) q.set(k, v);
  };
  const bit = (b: boolean) => (b ? '1' : '0');
  put('page', s.page, d.page);
  put('tab', s.tab, d.tab);
  put('metric', s.metric, d.metric);
  put('measure', s.measure, d.measure);
  put('per100k', bit(s.perCapita), bit(d.perCapita));
  put('date', s.date, null);
  put('region', s.region, d.region);
  put('counties', bit(s.counties), bit(d.counties));
  put('loc', s.locations.slice(0, MAX_LOCATIONS).join(',') || null, null);
  put('log', bit(s.log), bit(d.log));
  put('from', s.from, null);
  put('to', s.to, null);
  put('asof', s.asOf, null);
  put('anomalies', bit(s.anomalies), bit(d.anomalies));
  put('sort', s.sort, d.sort);
  put('desc', bit(s.desc), bit(d.desc));
  put('p', s.pageNo ? String(s.pageNo) : null, null);
  const text = q.toString().replace(/%2C/g, ',');
  return text ? `?${text}` : '';
}

/** The API's transform for a measure and the per-capita toggle. */
export function transformOf(measure: Measure, perCapita: boolean): Transform {
  if (!perCapita) return measure;
  return measure === 'cumulative' ? 'per_100k' : `${measure}_per_100k`;
}

/** The map's request: which level and parent a region shows. */
export function mapScope(s: Pick<ViewState, 'region' | 'counties'>): { level: 'country' | 'subdivision' | 'county'; parent: string | null } {
  if (s.region === 'world') return { level: 'country', parent: null };
  if (s.region === 'US' && s.counties) return { level: 'county', parent: null };
  return s.region.includes('_') ? { level: 'county', parent: s.region } : { level: 'subdivision', parent: s.region };
}
