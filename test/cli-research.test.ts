import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runGlacier } from './cli-run.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCsv } from './api-fixture.js';
import { SHARED_DATA } from './shared-data.js';

/** The research-data commands on one embedded database holding the imaging sets and the line lists. */
const dir = mkdtempSync(path.join(tmpdir(), 'glacier-cli-research-'));
const env = { GLACIER_MIRROR: SHARED_DATA, DATABASE_URL: `pglite://${path.join(dir, 'db')}`, GLACIER_DATA_DIR: dir };
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const glacier = (args: string[]) => runGlacier(args, env, 240_000);

describe('glacier research commands', () => {
  beforeAll(() => {
    const r = glacier(['ingest', '--source', 'covid-chestxray', 'covid-ct', 'linelist-kudos']);
    expect(r.code, r.stderr).toBe(0);
  }, 300_000);

  it('lists the catalog as CSV, with what is held here, and cites a dataset', () => {
    const r = glacier(['datasets', '--type', 'imaging']);
    expect(r.code, r.stderr).toBe(0);
    const rows = readCsv(r.stdout);
    expect(rows.every((x) => x.type === 'imaging')).toBe(true);
    expect(Number(rows.find((x) => x.id === 'covid-chestxray')!.local_rows)).toBeGreaterThan(600);
    expect(Number(rows.find((x) => x.id === 'pocus')!.local_rows)).toBe(0);
    const ris = glacier(['citation', 'covid-chestxray', '--format', 'ris']);
    expect(ris.stdout.split('\n')[0]).toMatch(/^TY {2}- /);
    expect(glacier(['datasets', '--type', 'videos']).code).toBe(2);
    const none = glacier(['citation', 'no-such-set']);
    expect([none.code, none.stderr.trim()]).toEqual([2, 'glacier: no dataset "no-such-set" in the catalog (see /v1/datasets)']);
  }, 60_000);

  it('builds a patient-level split and audits it: clean exits 0, a leaky one exits 1', () => {
    const split = glacier(['imaging-splits', '--dataset', 'covid-chestxray', '--seed', '3']);
    expect(split.code, split.stderr).toBe(0);
    const rows = readCsv(split.stdout);
    expect(new Set(rows.map((r) => r.split))).toEqual(new Set(['train', 'val', 'test']));
    const file = path.join(dir, 'split.csv');
    writeFileSync(file, split.stdout);
    const clean = glacier(['imaging-audit', file]);
    expect(clean.code, clean.stderr).toBe(0);
    expect(JSON.parse(clean.stdout).leakage).toBe(false);
    // One patient's images put in two splits.
    const patient = rows.find((r) => rows.filter((x) => x.patient === r.patient).length > 1)!.patient;
    let first = true;
    const leaky = rows.map((r) => (r.patient === patient ? { ...r, split: first ? ((first = false), 'train') : 'test' } : r));
    writeFileSync(file, ['dataset,image_id,split', ...leaky.map((r) => `${r.dataset},"${r.image_id}",${r.split}`)].join('\n'));
    const audit = glacier(['imaging-audit', file]);
    expect(audit.code).toBe(1);
    expect(JSON.parse(audit.stdout).patientsInSeveralSplits.map((p: { patient: string }) => p.patient)).toContain(`covid-chestxray/${patient}`);
  }, 60_000);

  it('exports case records and fits the incubation period', () => {
    const c = glacier(['cases', '--source', 'linelist-kudos', '--sex', 'female']);
    expect(c.code, c.stderr).toBe(0);
    const rows = readCsv(c.stdout);
    expect(rows.length).toBeGreaterThan(100);
    expect(rows.every((r) => r.sex === 'female' && r.source === 'linelist-kudos')).toBe(true);
    const inc = glacier(['delays', '--incubation', '--source', 'linelist-kudos', '--samples', '100']);
    expect(inc.code, inc.stderr).toBe(0);
    const out = JSON.parse(inc.stdout);
    expect(out.n).toBeGreaterThan(20);
    expect(out.fits.length).toBe(3);
  }, 60_000);
});
