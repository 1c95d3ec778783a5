import { forecastRows } from '../../query/forecast-rows.js';
import { forecastAt, modelsOf, type ForecastRequest } from '../../query/forecast.js';
import { csvLine } from '../../lib/csv-write.js';
import { isoDate } from '../../query/params.js';
import { HUBVERSE_COLUMNS } from '../../models/forecast/hubverse.js';
import { FORECAST_MODELS, type ForecastModel } from '../../models/forecast/models.js';
import { FORECAST_TARGETS, type ForecastTarget } from '../../models/forecast/quantiles.js';
import type { Db } from '../../store/db.js';
import { CliError, EXIT } from '../errors.js';

const usage = (message: string) => new CliError(message, EXIT.usage);

export function cliDate(name: string, text: string | undefined): string | null {
  return text === undefined ? null : isoDate(text, `--${name}`);
}

export function cliTarget(text: string): ForecastTarget {
  if (!(FORECAST_TARGETS as readonly string[]).includes(text)) throw usage(`--target must be case or death (got ${JSON.stringify(text)})`);
  return text as ForecastTarget;
}

export function cliModels(text: string | undefined): ForecastModel[] {
  const model = text ?? 'all';
  if (model !== 'all' && !(FORECAST_MODELS as readonly string[]).includes(model)) throw usage(`--model must be one of ${FORECAST_MODELS.join(', ')} or all (got ${JSON.stringify(model)})`);
  return modelsOf(model as ForecastModel | 'all');
}


/** `glacier forecast` options as commander gives them. */
export interface ForecastCommandOptions {
  location: string;
  target: string;
  referenceDate: string;
  model?: string;
  asOf?: string;
  source?: string;
}

export function forecastRequest(o: ForecastCommandOptions): ForecastRequest {
  return {
    location: o.location,
    target: cliTarget(o.target),
    referenceDate: cliDate('reference-date', o.referenceDate)!,
    asOf: cliDate('as-of', o.asOf),
    source: o.source ?? 'best',
    models: cliModels(o.model),
  };
}

/** The forecast as hubverse CSV (the API's columns); models that could not forecast are named on stderr. */
export async function printForecast(db: Db, request: ForecastRequest, write: (text: string) => void, warn: (text: string) => void): Promise<void> {
  const out = await forecastAt(db, request);
  const { rows, models } = forecastRows(out, request.location, request.target);
  for (const m of models) if (!m.ok) warn(`${m.model}: no forecast (${m.reason})\n`);
  write(csvLine(HUBVERSE_COLUMNS));
  for (const row of rows) write(csvLine(HUBVERSE_COLUMNS.map((c) => row[c])));
}
