import { DATASETS } from '../../catalog/index.js';
import type { DatasetEntry } from '../../domain/dataset.js';
import type { Db } from '../../store/db.js';
import {
  anomaliesPage, casesPage, imagesPage, locationsPage, maxSeriesId, papersPage, rankedPage, researchSources,
  seriesPage, sequencesPage, sourceManifests,
} from '../../store/read-bulk.js';
import { readSeriesData, type SeriesData } from '../../store/read-served.js';
import type { SeriesRef } from '../../store/read-series.js';
import { rankedByPair, servedSeries, type SeriesPlan, type ServedSeries } from '../series.js';
import { encodeSeriesPages } from './series-page.js';
import type { BulkField, BulkPage, BulkRow, BulkTableShape } from './fields.js';

/** What a table's rows are read with: the store, the vintage, and a pause between pages. */
export interface TableContext {
  db: Db;
  asOf: string | null;
  /** Awaited between pages, so a server answers other requests during a build. */
  tick(): Promise<void>;
}

export interface BulkTable extends BulkTableShape {
  /** The sources whose licences the table's rows fall under. */
  sources(db: Db): Promise<string[]>;
  rows(ctx: TableContext): AsyncIterable<BulkPage>;
}

/**
 * Location-metric pairs (default table) or series (per-source table) per page: one query each.
 * On PGlite a query runs on the event loop (WASM), so a page's read is a stall for the server:
 * 200 pairs stalled it up to 1.2 s in bench part 6, hence 50 there. On PostgreSQL the query runs
 * in the server and 200 per page was faster (208 s against 316 s for everything, bench part 6).
 */
const seriesPageSize = (db: Db) => (db.kind === 'pglite' ? 50 : 200);
const ROWS_PAGE = 5_000;

const SERIES_FIELDS: readonly BulkField[] = [
  { name: 'location', type: 'string', required: true, description: 'Location key (see the locations table)' },
  { name: 'date', type: 'date', required: true, description: 'The day the value is for' },
  { name: 'metric', type: 'string', required: true, description: 'Metric id (/v1/metrics)' },
  { name: 'value', type: 'number', description: 'The value as published (cumulative metrics cumulative); null when missing' },
  { name: 'missing_reason', type: 'string', description: 'Why the value is missing (null when it is not)' },
  { name: 'source', type: 'string', description: 'The source that supplied the day (null: no source covers it)' },
  { name: 'derived', type: 'boolean', description: "True when Glacier summed the source's finer rows into this total" },
  { name: 'issue', type: 'date', description: 'The vintage (issue date) the value was first published in' },
  { name: 'flags', type: 'list', description: "Anomaly codes on the day (CSV: joined with ';')" },
];

/** One location and metric per plan pair; refs in rank order (default) or one series each (per source). */
function plan(asOf: string | null, source: string, pairs: { location: string; metric: string }[], refs: SeriesRef[]): SeriesPlan {
  return {
    request: { locations: [], metrics: [], from: null, to: null, asOf, transform: 'cumulative', source, excludeAnomalies: false },
    ranked: rankedByPair(refs),
    populations: new Map(),
    pairs,
  };
}

const seriesDefault: BulkTable = {
  name: 'series',
  title: 'Default series (long format)',
  description:
    'Every location and metric in the default reading (source=best: each day from the first source in precedence order whose series covers it), ' +
    'one row per day: the rows /v1/series?format=csv answers, for everything.',
  fields: SERIES_FIELDS,
  primaryKey: ['location', 'metric', 'date'],
  sources: allSeriesSources,
  async *rows({ db, asOf, tick }) {
    const page = async (after: { location: string; metric: string } | null) => {
      const refs = await rankedPage(db, after, seriesPageSize(db));
      if (!refs.length) return null;
      const pairs = [...rankedByPair(refs).values()].map(([r]) => ({ location: r.location, metric: r.metric }));
      return { pairs, refs, data: await readSeriesData(db, refs, asOf) };
    };
    for await (const p of prefetched(page, (p) => p.pairs[p.pairs.length - 1])) {
      for (const encoded of encodeSeriesPages(await servedPage(db, { ...plan(asOf, 'best', p.pairs, p.refs), data: p.data }))) {
        yield encoded;
        await tick();
      }
    }
  },
};

