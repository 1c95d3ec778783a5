import { dayNumber } from '../domain/dates.js';
import { ANOMALY_CODE_LIST } from '../domain/anomalies.js';
import type { Connector } from '../domain/series.js';
import type { ValidationIssue } from '../domain/validation.js';
import type { Gazetteer } from '../gazetteer/gazetteer.js';
import { sha256 } from '../lib/hash.js';
import { fillPopulations } from '../store/locations.js';
import { bumpDataVersion, updateRunFileCounts } from '../store/runs.js';
import type { IngestDeps, IngestOptions } from './context.js';
import { deriveTotals } from './derive.js';
import type { KeyedSeries } from './keyed-series.js';
import { keySource, type KeyedSource } from './normalize.js';
import { provideFiles } from './provide-files.js';
import { recordedRun } from './recorded-run.js';
import type { RunSummary } from './run-summary.js';
import { IssueOrderError, RunStore, type StoreCounts } from './store-series.js';

/**
 * Version of the shared rules a run applies after parsing (derived totals, missing-value rules,
 * anomaly flags). Bump it when one changes, so that unchanged files are read again under the
 * new rules instead of being skipped as unchanged.
 */
export const RULES_VERSION = 3;

export interface GazetteerHandle {
  gazetteer: Gazetteer;
  fingerprint: string;
}

/**
 * One source run: fetch every vintage → then, oldest vintage first, parse and key its files,
 * compare what they report and the totals derived from them with the stored versions, and read
 * every touched series (missing-value spans, anomaly flags) → then write it all in one short
 * transaction. Parsing and comparing happen outside the transaction, so that on PGlite (one
 * connection) readers keep being served while a source is read; they see the run's data all at
 * once, at the commit that also bumps the data version. Any error fails this run only, leaves
 * the store as it was, and is recorded with the run.
 */
