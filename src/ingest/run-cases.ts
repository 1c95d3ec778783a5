import type { CaseConnector, CaseRecord } from '../domain/cases.js';
import type { ValidationIssue } from '../domain/validation.js';
import type { Gazetteer } from '../gazetteer/gazetteer.js';
import { sha256 } from '../lib/hash.js';
import { currentCaseVersions, insertCaseVersions, type CaseVersionRow } from '../store/cases.js';
import { bumpDataVersion, updateRunFileCounts } from '../store/runs.js';
import type { IngestDeps, IngestOptions } from './context.js';
import { provideFiles } from './provide-files.js';
import { recordedRun } from './recorded-run.js';
import type { GazetteerHandle } from './run-source.js';
import type { RunSummary } from './run-summary.js';

/**
 * One line-list run: every copy (vintage) of the list, oldest first → parse → key each case's
 * country and province on the gazetteer → compare with the newest stored version of each case
 * → new versions (changed records; cases a later copy no longer lists are withdrawn) written in
 * one short transaction. A failed run stores nothing.
 */
export async function runCaseSource(deps: IngestDeps, connector: CaseConnector, gaz: GazetteerHandle, opts: IngestOptions = {}): Promise<RunSummary> {
  const { db, clock } = deps;
  const m = connector.manifest;
  return recordedRun(deps, m, async ({ started, summary, recordFiles, unchanged }) => {
    deps.progress?.(m.id, 'fetch');
    const provided = await provideFiles(m, deps.origin, { issue: opts.issue, now: started, vintages: opts.vintages });
    summary.issues.push(...provided.issues);
    if (provided.files.length === 0) throw new Error(`no file to read${opts.issue ? ` for issue ${opts.issue}` : ''}`);
    const runFileIds = await recordFiles(provided.files);
    const fingerprint = sha256(JSON.stringify([m.parserVersion, gaz.fingerprint, provided.files.map((f) => [f.fileId, f.sha256, f.issueDate])]));
    if (await unchanged(fingerprint, opts.force)) return fingerprint;

    deps.progress?.(m.id, 'parse');
    const current = await currentCaseVersions(db, m.id);
    const known = new Map([...current].map(([id, v]) => [id, v.record === null ? null : canonicalJson(JSON.parse(v.record))]));
    const rows: CaseVersionRow[] = [];
    for (const [i, f] of provided.files.entries()) {
      const parsed = connector.parse([{ fileId: f.fileId, name: f.location, text: f.body.toString('utf8'), bytes: f.body }]);
      summary.issues.push(...parsed.issues);
      summary.rowsRead += parsed.cases.length;
      const keyed = keyCases(parsed.cases, gaz.gazetteer, f.location);
      summary.issues.push(...keyed.issues);
      let changed = 0;
      const listed = new Set<string>();
      for (const c of parsed.cases) {
        listed.add(c.caseId);
        const text = canonicalJson(c);
        const before = known.get(c.caseId);
        if (before === text) continue;
        if (before === undefined) summary.valuesNew++;
        else summary.valuesChanged++;
        changed++;
        known.set(c.caseId, text);
        rows.push({ caseId: c.caseId, issue: f.issueDate, withdrawn: false, locationKey: keyed.keys.get(c.caseId) ?? null, record: text, fileId: runFileIds[i] });
      }
      // A copy of the whole list that no longer lists a case withdraws it as of that copy.
      for (const [id, text] of known) {
        if (text === null || listed.has(id)) continue;
        known.set(id, null);
        summary.valuesChanged++;
        changed++;
        rows.push({ caseId: id, issue: f.issueDate, withdrawn: true, locationKey: null, record: null, fileId: runFileIds[i] });
      }
      summary.files[i].valuesNew = changed;
      summary.vintages.push({ issue: f.issueDate, valuesNew: changed, valuesChanged: 0 });
    }
    summary.valuesRead = summary.rowsRead;

    deps.progress?.(m.id, 'store');
    await db.transaction(async (tx) => {
      await insertCaseVersions(tx, m.id, rows);
      for (const [i, f] of summary.files.entries()) await updateRunFileCounts(tx, runFileIds[i], { rowsRead: 0, valuesNew: f.valuesNew, valuesChanged: 0 });
      if (rows.length) await bumpDataVersion(tx, clock());
    });
    summary.status = 'succeeded';
    return fingerprint;
  });
}

/**
 * Each case's deepest location key: its province within its country where the gazetteer
 * knows the name, else the country. Names it cannot place are counted, never guessed.
 */
export function keyCases(cases: readonly CaseRecord[], gaz: Gazetteer, file: string): { keys: Map<string, string>; issues: ValidationIssue[] } {
  const keys = new Map<string, string>();
  const unmatched = new Map<string, number>();
  const provinceOnly = new Map<string, number>();
  for (const c of cases) {
    const country = c.place.country?.trim() ?? '';
    if (!country) continue;
    const countryKey = gaz.country(country);
    if (!countryKey) {
      unmatched.set(country, (unmatched.get(country) ?? 0) + 1);
      continue;
    }
    const province = c.place.province?.trim() ?? '';
    const key = province ? gaz.resolve(country, province) : countryKey;
    if (province && !key) provinceOnly.set(`${province}, ${country}`, (provinceOnly.get(`${province}, ${country}`) ?? 0) + 1);
    keys.set(c.caseId, key ?? countryKey);
  }
  const list = (m: Map<string, number>) => [...m].sort((a, b) => b[1] - a[1]).slice(0, 8).map(([n, k]) => `${JSON.stringify(n)} ×${k}`).join(', ');
  const count = (m: Map<string, number>) => [...m.values()].reduce((a, b) => a + b, 0);
  const issues: ValidationIssue[] = [];
  if (unmatched.size) issues.push({ code: 'unmatched_location', severity: 'warning', message: `${count(unmatched)} cases name a country no location key matches (kept without a location key): ${list(unmatched)}`, file, count: count(unmatched) });
  if (provinceOnly.size) issues.push({ code: 'unmatched_location', severity: 'info', message: `${count(provinceOnly)} cases name a province the gazetteer does not know; keyed to their country: ${list(provinceOnly)}`, file, count: count(provinceOnly) });
  return { keys, issues };
}

/** JSON with object keys sorted, so that a record compares equal to its stored copy (jsonb reorders keys). */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) => (v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v));
}