const seriesBySource: BulkTable = {
  name: 'series-by-source',
  title: 'Every source’s series (long format)',
  description: 'Each stored series of each source on its own, one row per day: the rows /v1/series?source=ID&format=csv answers.',
  fields: SERIES_FIELDS,
  primaryKey: ['source', 'location', 'metric', 'date'],
  sources: allSeriesSources,
  async *rows({ db, asOf, tick }) {
    const page = async (after: SeriesRef | null) => {
      const refs = await seriesPage(db, after ? { source: after.source, location: after.location, metric: after.metric } : null, seriesPageSize(db));
      if (!refs.length) return null;
      return { refs, data: await readSeriesData(db, refs, asOf) };
    };
    for await (const p of prefetched(page, (p) => p.refs[p.refs.length - 1])) {
      const bySource = new Map<string, SeriesRef[]>();
      for (const r of p.refs) bySource.set(r.source, [...(bySource.get(r.source) ?? []), r]);
      const served: ServedSeries[] = [];
      for (const [source, group] of bySource) {
        served.push(...(await servedPage(db, { ...plan(asOf, source, group.map((r) => ({ location: r.location, metric: r.metric })), group), data: p.data })));
      }
      for (const encoded of encodeSeriesPages(served)) {
        yield encoded;
        await tick();
      }
    }
  },
};

/** The served series of a plan whose data is read already, in plan order. */
async function servedPage(db: Db, p: SeriesPlan & { data: Map<number, SeriesData> }): Promise<ServedSeries[]> {
  const out: ServedSeries[] = [];
  for await (const s of servedSeries(db, p)) if (s.values.length) out.push(s);
  return out;
}

/**
 * Pages read one ahead: the next page's query runs (in the database) while this one is encoded
 * and written (here and in the Parquet worker). `read(null)` is the first page; null ends.
 */
async function* prefetched<P, K>(read: (after: K | null) => Promise<P | null>, lastKey: (page: P) => K): AsyncGenerator<P> {
  let next = read(null);
  for (;;) {
    const page = await next;
    if (!page) return;
    next = read(lastKey(page));
    // Awaited on the next turn; until then a failure must not count as unhandled.
    next.catch(() => {});
    yield page;
  }
}

const locations: BulkTable = {
  name: 'locations',
  title: 'Locations and their codes',
  description: 'The gazetteer: every location key with its level, parent, name and the codes other datasets use for it (the crosswalk).',
  fields: [
    { name: 'key', type: 'string', required: true, description: 'Glacier location key' },
    { name: 'level', type: 'string', required: true, description: 'country, subdivision or county' },
    { name: 'parent', type: 'string', description: 'Key of the enclosing location' },
    { name: 'name', type: 'string', required: true, description: 'English name' },
    { name: 'name_zh', type: 'string', description: 'Name in Simplified Chinese (CLDR for countries and territories, DXY/NHC for China’s provinces and cities)' },
    { name: 'iso_alpha2', type: 'string', description: 'ISO 3166-1 alpha-2 (countries) or ISO 3166-2 (subdivisions)' },
    { name: 'iso_alpha3', type: 'string', description: 'ISO 3166-1 alpha-3' },
    { name: 'iso_numeric', type: 'string', description: 'ISO 3166-1 numeric' },
    { name: 'fips', type: 'string', description: 'US FIPS code' },
    { name: 'jhu_uid', type: 'bigint', description: 'JHU CSSE UID' },
    { name: 'lat', type: 'number', description: 'Latitude (WGS 84)' },
    { name: 'lon', type: 'number', description: 'Longitude (WGS 84)' },
    { name: 'population', type: 'number', description: 'Population used for per-100k transforms' },
    { name: 'aliases', type: 'list', description: "Other names and codes sources use (CSV: joined with ';')" },
    { name: 'note', type: 'string', description: 'Why a special key exists or has no ISO code' },
  ],
  primaryKey: ['key'],
  sources: allSeriesSources,
  async *rows({ db, tick }) {
    let after: string | null = null;
    for (;;) {
      const rows = await locationsPage(db, after, ROWS_PAGE);
      if (!rows.length) return;
      yield rows as unknown as BulkRow[];
      after = rows[rows.length - 1].key;
      await tick();
    }
  },
};

const sources: BulkTable = {
  name: 'sources',
  title: 'Sources and their licences',
  description: 'Every source Glacier ingests, with its publisher, licence and redistribution terms.',
  fields: [
    { name: 'id', type: 'string', required: true, description: 'Source id' },
    { name: 'title', type: 'string', required: true, description: 'Title' },
    { name: 'publisher', type: 'string', description: 'Publisher' },
    { name: 'homepage', type: 'string', description: 'Homepage URL' },
    { name: 'license_name', type: 'string', description: 'Licence' },
    { name: 'license_url', type: 'string', description: 'Licence URL' },
    { name: 'license_spdx', type: 'string', description: 'SPDX identifier of the licence, where one exists' },
    { name: 'redistribution', type: 'string', description: 'What others may do with the data' },
  ],
  primaryKey: ['id'],
  sources: async (db) => (await sourceManifests(db)).map((s) => s.id),
  async *rows({ db }) {
    const rows = await sourceManifests(db);
    yield rows.map(({ id, manifest: m }) => {
      const license = (m.license ?? {}) as { name?: string; url?: string; spdx?: string };
      return { id, title: m.title ?? id, publisher: m.publisher ?? null, homepage: m.homepage ?? null, license_name: license.name ?? null, license_url: license.url ?? null, license_spdx: license.spdx ?? null, redistribution: m.redistribution ?? null };
    });
  },
};

