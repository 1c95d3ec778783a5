import { Type } from 'typebox';
import { ANOMALY_CODE_LIST, type AnomalyCode } from '../domain/anomalies.js';
import { LOCATION_LEVELS, type LocationLevel } from '../domain/location.js';
import { MISSING_REASON_CODES, type MissingReason } from '../domain/missing.js';

/**
 * TypeBox building blocks shared by the use cases' request and result shapes (src/query) and the
 * HTTP schemas (src/api/schemas*.ts): written once, they validate, type and document.
 */
export const IsoDate = Type.String({ format: 'date', description: 'ISO date, YYYY-MM-DD', examples: ['2021-01-01'] });
export const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);
export const Level = Type.Unsafe<LocationLevel>({ type: 'string', enum: [...LOCATION_LEVELS], description: 'country, subdivision (state, province) or county' });
export const AnomalyCodeSchema = Type.Unsafe<AnomalyCode>({ type: 'string', enum: [...ANOMALY_CODE_LIST] });
export const MissingReasonSchema = Type.Unsafe<MissingReason | null>({
  type: ['string', 'null'],
  enum: [...MISSING_REASON_CODES, null],
  description: 'Why the value is missing (null when it is not): see /v1/metrics',
});
