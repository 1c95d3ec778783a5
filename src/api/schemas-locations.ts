import { Type, type Static } from 'typebox';
import { IsoDate, Level, Nullable } from '../query/schema-primitives.js';

/** Schemas of GET /v1/locations and /v1/locations/{key}. */

const NameZh = Nullable(Type.String({ description: 'Name in Simplified Chinese (CLDR for countries and territories, DXY/NHC for China’s provinces and cities); null where no source gives one' }));
export const LocationSummary = Type.Object({ key: Type.String(), name: Type.String(), name_zh: NameZh, level: Level });
export const LocationSchema = Type.Object({
  key: Type.String(),
  level: Level,
  parent: Nullable(Type.String()),
  name: Type.String(),
  name_zh: NameZh,
  aliases: Type.Array(Type.String()),
  iso_alpha2: Nullable(Type.String()),
  iso_alpha3: Nullable(Type.String()),
  iso_numeric: Nullable(Type.String()),
  fips: Nullable(Type.String()),
  jhu_uid: Nullable(Type.Number()),
  lat: Nullable(Type.Number()),
  lon: Nullable(Type.Number()),
  population: Nullable(Type.Number()),
  note: Nullable(Type.String()),
});

export const LocationsQuery = Type.Object({
  q: Type.Optional(Type.String({ maxLength: 100, description: 'Name (English or Chinese), alias or code; case and accents do not matter', examples: ['cote d’ivoire', 'US_CA', 'Hubei', '湖北'] })),
  level: Type.Optional(Level),
  parent: Type.Optional(Type.String()),
  limit: Type.Integer({ minimum: 1, maximum: 1000, default: 50 }),
  offset: Type.Integer({ minimum: 0, default: 0 }),
}, { additionalProperties: false });
export type LocationsQuery = Static<typeof LocationsQuery>;

export const LocationsResponse = Type.Object({
  meta: Type.Object({ total: Type.Integer(), limit: Type.Integer(), offset: Type.Integer() }),
  data: Type.Array(LocationSchema),
});

export const LocationDetail = Type.Object({
  data: Type.Intersect([
    LocationSchema,
    Type.Object({
      parent_location: Nullable(LocationSummary),
      children: Type.Array(LocationSummary),
      series: Type.Array(
        Type.Object({ metric: Type.String(), source: Type.String(), derived: Type.Boolean(), best: Type.Boolean(), first_date: Nullable(IsoDate), last_date: Nullable(IsoDate) }),
      ),
    }),
  ]),
});