const anomalies: BulkTable = {
  name: 'anomalies',
  title: 'Anomaly flags',
  description: 'The anomaly flags in the reading of every series (as /v1/anomalies lists them), one row per flag.',
  fields: [
    { name: 'location', type: 'string', required: true, description: 'Location key' },
    { name: 'metric', type: 'string', required: true, description: 'Metric id' },
    { name: 'source', type: 'string', required: true, description: 'Source id' },
    { name: 'derived', type: 'boolean', required: true, description: 'Series summed by Glacier from finer rows' },
    { name: 'date', type: 'date', required: true, description: 'The flagged day' },
    { name: 'code', type: 'string', required: true, description: 'Anomaly code (docs/anomalies.md)' },
    { name: 'detail', type: 'json', description: 'What the rule measured (JSON object)' },
  ],
  primaryKey: ['source', 'location', 'metric', 'date', 'code'],
  sources: allSeriesSources,
  async *rows({ db, asOf, tick }) {
    const last = await maxSeriesId(db);
    for (let after = 0; after < last; after += seriesPageSize(db) * 5) {
      const page = await anomaliesPage(db, after, seriesPageSize(db) * 5, asOf);
      const rows: BulkRow[] = [];
      for (const s of page) {
        for (const f of s.flags) rows.push({ location: s.location, metric: s.metric, source: s.source, derived: s.derived, date: f.date, code: f.code, detail: f.detail ?? null });
      }
      if (rows.length) yield rows;
      await tick();
    }
  },
};

/** A research table, paged on its key: `read` gets the last row of the previous page (null first). */
function researchTable(
  shape: BulkTableShape & {
    table: string;
    read: (db: Db, sources: string[], after: BulkRow | null, asOf: string | null) => Promise<BulkRow[]>;
    /** Rows of a page that are not exported (the page's last row still moves the cursor on). */
    keep?: (row: BulkRow) => boolean;
  },
): BulkTable {
  return {
    ...shape,
    sources: async (db) => exportableSources(db, shape.table),
    async *rows({ db, asOf, tick }) {
      const allowed = await exportableSources(db, shape.table);
      if (!allowed.length) return;
      let after: BulkRow | null = null;
      for (;;) {
        const rows = await shape.read(db, allowed, after, asOf);
        if (!rows.length) return;
        const kept = shape.keep ? rows.filter(shape.keep) : rows;
        if (kept.length) yield kept;
        after = rows[rows.length - 1];
        await tick();
      }
    },
  };
}

const key = (r: BulkRow | null, source: string, id: string) => (r ? { source: String(r[source]), id: String(r[id]) } : null);

const cases = researchTable({
  name: 'cases',
  table: 'cases',
  title: 'Case records (line lists)',
  description: 'The newest version of each case record of the public line lists (withdrawn records left out); the record as JSON (docs/cases.md).',
  fields: [
    { name: 'source', type: 'string', required: true, description: 'Line list source id' },
    { name: 'case_id', type: 'string', required: true, description: 'The case id in the source' },
    { name: 'issue', type: 'date', required: true, description: 'The vintage of this version of the record' },
    { name: 'location_key', type: 'string', description: 'Location key, where the case could be placed' },
    { name: 'record', type: 'json', required: true, description: 'The normalised record (JSON object: sex, age, events, outcome, …)' },
  ],
  primaryKey: ['source', 'case_id'],
  read: (db, allowed, after, asOf) => casesPage(db, allowed, key(after, 'source', 'case_id'), ROWS_PAGE, asOf),
  keep: (r) => r.issue !== null && r.withdrawn !== true,
});

