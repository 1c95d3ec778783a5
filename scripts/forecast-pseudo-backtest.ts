// Pseudo-backtest of the forecast models over many countries on JHU's final global series (not
// versioned: each forecast sees the final data cut at its reference date), for the figures in
// docs/models/forecast.md. Usage:
//   tsx scripts/forecast-pseudo-backtest.ts [confirmed|deaths] [from] [to] [log-linear parameters as JSON]
// e.g. `… confirmed 2020-07-04 2021-06-26 '{"damping":0.7}'` for one row of the docs' choice of φ
// (the first year, where φ was chosen; 2021-07-03 2022-06-25 is the held-out year).
// Reads ../shared/data (or GLACIER_SHARED_DATA).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { dayFromUsShortDate, dayNumber } from '../src/domain/dates.js';
import { backtest, type ScoredForecast } from '../src/models/forecast/backtest.js';
import { FORECAST_MODELS, type ForecastSettings } from '../src/models/forecast/models.js';

const COUNTRIES = ['Germany', 'Italy', 'Spain', 'Belgium', 'Austria', 'Switzerland', 'Poland', 'Czechia', 'Portugal', 'Sweden', 'Brazil', 'India', 'Mexico', 'South Africa', 'Japan', 'Korea, South', 'Argentina', 'Colombia', 'Peru', 'Turkey'];
const metric = process.argv[2] ?? 'confirmed';
const from = dayNumber(process.argv[3] ?? '2020-07-04');
const to = dayNumber(process.argv[4] ?? '2022-06-25');
const logLinear = process.argv[5] ? (JSON.parse(process.argv[5]) as ForecastSettings['logLinear']) : undefined;
const shared = process.env.GLACIER_SHARED_DATA ?? path.resolve(fileURLToPath(new URL('..', import.meta.url)), '../shared/data');
const lines = gunzipSync(readFileSync(path.join(shared, `jhu/time_series/time_series_covid19_${metric}_global.csv.gz`))).toString('utf8').trim().split('\n');
const start = dayFromUsShortDate(lines[0].split(',')[4]);
const dates: number[] = [];
for (let d = from; d <= to; d += 7) dates.push(d);

const scores: (ScoredForecast & { country: string })[] = [];
for (const country of COUNTRIES) {
  const row = lines.find((l) => l.startsWith(`,${country},`) || l.startsWith(`,"${country}",`));
  if (!row) throw new Error(`no row for ${country}`);
  const truth = { start, cumulative: Float64Array.from(row.split(/,(?=(?:[^"]*"[^"]*")*[^"]*$)/).slice(4).map(Number)) };
  const r = await backtest({ models: FORECAST_MODELS, referenceDates: dates, seriesAsOf: () => truth, truth, settings: { target: metric === 'confirmed' ? 'case' : 'death', logLinear } });
  scores.push(...r.scores.map((s) => ({ ...s, country })));
}

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const geoMean = (xs: number[]) => Math.exp(mean(xs.map(Math.log)));
process.stdout.write('model,horizon,n,coverage_50,coverage_95,relative_wis_geomean_over_countries\n');
for (const model of FORECAST_MODELS) {
  for (const horizon of [1, 2, 3, 4]) {
    const mine = scores.filter((s) => s.model === model && s.horizon === horizon);
    // Per country: mean WIS / the baseline's over the same reference dates; then the geometric mean.
    const ratios = COUNTRIES.flatMap((c) => {
      const a = mine.filter((s) => s.country === c);
      const dates = new Set(a.map((s) => s.referenceDate));
      const b = scores.filter((s) => s.model === 'baseline' && s.horizon === horizon && s.country === c && dates.has(s.referenceDate));
      return a.length ? [mean(a.map((s) => s.wis)) / mean(b.map((s) => s.wis))] : [];
    });
    const share = (k: 'coverage50' | 'coverage95') => (mine.filter((s) => s[k]).length / mine.length).toFixed(3);
    process.stdout.write(`${model},${horizon},${mine.length},${share('coverage50')},${share('coverage95')},${geoMean(ratios).toFixed(3)}\n`);
  }
}
