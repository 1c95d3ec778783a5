import { LANGS, type Lang } from './i18n/lang.js';

/**
 * Everything a view shows lives in the URL's query string, so a link reproduces it. Parsing
 * never throws: a value that is not valid (a hand-edited or old link) falls back to its default.
 */
export const TABS = ['map', 'chart', 'table'] as const;
export type Tab = (typeof TABS)[number];
export const PAGES = ['explorer', 'sources', 'anomalies', 'models', 'datasets', 'dataset', 'imaging', 'cases', 'literature', 'sequences', 'chatter'] as const;
export type Page = (typeof PAGES)[number];
export const MEASURES = ['cumulative', 'daily', 'daily_7day_avg'] as const;
export type Measure = (typeof MEASURES)[number];
export type Transform = 'cumulative' | 'daily' | 'daily_7day_avg' | 'per_100k' | 'daily_per_100k' | 'daily_7day_avg_per_100k';
export const MAX_LOCATIONS = 10;

/** The catalog's vocabularies (src/domain/dataset.ts; the e2e tests check them against the API). */
export const DATASET_TYPES = ['cases', 'imaging', 'literature', 'sequences', 'social', 'linelist'] as const;
export type DatasetType = (typeof DATASET_TYPES)[number];
export const MODALITIES = ['x-ray', 'ct', 'ultrasound'] as const;
export type Modality = (typeof MODALITIES)[number];
export const REDISTRIBUTION_CLASSES = ['open', 'attribution', 'share-alike', 'non-commercial', 'research-only', 'registration-required', 'ids-only', 'unclear'] as const;
export type RedistributionClass = (typeof REDISTRIBUTION_CLASSES)[number];
export const DEFAULT_RATIOS = '0.7,0.15,0.15';

/** The Cases page's vocabularies (src/domain/cases.ts; the API refuses anything else). */
export const CASE_SOURCES = ['linelist-open', 'linelist-kudos'] as const;
export type CaseSource = (typeof CASE_SOURCES)[number];
export const SEXES = ['female', 'male', 'unknown'] as const;
export type Sex = (typeof SEXES)[number];
export const OUTCOMES = ['recovered', 'died', 'hospitalized', 'stable', 'unknown'] as const;
export type Outcome = (typeof OUTCOMES)[number];

/** The Datasets page's filters (each one an API parameter of /v1/datasets). */
export interface DatasetFilter {
  type: DatasetType | null;
  modality: Modality | null;
  redistribution: RedistributionClass | null;
  /** true: commercial use allowed; false: not allowed; null: either (or unknown). */
  commercial: boolean | null;
  /** true: only what Glacier holds rows of; false: only what it does not. */
  local: boolean | null;
  q: string;
}

/** The Imaging page's filter (chart, table): API parameters of /v1/imaging/summary and /images. */
export interface ImagingFilter {
  datasets: string[];
  /** A finding or a prefix of the hierarchy ("Pneumonia/Viral"); '' = all. */
  finding: string;
  modality: Modality | null;
  view: string;
}

/** The split builder's request (/v1/imaging/splits); `built` false: not asked for yet. */
export interface SplitSpec {
  built: boolean;
  datasets: string[];
  finding: string;
  /** 1 to 3 fractions summing to 1, comma-separated, as the API takes them. */
  ratios: string;
  seed: number;
}

/** The Cases page's filters (API parameters of /v1/cases, /v1/cases/summary and the delay models). */
export interface CaseFilter {
  /** The line lists, in CASE_SOURCES order; empty = both (the API's default). */
  sources: CaseSource[];
  /** A location key (cases there or in any place under it); null = everywhere. */
  location: string | null;
  sex: Sex | null;
  outcome: Outcome | null;
  /** The records as the lists said on this date; null = the latest. */
  asOf: string | null;
}

/** The Literature page: a search (/v1/literature/search) and the case curve drawn beside its papers per week. */
export interface LiteratureFilter {
  /** Web-search syntax; '' = no search yet (the counts chart shows every paper). */
  q: string;
  from: string | null;
  to: string | null;
  /** true: only papers with a DOI; false: only those without; null: either. */
  hasDoi: boolean | null;
  /** The location whose daily confirmed cases are drawn beside the papers. */
  place: string;
}