const papers = researchTable({
  name: 'papers',
  table: 'papers',
  title: 'Papers (metadata)',
  description: 'Bibliographic metadata of the COVID-19 literature (CORD-19): titles, DOIs, dates, journals. No abstracts or full text.',
  fields: [
    { name: 'source', type: 'string', required: true, description: 'Literature source id' },
    { name: 'id', type: 'string', required: true, description: 'The CORD-19 cord_uid' },
    { name: 'title', type: 'string', description: 'Title' },
    { name: 'doi', type: 'string', description: 'Normalised DOI' },
    { name: 'published', type: 'date', description: 'Publication date (to its precision)' },
    { name: 'precision', type: 'string', description: 'day, month or year' },
    { name: 'journal', type: 'string', description: 'Journal' },
    { name: 'sources', type: 'list', description: "Where CORD-19 found the paper (CSV: joined with ';')" },
  ],
  primaryKey: ['source', 'id'],
  read: (db, allowed, after) => papersPage(db, allowed, key(after, 'source', 'id'), ROWS_PAGE),
});

const sequences = researchTable({
  name: 'sequences',
  table: 'sequences',
  title: 'Sequences (metadata)',
  description: 'SARS-CoV-2 genome metadata and Glacier’s analysis (clade, QC), never the genomes: only from sources whose terms allow it.',
  fields: [
    { name: 'source', type: 'string', required: true, description: 'Sequence source id' },
    { name: 'strain', type: 'string', required: true, description: 'Strain name' },
    { name: 'location_key', type: 'string', description: 'Location key, where the place was matched' },
    { name: 'date', type: 'date', description: 'Collection date (truncated to its precision)' },
    { name: 'date_precision', type: 'string', required: true, description: 'Precision of the collection date' },
    { name: 'host', type: 'string', description: 'Host (Latin binomial)' },
    { name: 'clade', type: 'string', description: 'Nextstrain clade assigned by Glacier' },
    { name: 'qc_status', type: 'string', description: 'Overall QC status' },
    { name: 'qc_score', type: 'number', description: 'Overall QC score' },
  ],
  primaryKey: ['source', 'strain'],
  read: (db, allowed, after) => sequencesPage(db, allowed, key(after, 'source', 'strain'), ROWS_PAGE),
});

const images = researchTable({
  name: 'images',
  table: 'images',
  title: 'Medical images (index)',
  description: 'The imaging index: one row per listed image with its finding, modality and licence. Metadata only; the image files are not part of the bulk files.',
  fields: [
    { name: 'dataset', type: 'string', required: true, description: 'Imaging dataset id' },
    { name: 'image_id', type: 'string', required: true, description: 'Image id in the dataset' },
    { name: 'listing', type: 'integer', required: true, description: 'Which listing of the image (1 = first)' },
    { name: 'patient', type: 'string', description: 'Patient id in the dataset' },
    { name: 'finding', type: 'string', description: 'Finding (hierarchy path)' },
    { name: 'modality', type: 'string', required: true, description: 'x-ray, ct or ultrasound' },
    { name: 'view', type: 'string', description: 'View' },
    { name: 'sex', type: 'string', description: 'M or F' },
    { name: 'age', type: 'number', description: 'Age in years' },
    { name: 'study_date', type: 'date', description: 'Study date' },
    { name: 'license', type: 'string', description: 'The image’s own licence, where the dataset names one' },
    { name: 'commercial_use', type: 'boolean', description: 'Whether the licence allows commercial use' },
    { name: 'source_url', type: 'string', description: 'Where the image was published' },
    { name: 'doi', type: 'string', description: 'DOI of the publication' },
  ],
  primaryKey: ['dataset', 'image_id', 'listing'],
  read: (db, allowed, after) =>
    imagesPage(db, allowed, after ? { source: String(after.dataset), id: String(after.image_id), listing: Number(after.listing) } : null, ROWS_PAGE),
});

/** Every table of the bulk files, in the order they are listed. */
export const BULK_TABLES: readonly BulkTable[] = [seriesDefault, seriesBySource, locations, sources, anomalies, cases, papers, sequences, images];

async function allSeriesSources(db: Db): Promise<string[]> {
  return (await sourceManifests(db)).map((s) => s.id).filter((id) => !researchIds.has(id));
}

const researchIds = new Set(DATASETS.filter((d) => d.type !== 'cases').flatMap((d) => d.connectors));

/**
 * The sources of a research table whose rows may be passed on: the catalog entry holding the
 * source must exist and its terms must not forbid redistribution (GISAID-like
 * `registration-required` and `ids-only` never are). Tweets are never exported (no chatter table).
 */
export async function exportableSources(db: Db, table: string): Promise<string[]> {
  const held = (await researchSources(db)).filter((r) => r.table === table).map((r) => r.source);
  return held.filter((source) => mayExport(DATASETS.find((d) => d.connectors.includes(source))));
}

export function mayExport(entry: DatasetEntry | undefined): boolean {
  return entry !== undefined && entry.redistribution !== 'registration-required' && entry.redistribution !== 'ids-only';
}
