/**
 * The course's figures (docs/course/figures/<lesson>-<name>.svg), drawn from the API, never by
 * hand. Each figure asks a running Glacier server (GLACIER_URL, default http://127.0.0.1:8080)
 * for its numbers and writes a plain SVG line chart with its title and source line.
 *
 *   npx tsx scripts/course-figures.ts [--out docs/course/figures] [--only 01-daily-vs-weekly]
 *
 * test/e2e/course.e2e.test.ts runs it against the course database and fails when a committed
 * figure differs from what it draws (GLACIER_COURSE_UPDATE=1 rewrites them). Everything in the
 * SVG is a pure function of the API's answers: numbers are rounded, no dates of drawing.
 * Lessons 4–6 add their figures to FIGURES below.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const BASE = process.env.GLACIER_URL ?? 'http://127.0.0.1:8080';

// ---------------------------------------------------------------- API

async function api<T>(pathAndQuery: string, body?: unknown): Promise<T> {
  const r = await fetch(`${BASE}${pathAndQuery}`, body === undefined ? undefined : { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  if (!r.ok) throw new Error(`${body === undefined ? 'GET' : 'POST'} ${pathAndQuery}: ${r.status} ${await r.text()}`);
  return (await r.json()) as T;
}

interface SeriesAnswer {
  series: { location: string; metric: string; start: string; values: (number | null)[] }[];
}

/** One stored series as dates and values (null where missing). */
async function series(query: string): Promise<{ dates: string[]; values: (number | null)[] }> {
  const { series: [s] } = await api<SeriesAnswer>(`/v1/series?${query}`);
  return { dates: s.values.map((_, i) => addDays(s.start, i)), values: s.values };
}