/** The Sequences page: a place (null = all), the strain whose mutations are shown. */
export interface SequenceFilter {
  location: string | null;
  strain: string | null;
}

export const NGRAM_KINDS = ['terms', 'bigrams', 'trigrams'] as const;
export type NgramKind = (typeof NGRAM_KINDS)[number];
export const DEFAULT_TERMS = ['coronavirus', 'covid', 'lockdown'];
export const MAX_TERMS = 8;

/** The Chatter page: the terms' trend lines (share or count per day) and one day's top list. */
export interface ChatterFilter {
  terms: string[];
  /** true: share of the day's listed counts; false: the count. */
  share: boolean;
  /** The top list's day; null = the latest held. */
  date: string | null;
  kind: NgramKind;
  /** Leave out stop words and artefacts (filter=noise). */
  noise: boolean;
}

export interface ViewState {
  /** The language chosen with the switch; null = the browser's (i18n/lang.ts preferredLang). */
  lang: Lang | null;
  /** The chrome-less view for an iframe (`embed=1`): the figure alone, with its sources and a link back. */
  embed: boolean;
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
  /** The dataset page's dataset. */
  datasetId: string | null;
  datasets: DatasetFilter;
  imaging: ImagingFilter;
  split: SplitSpec;
  cases: CaseFilter;
  literature: LiteratureFilter;
  sequences: SequenceFilter;
  chatter: ChatterFilter;
}

export const DEFAULT_STATE: Readonly<ViewState> = Object.freeze({
  lang: null,
  embed: false,
  page: 'explorer', tab: 'map', metric: 'confirmed', measure: 'daily_7day_avg', perCapita: true, date: null, region: 'world', counties: false,
  locations: [], log: false, from: null, to: null, asOf: null, anomalies: true, sort: 'value', desc: true, pageNo: 0,
  datasetId: null,
  datasets: Object.freeze({ type: null, modality: null, redistribution: null, commercial: null, local: null, q: '' }),
  imaging: Object.freeze({ datasets: Object.freeze([]) as unknown as string[], finding: '', modality: null, view: '' }),
  split: Object.freeze({ built: false, datasets: Object.freeze([]) as unknown as string[], finding: '', ratios: DEFAULT_RATIOS, seed: 0 }),
  cases: Object.freeze({ sources: Object.freeze([]) as unknown as CaseSource[], location: null, sex: null, outcome: null, asOf: null }),
  literature: Object.freeze({ q: '', from: null, to: null, hasDoi: null, place: 'CN' }),
  sequences: Object.freeze({ location: null, strain: null }),
  chatter: Object.freeze({ terms: Object.freeze([...DEFAULT_TERMS]) as unknown as string[], share: true, date: null, kind: 'terms', noise: true }),
});

export const METRIC_IDS = ['confirmed', 'deaths', 'recovered', 'tests', 'confirmed_lab', 'probable', 'deaths_lab', 'probable_deaths', 'hospitalized', 'vaccine_doses', 'people_vaccinated', 'people_fully_vaccinated'];
const ISO_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const KEY = /^[A-Z0-9]+(?:-[A-Z0-9]+)*(?:_[A-Z0-9]+(?:-[A-Z0-9]+)*){0,2}$/;
const SORT = /^[a-z_]{1,20}$/;
const DATASET_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/;
const FINDING = /^[A-Za-z0-9][A-Za-z0-9 ./()+_-]{0,199}$/;
const VIEW = /^[A-Za-z0-9][A-Za-z0-9 ._-]{0,49}$/;
const MAX_SEED = 4294967295;

const oneOf = <T extends string>(list: readonly T[], v: string | null, d: T): T => (v !== null && (list as readonly string[]).includes(v) ? (v as T) : d);
/** A real calendar day in YYYY-MM-DD form (2021-02-30 is not). */
const date = (v: string | null) => (v !== null && ISO_DATE.test(v) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v) ? v : null);
const flag = (v: string | null, d: boolean) => (v === '1' ? true : v === '0' ? false : d);
/** '1' true, '0' false, anything else: not set. */
const either = (v: string | null): boolean | null => (v === '1' ? true : v === '0' ? false : null);