export async function runSource(deps: IngestDeps, connector: Connector, gaz: GazetteerHandle, opts: IngestOptions = {}): Promise<RunSummary> {
  const { db, clock } = deps;
  const m = connector.manifest;
  return recordedRun(deps, m, async ({ started, summary, recordFiles, unchanged }) => {
    deps.progress?.(m.id, 'fetch');
    const provided = await provideFiles(m, deps.origin, { issue: opts.issue, now: started, vintages: opts.vintages });
    summary.issues.push(...provided.issues);
    if (provided.files.length === 0) throw new Error(`no file to read${opts.issue ? ` for issue ${opts.issue}` : ''}`);
    const runFileIds = await recordFiles(provided.files);
    const fingerprint = sha256(JSON.stringify([m.parserVersion, RULES_VERSION, gaz.fingerprint, provided.files.map((f) => [f.fileId, f.sha256, f.issueDate])]));
    if (await unchanged(fingerprint, opts.force)) return fingerprint;

    const rules = (metric: string) => {
      const stop = m.discontinued?.find((d) => d.metric === metric);
      return stop ? { discontinuedAfter: dayNumber(stop.after) } : {};
    };
    // Parsed and keyed one vintage at a time, so that a run of many vintages never holds them
    // all; each series is tagged with its file (by index) for provenance.
    const perFile: { rows: number; populations: KeyedSource['populations'] }[] = [];
    const parseFile = async (i: number): Promise<KeyedSeries[]> => {
      const f = provided.files[i];
      const parsed = await connector.parse([{ fileId: f.fileId, name: f.location, text: f.body.toString('utf8'), bytes: f.body }]);
      const keyed = keySource(parsed, gaz.gazetteer, { name: f.location, issue: f.issueDate }, m.duplicatePlaces);
      summary.issues.push(...keyed.issues, ...populationMismatches(keyed.populations, gaz.gazetteer));
      summary.rowsRead += parsed.series.length;
      perFile[i] = { rows: parsed.series.length, populations: keyed.populations };
      // keySource's series are this run's own: tagged in place (a copy of each was promoted garbage in many-vintage runs).
      const fileId = String(i);
      for (const s of keyed.series) s.fileId = fileId;
      return keyed.series;
    };

    deps.progress?.(m.id, 'parse');
    // Vintage by vintage: what the files report (in file order, a later file of one vintage
    // revising an earlier one), then the totals derived from all of the vintage's files.
    const readAll = async (pruneAnnotations: boolean): Promise<{ store: RunStore; c: StoreCounts }> => {
      const store = new RunStore(db, m.id, rules, (ref) => runFileIds[Number(ref)], { readings: !m.sparse, completeVintages: m.completeVintages, pruneAnnotations });
      try {
        for (const files of byIssue(provided.files)) {
          const series: KeyedSeries[] = [];
          for (const i of files) series.push(...(await parseFile(i)));
          const groups = issuesOf(series);
          series.length = 0;
          for (const [issue, ofIssue] of groups) {
            // Derived before the reported series are applied, which drops them as it goes.
            const totals = m.sparse ? [] : deriveTotals(ofIssue, gaz.gazetteer);
            await store.apply(issue, ofIssue);
            await store.apply(issue, totals);
          }
          await store.endIssue();
        }
        return { store, c: await store.finish() };
      } catch (err) {
        // A big first load may have opened its transaction already: nothing of it is kept.
        await store.abort(err);
        throw err;
      }
    };
    const reported = { issues: summary.issues.length, rowsRead: summary.rowsRead };
    const { store, c } = await readAll(true).catch(async (err: unknown) => {
      if (!(err instanceof IssueOrderError)) throw err;
      // A file dated a series older than an earlier vintage (the parser sets its issue): read
      // again keeping every annotation, which costs memory but takes any order.
      summary.issues.length = reported.issues;
      summary.rowsRead = reported.rowsRead;
      return readAll(false);
    });

    deps.progress?.(m.id, 'store');
    await store.commit(async (tx) => {
      const populations = new Map(perFile.flatMap((f) => [...f.populations].map(([k, p]) => [k, p.population] as const)));
      const filled = await fillPopulations(tx, populations);
      if (filled.length) summary.issues.push({ code: 'population_mismatch', severity: 'info', message: `population taken from the source for ${filled.length} places the gazetteer had none for`, count: filled.length });
      for (const [i, f] of summary.files.entries()) {
        Object.assign(f, c.byFile.get(String(i)) ?? {});
        await updateRunFileCounts(tx, runFileIds[i], { rowsRead: perFile[i].rows, valuesNew: f.valuesNew, valuesChanged: f.valuesChanged });
      }
      summary.vintages = [...c.byIssue].map(([issue, v]) => ({ issue, ...v })).sort((a, b) => (a.issue < b.issue ? -1 : 1));
      summary.issues.push(...ruleSummary(c.rules), ...anomalySummary(c.anomalyCodes));
      summary.anomalies = c.anomalies;
      if (c.valuesNew + c.valuesChanged + c.annotationsChanged > 0) await bumpDataVersion(tx, clock());
      summary.valuesRead = c.valuesRead;
      summary.valuesNew = c.valuesNew;
      summary.valuesChanged = c.valuesChanged;
    });
    summary.status = 'succeeded';
    return fingerprint;
  });
}

/** Indexes of the files, grouped by issue date (the files come sorted by it). */
function byIssue(files: readonly { issueDate: string }[]): number[][] {
  const groups: number[][] = [];
  files.forEach((f, i) => {
    if (i > 0 && f.issueDate === files[i - 1].issueDate) groups[groups.length - 1].push(i);
    else groups.push([i]);
  });
  return groups;
}

/**
 * A file's series carry the file's issue unless the parser dates them itself (one file
 * holding several vintages, like the JHU legacy intra-day updates); oldest first.
 */
function issuesOf(series: KeyedSeries[]): [string, KeyedSeries[]][] {
  const groups = new Map<string, KeyedSeries[]>();
  for (const s of series) {
    let list = groups.get(s.issue);
    if (!list) groups.set(s.issue, (list = []));
    list.push(s);
  }
  return [...groups].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

function ruleSummary(rules: Map<string, { series: number; days: number }>): ValidationIssue[] {
  return [...rules].map(([rule, r]) => ({ code: 'missing_rule', severity: 'info', message: `rule ${rule}: ${r.days} cells in ${r.series} series read as missing`, count: r.days }));
}

function anomalySummary(codes: Map<string, number>): ValidationIssue[] {
  const parts = ANOMALY_CODE_LIST.filter((c) => codes.get(c)).map((c) => `${c} ${codes.get(c)}`);
  if (parts.length === 0) return [];
  const total = [...codes.values()].reduce((a, b) => a + b, 0);
  return [{ code: 'anomalies', severity: 'info', message: `${total} anomalies flagged: ${parts.join(', ')} (see /v1/anomalies)`, count: total }];
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
