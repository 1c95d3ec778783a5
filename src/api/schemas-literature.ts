import { Type } from 'typebox';
import { NGRAM_KINDS } from '../domain/chatter.js';
import { IsoDate, Nullable } from '../query/schema-primitives.js';
import { BoolText, Format } from './schemas.js';

/** Schemas of /v1/literature and /v1/chatter. */

export const LiteratureSearchQuery = Type.Object(
  {
    q: Type.String({ minLength: 1, maxLength: 200, description: 'Words to find in title or abstract (web-search syntax: "a phrase", -word, or)', examples: ['coronavirus', 'bat coronavirus spike'] }),
    from: Type.Optional({ ...IsoDate, description: 'Published on or after' }),
    to: Type.Optional({ ...IsoDate, description: 'Published on or before' }),
    source: Type.Optional(Type.String({ maxLength: 50, description: 'A CORD-19 source (PMC, Elsevier, medrxiv, biorxiv, …)' })),
    server: Type.Optional(Type.String({ maxLength: 50, description: 'Only papers that are preprints of this server (medRxiv, bioRxiv, …), by DOI' })),
    has_doi: Type.Optional(BoolText('true: only papers with a DOI; false: only those without')),
    limit: Type.Integer({ minimum: 1, maximum: 200, default: 20 }),
    offset: Type.Integer({ minimum: 0, maximum: 10_000, default: 0 }),
    format: Format,
  },
  { additionalProperties: false },
);

export const PaperHitSchema = Type.Object({
  id: Type.String({ description: 'CORD-19 cord_uid' }),
  title: Nullable(Type.String()),
  doi: Nullable(Type.String()),
  published: Nullable(Type.String()),
  precision: Nullable(Type.String({ description: 'day, month or year' })),
  placeholder: Type.Boolean({ description: 'The date is a placeholder (year only, or 31 December)' }),
  journal: Nullable(Type.String()),
  sources: Type.Array(Type.String()),
  rank: Type.Number({ description: 'ts_rank_cd: title matches weigh more than abstract matches' }),
  highlight: Nullable(Type.String({ description: 'Best fragments of the abstract (or title); matches between ** and **; plain text, not HTML' })),
});
export const LiteratureSearchResponse = Type.Object({ meta: Type.Object({ total: Type.Integer(), limit: Type.Integer(), offset: Type.Integer(), q: Type.String() }), data: Type.Array(PaperHitSchema) });

export const PaperParams = Type.Object({ id: Type.String({ maxLength: 100, description: 'A CORD-19 cord_uid', examples: ['pzfd0e50'] }) });
export const PaperQuery = Type.Object(
  { format: Type.Unsafe<'json' | 'bibtex' | 'ris'>({ type: 'string', enum: ['json', 'bibtex', 'ris'], default: 'json' }) },
  { additionalProperties: false },
);
export const PaperResponse = Type.Object({
  data: Type.Record(Type.String(), Type.Unknown(), { description: 'The paper: ids (every source id kept), title, abstract, authors, journal, DOI, date with precision, licence, sources, provenance' }),
  source: Type.String(),
  preprints: Type.Array(Type.Record(Type.String(), Type.Unknown()), { description: 'Preprints sharing its DOI' }),
});

export const LiteratureCountsQuery = Type.Object(
  {
    interval: Type.Unsafe<'week' | 'month'>({ type: 'string', enum: ['week', 'month'], default: 'week' }),
    q: Type.Optional(Type.String({ maxLength: 200, description: 'Only papers matching this query' })),
  },
  { additionalProperties: false },
);
export const LiteratureCountsResponse = Type.Object({
  meta: Type.Object({ interval: Type.String(), q: Nullable(Type.String()), uncounted: Type.Integer({ description: 'Papers without a date precise enough for the interval (or with a placeholder date)' }) }),
  data: Type.Array(Type.Object({ period: Type.String({ description: 'First day of the week (Monday) or month' }), papers: Type.Integer() })),
});

const Kind = Type.Unsafe<(typeof NGRAM_KINDS)[number]>({ type: 'string', enum: [...NGRAM_KINDS] });
export const ChatterTopQuery = Type.Object(
  {
    date: Type.Optional({ ...IsoDate, description: 'A day held (default: the latest)', examples: ['2020-03-22'] }),
    kind: { ...Kind, default: 'terms' },
    n: Type.Integer({ minimum: 1, maximum: 1000, default: 50 }),
    filter: Type.Unsafe<'none' | 'noise'>({ type: 'string', enum: ['none', 'noise'], default: 'none', description: 'noise: leave out stop words, artefacts (nan) and HTML residue (href rel nofollow)' }),
  },
  { additionalProperties: false },
);
export const ChatterTopResponse = Type.Object({
  meta: Type.Object({ date: Type.String(), kind: Type.String(), removed: Type.Integer({ description: 'N-grams the noise filter left out' }) }),
  data: Type.Array(Type.Object({ rank: Type.Integer(), token: Type.String(), count: Type.Integer() })),
});
export const ChatterTermQuery = Type.Object(
  { term: Type.String({ minLength: 1, maxLength: 200, examples: ['coronavirus', 'stay home'] }), kind: Type.Optional(Kind) },
  { additionalProperties: false },
);
export const ChatterTermResponse = Type.Object({
  meta: Type.Object({ term: Type.String(), kind: Type.String() }),
  data: Type.Array(Type.Object({
    date: Type.String(),
    count: Nullable(Type.Integer({ description: 'null: not in that day’s top list (its count is below the last listed, not 0)' })),
    rank: Nullable(Type.Integer()),
    share: Nullable(Type.Number({ description: 'Its count over the sum of the day’s listed counts of this kind' })),
  })),
});