const ids = (v: string | null) => [...new Set((v ?? '').split(',').map((x) => x.trim()).filter((x) => DATASET_ID.test(x)))].slice(0, 20);
const matching = (re: RegExp, v: string | null) => (v !== null && re.test(v.trim()) ? v.trim().replace(/\s+/g, ' ') : '');

/**
 * Split ratios as the API takes them: 1 to 3 fractions in (0, 1] summing to 1 (within 1e-6).
 * Returns the fractions, or null when the text is not such a list.
 */
export function parseRatios(text: string): number[] | null {
  const parts = text.split(',').map((x) => x.trim());
  if (parts.length < 1 || parts.length > 3 || parts.some((x) => !/^(0|1)?(\.\d{1,6})?$/.test(x) || x === '' || x === '.')) return null;
  const r = parts.map(Number);
  if (r.some((x) => !(x > 0 && x <= 1))) return null;
  return Math.abs(r.reduce((a, b) => a + b, 0) - 1) <= 1e-6 ? r : null;
}

/** A seed the API takes (an integer 0 … 2³²−1), or null. */
export function parseSeed(text: string | null): number | null {
  if (text === null || !/^\d{1,10}$/.test(text.trim())) return null;
  const n = Number(text.trim());
  return n <= MAX_SEED ? n : null;
}

/** The line lists named in a link, in CASE_SOURCES order; both named is the same as none (the default). */
function caseSources(v: string | null): CaseSource[] {
  const named = new Set((v ?? '').split(',').map((x) => x.trim()));
  const chosen = CASE_SOURCES.filter((x) => named.has(x));
  return chosen.length === CASE_SOURCES.length ? [] : chosen;
}

/** Comma-separated chatter terms: trimmed, spaces collapsed, no duplicates, at most MAX_TERMS of at most 60 characters. */
export function parseTerms(v: string | null): string[] {
  if (v === null) return [...DEFAULT_TERMS];
  return [...new Set(v.split(',').map((x) => x.trim().replace(/\s+/g, ' ')).filter((x) => x.length > 0 && x.length <= 60))].slice(0, MAX_TERMS);
}

