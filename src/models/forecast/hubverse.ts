/**
 * Forecasts as hubverse model-output rows (https://docs.hubverse.io, "Model output"): one row per
 * quantile, with the task-id columns reference_date, target, horizon, location, target_end_date and
 * the output columns output_type ("quantile"), output_type_id (the level) and value. model_id (the
 * hubverse "team-model" form, here glacier-<model>) is the column hubverse tools add when they
 * read several models' files together.
 */
import { isoFromDay } from '../../domain/dates.js';
import type { ForecastTarget, QuantileForecast } from './quantiles.js';

export const HUBVERSE_COLUMNS = ['model_id', 'reference_date', 'target', 'horizon', 'location', 'target_end_date', 'output_type', 'output_type_id', 'value'] as const;

export interface HubverseRow {
  model_id: string;
  reference_date: string;
  target: string;
  horizon: number;
  location: string;
  target_end_date: string;
  output_type: 'quantile';
  output_type_id: number;
  value: number;
}

/** "wk inc case" / "wk inc death": weekly incident counts, as the Hub named them. */
export function hubverseTarget(target: ForecastTarget): string {
  return `wk inc ${target}`;
}

export function modelId(model: string): string {
  return `glacier-${model}`;
}

export interface HubverseInput {
  model: string;
  /** Day number of the reference date (the Saturday ending the last observed week). */
  referenceDate: number;
  target: ForecastTarget;
  location: string;
  forecasts: readonly QuantileForecast[];
}

/** Horizon h ends h weeks after the reference date. */
export function hubverseRows(input: HubverseInput): HubverseRow[] {
  const rows: HubverseRow[] = [];
  for (const f of input.forecasts) {
    f.levels.forEach((level, i) =>
      rows.push({
        model_id: modelId(input.model),
        reference_date: isoFromDay(input.referenceDate),
        target: hubverseTarget(input.target),
        horizon: f.horizon,
        location: input.location,
        target_end_date: isoFromDay(input.referenceDate + 7 * f.horizon),
        output_type: 'quantile',
        output_type_id: level,
        value: f.values[i],
      }),
    );
  }
  return rows;
}
