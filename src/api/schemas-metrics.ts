import { Type } from 'typebox';

/** Schemas of GET /v1/metrics. */

export const MetricsResponse = Type.Object({
  data: Type.Array(Type.Object({ id: Type.String(), title: Type.String(), unit: Type.String(), kind: Type.String({ description: 'cumulative, daily, average or stock' }), description: Type.String(), of: Type.Optional(Type.String({ description: 'For daily and average metrics: the cumulative metric they count' })) })),
  missing_reasons: Type.Record(Type.String(), Type.String()),
  transforms: Type.Array(Type.String()),
});