/** A strain name as the API takes it: 1 to 200 characters, no control characters, not blank (shown only as text). */
const STRAIN = /^(?=.*\S)[^\u0000-\u001f\u007f]{1,200}$/;
const text200 = (v: string | null) => (v ?? '').trim().replace(/\s+/g, ' ').slice(0, 200);

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
    lang: oneOf<Lang | ''>(LANGS, q.get('lang'), '') || null,
    embed: flag(q.get('embed'), d.embed),
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
    datasetId: DATASET_ID.test(q.get('id') ?? '') ? q.get('id') : null,
    datasets: {
      type: oneOf<DatasetType | ''>(DATASET_TYPES, q.get('type'), '') || null,
      modality: oneOf<Modality | ''>(MODALITIES, q.get('mod'), '') || null,
      redistribution: oneOf<RedistributionClass | ''>(REDISTRIBUTION_CLASSES, q.get('redist'), '') || null,
      commercial: either(q.get('commercial')),
      local: either(q.get('held')),
      q: (q.get('q') ?? '').trim().replace(/\s+/g, ' ').slice(0, 200),
    },
    imaging: {
      datasets: ids(q.get('imgset')),
      finding: matching(FINDING, q.get('finding')),
      modality: oneOf<Modality | ''>(MODALITIES, q.get('imgmod'), '') || null,
      view: matching(VIEW, q.get('view')),
    },
    split: {
      built: flag(q.get('split'), false),
      datasets: ids(q.get('splitset')),
      finding: matching(FINDING, q.get('splitfinding')),
      ratios: parseRatios(q.get('ratios') ?? '')?.join(',') ?? DEFAULT_RATIOS,
      seed: parseSeed(q.get('seed')) ?? 0,
    },
    cases: {
      sources: caseSources(q.get('lists')),
      location: KEY.test(q.get('place') ?? '') ? q.get('place') : null,
      sex: oneOf<Sex | ''>(SEXES, q.get('sex'), '') || null,
      outcome: oneOf<Outcome | ''>(OUTCOMES, q.get('outcome'), '') || null,
      asOf: date(q.get('listasof')),
    },
    literature: (() => {
      let lf = date(q.get('lfrom'));
      let lt = date(q.get('lto'));
      if (lf && lt && lf > lt) [lf, lt] = [lt, lf];
      return { q: text200(q.get('lq')), from: lf, to: lt, hasDoi: either(q.get('doi')), place: KEY.test(q.get('lplace') ?? '') ? q.get('lplace')! : d.literature.place };
    })(),
    sequences: {
      location: KEY.test(q.get('splace') ?? '') ? q.get('splace') : null,
      strain: STRAIN.test(q.get('strain') ?? '') ? q.get('strain') : null,
    },
    chatter: {
      terms: parseTerms(q.get('terms')),
      share: flag(q.get('share'), d.chatter.share),
      date: date(q.get('cdate')),
      kind: oneOf(NGRAM_KINDS, q.get('kind'), d.chatter.kind),
      noise: flag(q.get('noise'), d.chatter.noise),
    },
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
  put('id', s.datasetId, null);
  const tri = (b: boolean | null) => (b === null ? null : bit(b));
  put('type', s.datasets.type, null);
  put('mod', s.datasets.modality, null);
  put('redist', s.datasets.redistribution, null);
  put('commercial', tri(s.datasets.commercial), null);
  put('held', tri(s.datasets.local), null);
  put('q', s.datasets.q || null, null);
  put('imgset', s.imaging.datasets.join(',') || null, null);
  put('finding', s.imaging.finding || null, null);
  put('imgmod', s.imaging.modality, null);
  put('view', s.imaging.view || null, null);
  put('split', bit(s.split.built), bit(d.split.built));
  put('splitset', s.split.datasets.join(',') || null, null);
  put('splitfinding', s.split.finding || null, null);
  put('ratios', s.split.ratios, d.split.ratios);
  put('seed', s.split.seed ? String(s.split.seed) : null, null);
  put('lists', caseSources(s.cases.sources.join(',')).join(',') || null, null);
  put('place', s.cases.location, null);
  put('sex', s.cases.sex, null);
  put('outcome', s.cases.outcome, null);
  put('listasof', s.cases.asOf, null);
  put('lq', s.literature.q || null, null);
  put('lfrom', s.literature.from, null);
  put('lto', s.literature.to, null);
  put('doi', tri(s.literature.hasDoi), null);
  put('lplace', s.literature.place, d.literature.place);
  put('splace', s.sequences.location, null);
  put('strain', s.sequences.strain, null);
  put('terms', s.chatter.terms.join(','), d.chatter.terms.join(','));
  put('share', bit(s.chatter.share), bit(d.chatter.share));
  put('cdate', s.chatter.date, null);
  put('kind', s.chatter.kind, d.chatter.kind);
  put('noise', bit(s.chatter.noise), bit(d.chatter.noise));
  put('lang', s.lang, null);
  put('embed', bit(s.embed), bit(d.embed));
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

/**
 * The permalink's state: the view as shown, made explicit so the link shows the same later. The
 * language is pinned; "the latest day" becomes the day the map shows; the chart's whole period
 * becomes the first and last day it draws. Not pinned: `as_of` (the dashboard's `asof` draws an
 * extra dashed series, it does not replace the latest), so sources' later revisions of these
 * days do show: see docs/dashboard.md, "For storytellers".
 */
export function permalinkState(s: ViewState, shown: { lang: Lang; mapDate?: string | null; chartFrom?: string | null; chartTo?: string | null }): ViewState {
  const out: ViewState = { ...s, lang: shown.lang, embed: false };
  if (s.tab !== 'chart' && s.date === null && shown.mapDate) out.date = shown.mapDate;
  if (s.tab === 'chart') {
    if (s.from === null && shown.chartFrom) out.from = shown.chartFrom;
    if (s.to === null && shown.chartTo) out.to = shown.chartTo;
  }
  return out;
}