function addDays(iso: string, n: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

function dayIndex(iso: string): number {
  return Date.parse(`${iso}T00:00:00Z`) / 86_400_000;
}

// ---------------------------------------------------------------- chart

export interface Line {
  name: string;
  dates: string[];
  values: (number | null)[];
  color: string;
  /** Dots instead of a line (observed counts against a model's curve); hollow: rings. */
  dots?: boolean | 'hollow';
  dashed?: boolean;
}

export interface Chart {
  title: string;
  subtitle: string;
  /** Where the numbers come from: the API requests and the data sources. */
  source: string;
  yLabel: string;
  lines: Line[];
  /** Upper end of the y axis (values above it are not drawn: say so in the subtitle). */
  yMax?: number;
  /** Label the x axis by day number from the first date (model time) instead of by date. */
  dayAxis?: boolean;
  /** Vertical markers (an intervention, a change date). */
  markers?: { date: string; label: string }[];
}

const W = 720;
const H = 400;
const M = { left: 70, right: 20, top: 64, bottom: 78 };
const COLORS = { blue: '#1f77b4', orange: '#d95f02', green: '#1b9e77', grey: '#7f7f7f', red: '#c0392b', purple: '#7570b3' };

/** A "nice" tick step (1, 2 or 5 × 10^k) giving about `count` ticks over `span`. */
function niceStep(span: number, count: number): number {
  const raw = span / count;
  const p = 10 ** Math.floor(Math.log10(raw));
  return [1, 2, 5, 10].map((m) => m * p).find((s) => s >= raw)!;
}

function fmt(n: number): string {
  const r = Math.round(n * 1000) / 1000;
  return Math.abs(r) >= 1000 ? r.toLocaleString('en-US') : String(r);
}

function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

const r1 = (n: number) => (Math.round(n * 10) / 10).toFixed(1);

/** The chart as SVG text: axes with nice ticks, the lines (gaps where null), a legend, the source line. */
export function lineChartSvg(c: Chart): string {
  const all = c.lines.flatMap((l) => l.values.filter((v): v is number => v !== null && Number.isFinite(v)));
  const days = c.lines.flatMap((l) => l.dates.map(dayIndex));
  const x0 = Math.min(...days);
  const x1 = Math.max(...days);
  let yMin = Math.min(0, ...all);
  let yMax = c.yMax ?? Math.max(...all);
  const step = niceStep(yMax - yMin || 1, 5);
  yMin = Math.floor(yMin / step) * step;
  yMax = Math.ceil(yMax / step) * step;
  const pw = W - M.left - M.right;
  const ph = H - M.top - M.bottom;
  const sx = (d: number) => M.left + ((d - x0) / (x1 - x0 || 1)) * pw;
  const sy = (v: number) => M.top + ph - ((v - yMin) / (yMax - yMin || 1)) * ph;
  const out: string[] = [];
  out.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="Helvetica, Arial, 'Noto Sans CJK SC', sans-serif" font-size="12">`);
  out.push(`<rect width="${W}" height="${H}" fill="#ffffff"/>`);
  out.push(`<text x="${M.left}" y="24" font-size="16" font-weight="bold">${esc(c.title)}</text>`);
  out.push(`<text x="${M.left}" y="44" fill="#444">${esc(c.subtitle)}</text>`);
  // y axis: grid lines and labels
  for (let v = yMin; v <= yMax + step / 2; v += step) {
    const y = r1(sy(v));
    out.push(`<line x1="${M.left}" y1="${y}" x2="${W - M.right}" y2="${y}" stroke="${v === 0 ? '#999' : '#e5e5e5'}"/>`);
    out.push(`<text x="${M.left - 6}" y="${y}" text-anchor="end" dominant-baseline="middle" fill="#444">${fmt(v)}</text>`);
  }
  out.push(`<text transform="translate(16 ${r1(M.top + ph / 2)}) rotate(-90)" text-anchor="middle" fill="#444">${esc(c.yLabel)}</text>`);
  // x axis: the first of each month (or every 7th day for spans under two months)
  const span = x1 - x0;
  for (let d = x0; d <= x1; d++) {
    const iso = new Date(d * 86_400_000).toISOString().slice(0, 10);
    const tick = c.dayAxis ? (d - x0) % 20 === 0 : span > 62 ? iso.endsWith('-01') : (d - x0) % 7 === 0;
    if (!tick) continue;
    const x = r1(sx(d));
    const label = c.dayAxis ? `day ${d - x0}` : span > 62 ? iso.slice(0, 7) : iso.slice(5);
    out.push(`<line x1="${x}" y1="${M.top + ph}" x2="${x}" y2="${M.top + ph + 5}" stroke="#999"/>`);
    out.push(`<text x="${x}" y="${M.top + ph + 18}" text-anchor="middle" fill="#444">${label}</text>`);
  }
  out.push(`<line x1="${M.left}" y1="${M.top + ph}" x2="${W - M.right}" y2="${M.top + ph}" stroke="#999"/>`);
  for (const m of c.markers ?? []) {
    const x = r1(sx(dayIndex(m.date)));
    out.push(`<line x1="${x}" y1="${M.top}" x2="${x}" y2="${M.top + ph}" stroke="#555" stroke-dasharray="2 3"/>`);
    out.push(`<text x="${Number(x) + 4}" y="${M.top + 12}" fill="#555">${esc(m.label)}</text>`);
  }
  for (const l of c.lines) {
    const shown = (v: number | null): v is number => v !== null && Number.isFinite(v) && v <= yMax;
    const pts = l.dates.map((d, i) => (shown(l.values[i]) ? [sx(dayIndex(d)), sy(l.values[i]!)] as const : null));
    if (l.dots) {
      for (const p of pts) {
        if (p) out.push(l.dots === 'hollow' ? `<circle cx="${r1(p[0])}" cy="${r1(p[1])}" r="4" fill="none" stroke="${l.color}" stroke-width="1.5"/>` : `<circle cx="${r1(p[0])}" cy="${r1(p[1])}" r="2.5" fill="${l.color}"/>`);
      }
      continue;
    }
    let d = '';
    let pen = false;
    for (const p of pts) {
      if (!p) {
        pen = false;
        continue;
      }
      d += `${pen ? 'L' : 'M'}${r1(p[0])} ${r1(p[1])}`;
      pen = true;
    }
    out.push(`<path d="${d}" fill="none" stroke="${l.color}" stroke-width="1.8"${l.dashed ? ' stroke-dasharray="6 4"' : ''}/>`);
  }
  // legend, one row under the axis labels
  let lx = M.left;
  const ly = H - 36;
  for (const l of c.lines) {
    out.push(l.dots === 'hollow' ? `<circle cx="${lx + 9}" cy="${ly - 4}" r="4" fill="none" stroke="${l.color}" stroke-width="1.5"/>` : l.dots ? `<circle cx="${lx + 9}" cy="${ly - 4}" r="3" fill="${l.color}"/>` : `<line x1="${lx}" y1="${ly - 4}" x2="${lx + 18}" y2="${ly - 4}" stroke="${l.color}" stroke-width="2"${l.dashed ? ' stroke-dasharray="6 4"' : ''}/>`);
    out.push(`<text x="${lx + 24}" y="${ly}">${esc(l.name)}</text>`);
    lx += 34 + l.name.length * 6.5;
  }
  out.push(`<text x="${M.left}" y="${H - 12}" font-size="10" fill="#666">${esc(c.source)}</text>`);
  out.push('</svg>');
  return out.join('\n') + '\n';
}

// ---------------------------------------------------------------- figures

export interface Figure {
  /** File name without .svg: <lesson>-<name>. */
  name: string;
  draw(): Promise<Chart>;
}

export const FIGURES: Figure[] = [
  {
    name: '01-daily-vs-weekly',
    async draw() {
      const q = 'location=DE&metric=confirmed&from=2020-09-01&to=2021-03-31&source=jhu-global';
      const daily = await series(`${q}&transform=daily`);
      const avg = await series(`${q}&transform=daily_7day_avg`);
      return {
        title: 'Germany: new confirmed cases per day',
        subtitle: 'The daily differences of the cumulative count, and their 7-day average',
        source: 'Source: JHU CSSE global time series (CC BY 4.0), via Glacier /v1/series?transform=daily and daily_7day_avg',
        yLabel: 'cases per day',
        lines: [
          { name: 'daily difference', ...daily, color: COLORS.grey },
          { name: '7-day average', ...avg, color: COLORS.blue },
        ],
      };
    },
  },
  {
    name: '01-hubei-sources',
    async draw() {
      interface Compare { start: string; sources: { source: string; values: (number | null)[] }[] }
      const c = await api<Compare>('/v1/compare?location=CN_HB&metric=confirmed&from=2020-01-22&to=2020-02-16');
      const dates = c.sources[0].values.map((_, i) => addDays(c.start, i));
      const colors: Record<string, string> = { 'jhu-global': COLORS.blue, dxy: COLORS.orange, 'china-nhc': COLORS.green };
      return {
        title: 'Hubei: confirmed cases (cumulative) in three sources',
        subtitle: 'The same counts on different dates; the jump of 13 February is the clinically diagnosed backlog',
        source: 'Sources: JHU CSSE (CC BY 4.0), DXY (BlankerL/DXY-COVID-19-Data, MIT), NHC table (Glacier-Ice, CC BY-SA 4.0); Glacier /v1/compare',
        yLabel: 'cases (cumulative)',
        lines: c.sources.filter((s) => s.source in colors).map((s) => ({ name: s.source, dates, values: s.values, color: colors[s.source], dots: s.source === 'china-nhc' ? ('hollow' as const) : undefined })),
      };
    },
  },
  {
    name: '02-intervention',
    async draw() {
      const run = async (body: object) => (await api<{ series: { infectious: number[]; exposed: number[] } }>('/v1/models/seir/simulate', body)).series;
      const base = { days: 200, start: '2020-01-01', population: 1e6, ifr: 0, initial: { infectious: 10 } };
      const free = await run({ ...base, beta: { value: 0.75 } });
      const cut = await run({ ...base, beta: { value: 0.75, changes: [{ day: 40, value: 0.25 }] } });
      const dates = free.infectious.map((_, i) => addDays(base.start, i));
      const k = (xs: number[]) => xs.map((v) => v / 1000);
      return {
        title: 'SEIR: infectious people, with and without a drop in transmission',
        subtitle: 'One million people, 10 infectious on day 0, R0 = 2.6 (β = 0.75); from day 40, β = 0.25 (R = 0.87)',
        source: 'Glacier POST /v1/models/seir/simulate (latent period 3.69 d, infectious period 3.47 d)',
        yLabel: 'infectious (thousands)',
        lines: [
          { name: 'no change', dates, values: k(free.infectious), color: COLORS.grey },
          { name: 'β falls on day 40', dates, values: k(cut.infectious), color: COLORS.orange },
        ],
        markers: [{ date: addDays(base.start, 40), label: 'day 40' }],
        dayAxis: true,
      };
    },
  },
  {
    name: '03-wuhan-fit',
    async draw() {
      interface Fit { fitted: { date: string[]; observed_cases: (number | null)[]; cases: number[] }; estimates: { segments: { from: string; r: { value: number } }[] } }
      const fit = await api<Fit>('/v1/models/seir/fit', {
        location: 'CN_HB_WUHAN', source: 'dxy', from: '2020-01-24', to: '2020-02-16', population: 11081000, change_dates: ['2020-01-30'], report_delay: 7, intervals: 'none',
      });
      const wells = await series('location=CN_HB_WUHAN&metric=new_confirmed&source=wellsrc&from=2020-01-24&to=2020-02-16');
      const [r0, r1] = fit.estimates.segments.map((s) => s.r.value.toFixed(2));
      return {
        title: 'Wuhan, January–February 2020: reported cases and the fitted SEIR model',
        subtitle: `SEIR fit to DXY's counts (delay 7 d): R ${r0}, then ${r1} from 30 Jan; Wells' 13,436 of 13 Feb off the scale`,
        source: 'Sources: DXY (BlankerL/DXY-COVID-19-Data, MIT), Wells et al. PNAS 2020 (GPL-3.0); Glacier /v1/models/seir/fit and /v1/series',
        yLabel: 'new cases per day',
        lines: [
          { name: 'DXY (daily difference)', dates: fit.fitted.date, values: fit.fitted.observed_cases, color: COLORS.blue, dots: 'hollow' },
          { name: 'Wells et al.', ...wells, color: COLORS.orange, dots: true },
          { name: 'SEIR fit (expected cases)', dates: fit.fitted.date, values: fit.fitted.cases, color: COLORS.green },
        ],
        markers: [{ date: '2020-01-30', label: 'change' }],
        yMax: 4000,
      };
    },
  },
];

// ---------------------------------------------------------------- lessons 4–6 (H7)

interface RtAnswer {
  data: { window_end: string; mean: number }[];
}

/** Lesson 4: Hubei's Rt (sliding weekly windows) with two serial intervals, and R = 1. */
async function rtHubei(): Promise<Chart> {
  const q = '/v1/models/rt?location=CN_HB&from=2020-01-31&to=2020-03-15';
  const short = await api<RtAnswer>(`${q}&mean_si=4.7&std_si=2.9`);
  const long = await api<RtAnswer>(`${q}&mean_si=7.5&std_si=3.4`);
  const dates = short.data.map((w) => w.window_end);
  return {
    title: 'Hubei: the reproduction number Rt from confirmed cases',
    subtitle: 'Posterior mean over the 7 days ending on each date, with two serial intervals (mean ± sd)',
    source: 'Source: JHU CSSE and China NHC counts via Glacier /v1/models/rt?location=CN_HB&mean_si=…&std_si=…',
    yLabel: 'Rt',
    lines: [
      { name: 'serial interval 4.7 ± 2.9 days', dates, values: short.data.map((w) => w.mean), color: COLORS.blue },
      { name: 'serial interval 7.5 ± 3.4 days', dates: long.data.map((w) => w.window_end), values: long.data.map((w) => w.mean), color: COLORS.orange },
      { name: 'R = 1', dates, values: dates.map(() => 1), color: COLORS.grey, dashed: true },
    ],
    markers: [{ date: '2020-02-13', label: '13 Feb: clinical diagnoses added' }],
  };
}

FIGURES.push({ name: '04-rt-hubei', draw: rtHubei });

interface MetapopAnswer {
  patches: { name: string; population: number; series: { date: string[]; infectious: number[] } }[];
}

/** Lesson 5: lesson 5's four linked cities (Wuhan and three at 1e-3, 1e-4, 1e-5 travel a day): infectious per 100,000. */
async function metapopArrival(): Promise<Chart> {
  const shares = [0.001, 0.0001, 0.00001];
  const names = ['1 in 1,000', '1 in 10,000', '1 in 100,000'];
  const { patches } = await api<MetapopAnswer>('/v1/models/seir/simulate', {
    days: 240,
    start: '2019-12-01',
    beta: { value: 0.7 },
    patches: [{ name: 'Wuhan', population: 11_000_000, initial: { infectious: 1 } }, ...names.map((name) => ({ name, population: 10_000_000, initial: { infectious: 0 } }))],
    mobility: [[0, ...shares], ...shares.map((m) => [m * 1.1, ...shares.map(() => 0)])],
  });
  const colors = [COLORS.red, COLORS.blue, COLORS.green, COLORS.purple];
  return {
    title: 'Four cities linked by travel: the same epidemic, later',
    subtitle: 'SEIR, R0 2.43; Wuhan seeded with one infectious person; the others linked to it by the share travelling per day',
    source: 'Source: Glacier POST /v1/models/seir/simulate with patches and mobility (lesson 5)',
    yLabel: 'infectious per 100,000',
    lines: patches.map((p, i) => ({
      name: i === 0 ? 'Wuhan' : `travel ${p.name} a day`,
      dates: p.series.date,
      values: p.series.infectious.map((v) => (v / p.population) * 100_000),
      color: colors[i],
    })),
  };
}

FIGURES.push({ name: '05-metapop-arrival', draw: metapopArrival });

/** Weekly counts (Sunday–Saturday, named by the Saturday) from a cumulative series read at Saturdays. */
function weeklyFromCumulative(s: { dates: string[]; values: (number | null)[] }): { dates: string[]; values: (number | null)[] } {
  const dates: string[] = [];
  const values: (number | null)[] = [];
  for (let i = 7; i < s.dates.length; i++) {
    if (new Date(`${s.dates[i]}T00:00:00Z`).getUTCDay() !== 6) continue;
    const [a, b] = [s.values[i - 7], s.values[i]];
    dates.push(s.dates[i]);
    values.push(a === null || b === null ? null : b - a);
  }
  return { dates, values };
}

interface ForecastAnswer {
  data: { model_id: string; horizon: number; target_end_date: string; output_type_id: number; value: number }[];
}

/** Lesson 6: Germany's weekly cases as known on 2020-12-31 and now, and the ensemble forecast from 2020-12-26. */
async function forecastGermany(): Promise<Chart> {
  const q = 'location=DE&metric=confirmed&from=2020-09-26&to=2021-02-27';
  const now = weeklyFromCumulative(await series(q));
  const then = weeklyFromCumulative(await series(`location=DE&metric=confirmed&from=2020-09-26&to=2020-12-26&as_of=2020-12-31`));
  const { data } = await api<ForecastAnswer>('/v1/models/forecast?location=DE&target=case&reference_date=2020-12-26&as_of=2020-12-31');
  const level = (l: number) => {
    const rows = data.filter((d) => d.model_id === 'glacier-ensemble' && d.output_type_id === l).sort((a, b) => a.horizon - b.horizon);
    return { dates: rows.map((d) => d.target_end_date), values: rows.map((d) => d.value) };
  };
  return {
    title: 'Germany: weekly cases, and a forecast from 26 December 2020',
    subtitle: 'Ensemble forecast (median, 2.5 % and 97.5 % quantiles) made from the data as published on 31 December 2020',
    source: 'Source: JHU CSSE via Glacier /v1/series (as_of=2020-12-31 and latest) and /v1/models/forecast (as_of=2020-12-31)',
    yLabel: 'cases per week',
    lines: [
      { name: 'as known now', ...now, color: COLORS.grey, dots: true },
      { name: 'as known on 31 Dec 2020', ...then, color: COLORS.blue },
      { name: 'forecast median', ...level(0.5), color: COLORS.orange },
      { name: '2.5 %', ...level(0.025), color: COLORS.orange, dashed: true },
      { name: '97.5 %', ...level(0.975), color: COLORS.orange, dashed: true },
    ],
    markers: [{ date: '2020-12-26', label: 'reference date' }],
  };
}

FIGURES.push({ name: '06-forecast-germany', draw: forecastGermany });

interface EvaluationAnswer {
  data: { horizon: number; target_end_date: string; observed: number; median: number; lower_50: number; upper_50: number }[];
}

/**
 * Lesson 6: the first wave's real backtest. Germany's weekly deaths and the baseline's forecasts one
 * week ahead, made from the data as known on each Saturday (JHU's daily reports) and from today's
 * assembled series (the pseudo-backtest), scored against the same truth.
 */
async function firstWaveGermany(): Promise<Chart> {
  const q = '/v1/models/evaluation?location=DE&target=death&model=baseline&from=2020-03-01&to=2020-04-30';
  const h1 = async (versioned: boolean) => (await api<EvaluationAnswer>(`${q}&versioned=${versioned}`)).data.filter((d) => d.horizon === 1).sort((a, b) => a.target_end_date.localeCompare(b.target_end_date));
  const [known, revised] = [await h1(true), await h1(false)];
  const line = (rows: typeof known, field: 'observed' | 'median' | 'lower_50' | 'upper_50') => ({ dates: rows.map((d) => d.target_end_date), values: rows.map((d) => d[field]) });
  return {
    title: 'Germany: weekly deaths, forecast one week ahead in spring 2020',
    subtitle: 'Baseline forecasts from each Saturday: median and 50 % interval (dashed); observed: the data as known now',
    source: 'Source: JHU CSSE daily reports and time series, WHO, via Glacier /v1/models/evaluation (versioned=true and false)',
    yLabel: 'deaths per week',
    lines: [
      { name: 'observed', ...line(known, 'observed'), color: COLORS.grey, dots: true },
      { name: 'as known', ...line(known, 'median'), color: COLORS.blue },
      { name: '25 %', ...line(known, 'lower_50'), color: COLORS.blue, dashed: true },
      { name: '75 %', ...line(known, 'upper_50'), color: COLORS.blue, dashed: true },
      { name: 'today\'s data', ...line(revised, 'median'), color: COLORS.orange },
      { name: '25 %', ...line(revised, 'lower_50'), color: COLORS.orange, dashed: true },
      { name: '75 %', ...line(revised, 'upper_50'), color: COLORS.orange, dashed: true },
    ],
  };
}

FIGURES.push({ name: '06-first-wave-germany', draw: firstWaveGermany });

// ---------------------------------------------------------------- main

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const arg = (name: string) => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const root = fileURLToPath(new URL('..', import.meta.url));
  const out = path.resolve(arg('--out') ?? path.join(root, 'docs/course/figures'));
  const only = arg('--only');
  await mkdir(out, { recursive: true });
  for (const f of FIGURES) {
    if (only && f.name !== only) continue;
    await writeFile(path.join(out, `${f.name}.svg`), lineChartSvg(await f.draw()));
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await main();
}
