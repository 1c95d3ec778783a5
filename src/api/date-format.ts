import type { Ajv } from 'ajv';
import formats from 'ajv-formats';
import { isIsoDate } from '../domain/dates.js';

/**
 * The schemas' formats (ajv-formats, as Fastify would add them) with `date` redefined as the
 * domain's own rule (src/domain/dates.ts): a real calendar date written YYYY-MM-DD. ajv-formats
 * also accepts years 0000–0099, which PostgreSQL refuses ("date/time field value out of range")
 * and which the domain's parser reads as NaN; one definition keeps both sides in agreement.
 */
export const ajvPlugins = [formats as unknown as (ajv: Ajv) => Ajv, isoDateFormat];

function isoDateFormat(ajv: Ajv): Ajv {
  return ajv.addFormat('date', { type: 'string', validate: isIsoDate });
}
