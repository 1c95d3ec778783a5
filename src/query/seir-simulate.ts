import { dayNumber } from '../domain/dates.js';
import { simulateMetapop } from '../models/seir/metapop.js';
import type { EpidemicParams, InitialState } from '../models/seir/params.js';
import { simulate } from '../models/seir/simulate.js';
import { QueryError } from './errors.js';
import type { SeirSimulateBody } from './seir-schemas.js';
import { diseaseParams, modelError, segmentsOut, seriesOut } from './seir-params.js';

type InitialBody = { exposed?: number; infectious?: number; removed?: number } | undefined;
const initialOf = (i: InitialBody): InitialState => ({ exposed: i?.exposed ?? 0, infectious: i?.infectious ?? 1, removed: i?.removed ?? 0 });
const transmission = (b: { value: number; changes?: { day: number; value: number }[] }) => ({ value: b.value, changes: b.changes ?? [] });

/** POST /v1/models/seir/simulate: one population, or a metapopulation when `patches` is given. */
export function runSimulation(b: SeirSimulateBody) {
  const startDay = b.start ? dayNumber(b.start) : null;
  const disease = diseaseParams(b);
  const beta = transmission(b.beta);
  try {
    if (b.patches) {
      if (b.population !== undefined) throw new QueryError('ERR_BAD_PARAMETER', 'population: give each patch its population (not both)', 'population');
      if (b.initial !== undefined) throw new QueryError('ERR_BAD_PARAMETER', 'initial: give each patch its initial state (not both)', 'initial');
      if (!b.mobility) throw new QueryError('ERR_BAD_PARAMETER', 'mobility: required with patches', 'mobility');
      const patches = b.patches.map((p) => ({ name: p.name, population: p.population, initial: initialOf(p.initial), beta: p.beta && transmission(p.beta) }));
      const out = simulateMetapop({ ...disease, beta, patches, mobility: b.mobility }, b.days);
      const total = patches.reduce((s, p) => s + p.population, 0);
      return {
        meta: { model: disease.structure, days: b.days, start: b.start ?? null, r0: beta.value / disease.gamma, segments: segmentsOut({ beta, gamma: disease.gamma }, startDay), population: total },
        series: null,
        patches: out.patches.map((p, i) => ({ name: p.name, population: patches[i].population, r0: (patches[i].beta ?? beta).value / disease.gamma, series: seriesOut(p.trajectory, startDay) })),
      };
    }
    if (b.mobility) throw new QueryError('ERR_BAD_PARAMETER', 'mobility: only with patches', 'mobility');
    if (b.population === undefined) throw new QueryError('ERR_BAD_PARAMETER', 'population: required (or give patches)', 'population');
    const p: EpidemicParams = { ...disease, population: b.population, beta, initial: initialOf(b.initial) };
    const t = simulate(p, b.days);
    return {
      meta: { model: p.structure, days: b.days, start: b.start ?? null, r0: beta.value / p.gamma, segments: segmentsOut(p, startDay), population: p.population },
      series: seriesOut(t, startDay),
      patches: null,
    };
  } catch (err) {
    throw modelError(err);
  }
}
