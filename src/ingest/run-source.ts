import type { Connector } from '../domain/series.js';
import type { ValidationIssue } from '../domain/validation.js';
import type { Gazetteer } from '../gazetteer/gazetteer.js';
import { fillPopulations } from '../store/locations.js';
import { bumpDataVersion, lastFingerprint, updateRunFileCounts } from '../store/runs.js';
import { sha256 } from '../lib/hash.js';
import { recordedRun } from './recorded-run.js';
import type { IngestDeps, IngestOptions } from './context.js';
import { deriveTotals } from './derive.js';
import type { KeyedSeries } from './keyed-series.js';
import { classifyMissing, type MissingRuleOptions } from './missing-rules.js';
import { keySource } from './normalize.js';
import { provideFiles } from './provide-files.js';
import type { RunSummary } from './run-summary.js';
import { storeSeries } from './store-series.js';
import { dayNumber } from '../domain/dates.js';

export interface GazetteerHandle {
  gazetteer: Gazetteer;
  fingerprint: string;
}

/**
 * One source run: fetch → parse → key → read missing values → derive totals → store, the
 * storing in one transaction. Any error fails this run only, leaves the store as it was,
 * and is recorded with the run.
 */
export async function runSource(deps: IngestDeps, connector: Connector, gaz: GazetteerHandle, opts: IngestOptions = {}): Promise<RunSummary> {
  const { db, clock } = deps;
  const m = connector.manifest;
  return recordedRun(deps, m, async ({ started, summary, recordFiles }) => {
    deps.progress?.(m.id, 'fetch');
    const provided = await provideFiles(m, deps.origin, { issue: opts.issue, now: started });
    summary.issues.push(...provided.issues);
    if (provided.files.length === 0) throw new Error(`no file to read${opts.issue ? ` for issue ${opts.issue}` : ''}`);
    const runFileIds = await recordFiles(provided.files);
    const fingerprint = sha256(JSON.stringify([m.parserVersion, gaz.fingerprint, provided.files.map((f) => [f.fileId, f.sha256, f.issueDate])]));
    if (!opts.force && fingerprint === (await lastFingerprint(db, m.id))) {
      summary.status = 'unchanged';
      summary.issues.push({ code: 'unchanged_file', severity: 'info', message: 'every file is identical to the last successful run; nothing to store (use --force to re-read)' });
      return fingerprint;
    }

    deps.progress?.(m.id, 'parse');
    const file = (id: string) => provided.files.find((f) => f.fileId === id)!;
    const parsed = connector.parse(provided.files.map((f) => ({ fileId: f.fileId, name: f.location, text: f.body.toString('utf8') })));
    const keyed = keySource(parsed, gaz.gazetteer, (id) => file(id)?.location ?? id);
    summary.issues.push(...keyed.issues, ...populationMismatches(keyed.populations, gaz.gazetteer));
    summary.rowsRead = parsed.series.length;
    const rules = (metric: string) => {
      const stop = m.discontinued?.find((d) => d.metric === metric);
      return stop ? { discontinuedAfter: dayNumber(stop.after) } : {};
    };
    const series = readMissing(keyed.series, rules, summary.issues);
    const all = [...series, ...deriveTotals(series, gaz.gazetteer, rules)];

    deps.progress?.(m.id, 'store');
    await db.transaction(async (tx) => {
      const c = await storeSeries(tx, m.id, all, (id) => file(id).issueDate, (id) => runFileIds.get(id)!);
      const filled = await fillPopulations(tx, new Map([...keyed.populations].map(([k, p]) => [k, p.population])));
      if (filled.length) summary.issues.push({ code: 'population_mismatch', severity: 'info', message: `population taken from the source for ${filled.length} places the gazetteer had none for`, count: filled.length });
      for (const f of summary.files) {
        Object.assign(f, c.byFile.get(f.fileId) ?? {});
        await updateRunFileCounts(tx, runFileIds.get(f.fileId)!, { rowsRead: parsed.series.filter((s) => s.fileId === f.fileId).length, valuesNew: f.valuesNew, valuesChanged: f.valuesChanged });
      }
      if (c.valuesNew + c.valuesChanged + c.annotationsChanged > 0) await bumpDataVersion(tx, clock());
      summary.valuesRead = c.valuesRead;
      summary.valuesNew = c.valuesNew;
      summary.valuesChanged = c.valuesChanged;
    });
    summary.status = 'succeeded';
    return fingerprint;
  });
}

/** Applies the missing-value rules to each reported series and summarizes them per rule. */
function readMissing(series: Omit<KeyedSeries, 'spans'>[], rules: (metric: string) => MissingRuleOptions, issues: ValidationIssue[]): KeyedSeries[] {
  const perRule = new Map<string, { series: number; days: number }>();
  const out = series.map((s) => {
    const spans = classifyMissing(s.values, s.start, rules(s.metric));
    for (const sp of spans) {
      const r = perRule.get(sp.rule) ?? { series: 0, days: 0 };
      r.series++;
      r.days += Math.floor((dayNumber(sp.to) - dayNumber(sp.from)) / (sp.step ?? 1)) + 1;
      perRule.set(sp.rule, r);
    }
    return { ...s, spans };
  });
  for (const [rule, r] of perRule) {
    issues.push({ code: 'missing_rule', severity: 'info', message: `rule ${rule}: ${r.days} cells in ${r.series} spans read as missing`, count: r.days });
  }
  return out;
}

/** Populations a file gives that differ from the gazetteer's: reported, the gazetteer's kept. */
function populationMismatches(populations: Map<string, { population: number; file: string; line: number }>, gaz: Gazetteer): ValidationIssue[] {
  const differ = [...populations].filter(([key, p]) => {
    const known = gaz.get(key)?.population;
    return known !== null && known !== undefined && known !== p.population;
  });
  if (differ.length === 0) return [];
  const examples = differ.slice(0, 5).map(([key, p]) => `${key} ${p.population} (line ${p.line}) vs ${gaz.get(key)!.population}`);
  return [{ code: 'population_mismatch', severity: 'warning', message: `${differ.length} populations differ from the gazetteer's, which are kept: ${examples.join('; ')}`, file: differ[0][1].file, count: differ.length }];
}
