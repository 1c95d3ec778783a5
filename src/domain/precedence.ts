import type { LocationLevel } from './location.js';

/**
 * Which source supplies a value by default (`source=best`) when several publish the same
 * location and metric (docs/data-model.md, "Precedence"). For each date the value comes from
 * the first source in the list that has one; each value says which source supplied it.
 * Within a source, a total it reported beats one Glacier derived from its finer rows.
 * Rules are tried in order; the first whose scope, levels and metrics match applies.
 */
export interface PrecedenceRule {
  /** Country key the rule is limited to (its subdivisions and counties), if any. */
  scope?: string;
  levels?: readonly LocationLevel[];
  metrics?: readonly string[];
  sources: readonly string[];
  why: string;
}

const JHU_FIRST = ['jhu-global', 'jhu-us', 'jhu-daily', 'jhu-daily-us', 'jhu-legacy', 'jhu-errata'];

export const PRECEDENCE: readonly PrecedenceRule[] = [
  {
    metrics: ['tests', 'vaccine_doses', 'people_vaccinated', 'people_fully_vaccinated', 'hospitalized_current', 'icu_current'],
    sources: ['owid', 'jhu-daily-us', 'jhu-daily'],
    why: 'OWID curates testing, vaccination and hospital data per country from official sources; JHU only has US testing.',
  },
  {
    scope: 'US',
    levels: ['subdivision', 'county'],
    sources: ['jhu-us', 'nyt', 'jhu-daily-us', 'jhu-daily', 'cdc', 'jhu-legacy', 'jhu-errata'],
    why: 'JHU county files are the reference US series; NYT counts the same events independently; CDC reports states as states submit them (its NY excludes New York City).',
  },
  {
    scope: 'CN',
    levels: ['subdivision', 'county'],
    sources: ['jhu-global', 'jhu-daily', 'dxy', 'china-nhc', 'jhu-legacy', 'wellsrc'],
    why: 'JHU compiled Chinese provinces from NHC and DXY; DXY and the NHC table fill the first days.',
  },
  {
    metrics: ['new_confirmed', 'new_deaths', 'new_confirmed_avg7', 'new_deaths_avg7'],
    sources: ['who', 'ecdc', 'owid', 'nyt', 'cdc', 'wellsrc'],
    why: 'Daily counts as published: WHO and ECDC publish them per country; NYT and CDC for the US.',
  },
  {
    levels: ['country'],
    sources: [...JHU_FIRST, 'who', 'owid', 'datahub', 'ecdc', 'who-sitrep', 'nyt', 'cdc', 'dxy', 'china-nhc', 'wellsrc'],
    why: 'JHU is the reference global series to 2023-03-09; WHO continues after it; OWID, DataHub and ECDC republish or compile the same counts.',
  },
  {
    sources: [...JHU_FIRST, 'who', 'owid', 'nyt', 'cdc', 'datahub', 'ecdc', 'dxy', 'china-nhc', 'who-sitrep', 'wellsrc'],
    why: 'Everything else: JHU first, then the other compilations.',
  },
];

/** The rule for a location and metric. */
export function precedenceRule(location: string, level: LocationLevel, metric: string): PrecedenceRule {
  const country = location.split('_')[0];
  return PRECEDENCE.find((r) => (!r.scope || r.scope === country) && (!r.levels || r.levels.includes(level)) && (!r.metrics || r.metrics.includes(metric)))!;
}

/** Position of a series in the default order: by the rule's source list (unlisted sources last, by id), reported before derived. */
export function rankSeries(rule: PrecedenceRule, series: readonly { source: string; derived: boolean }[]): number[] {
  const pos = (s: string) => {
    const i = rule.sources.indexOf(s);
    return i < 0 ? rule.sources.length : i;
  };
  const order = series
    .map((s, i) => ({ i, s }))
    .sort((a, b) => pos(a.s.source) - pos(b.s.source) || a.s.source.localeCompare(b.s.source) || Number(a.s.derived) - Number(b.s.derived));
  const rank = new Array<number>(series.length);
  order.forEach((o, r) => (rank[o.i] = r));
  return rank;
}
