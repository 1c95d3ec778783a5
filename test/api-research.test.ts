import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../src/api/app.js';
import { silentLogger } from '../src/ingest/context.js';
import { ingestAll } from '../src/ingest/ingest-all.js';
import { IMAGING_CONNECTORS } from '../src/sources/imaging-registry.js';
import { who } from '../src/sources/who/index.js';
import { readCsv } from './api-fixture.js';
import { DB_TARGETS, type TestDb } from './databases.js';
import { cachedTestDb } from './fixture-cache.js';
import { makeMirror } from './mirror.js';
import { dataPath, SHARED_DATA } from './shared-data.js';

/**
 * The research-data API (catalog and imaging index) over a database holding WHO's 2024 file and
 * the four imaging sets read from ../shared/data. Expected counts come from the raw files, read
 * here with the test's own CSV reader (readCsv), not the connectors' parsers.
 */

const CXR = 'imaging/covid-chestxray-dataset';
const cxrRows = readCsv(readFileSync(dataPath(CXR, 'metadata.csv'), 'utf8').replace(/\r\n/g, '\n')).filter((r) => r.filename?.trim());
const cxrLocalFiles = readdirSync(dataPath(CXR, 'images')).filter((name) => cxrRows.some((r) => r.filename === name));
const splitList = (rel: string) => readFileSync(dataPath('imaging/covid-ct/Data-split', rel), 'utf8').split('\n').map((l) => l.trim()).filter(Boolean);
const COVID_CT_LISTS = {
  train: [...splitList('COVID/trainCT_COVID.txt'), ...splitList('NonCOVID/trainCT_NonCOVID.txt')],
  val: [...splitList('COVID/valCT_COVID.txt'), ...splitList('NonCOVID/valCT_NonCOVID.txt')],
  test: [...splitList('COVID/testCT_COVID.txt'), ...splitList('NonCOVID/testCT_NonCOVID.txt')],
};

interface ImageRow {
  dataset: string;
  image_id: string;
  listing: number;
  patient: string | null;
  finding: string | null;
  sex: string | null;
  age: number | null;
  local: boolean;
  sha256: string | null;
  thumbnail: string | null;
}

describe.each(DB_TARGETS)('research data API on %s', (target) => {
  let t: TestDb;
  let app: App;
  const get = (url: string, headers: Record<string, string> = {}) => app.inject({ method: 'GET', url, headers });
  const json = async <T = any>(url: string): Promise<T> => {
    const r = await get(url);
    expect(r.statusCode, `${url}: ${r.body.slice(0, 300)}`).toBe(200);
    return r.json() as T;
  };
  const refused = async (url: string, status: number, code: string, parameter?: string) => {
    const r = await get(url);
    expect(r.statusCode, `${url}: ${r.body.slice(0, 300)}`).toBe(status);
    expect(r.json().error.code).toBe(code);
    if (parameter) expect(r.json().error.parameter).toBe(parameter);
  };
  const allImages = async (query = ''): Promise<ImageRow[]> => (await json<{ data: ImageRow[] }>(`/v1/imaging/images?limit=5000${query}`)).data;

  beforeAll(async () => {
    // Ingested once per run and database, then copied (test/fixture-cache.ts): CI's second pass reuses it.
    t = await cachedTestDb(target, 'imaging', async (db) => {
      const mirror = await makeMirror({
        'jhu/UID_ISO_FIPS_LookUp_Table.csv': 'jhu/UID_ISO_FIPS_LookUp_Table.csv',
        'who/WHO-COVID-19-global-data_asof_2024-08.csv.gz': 'who/WHO-COVID-19-global-data_asof_2024-08.csv.gz',
      });
      const deps = { db, clock: () => new Date(), log: silentLogger };
      try {
        const runs = [
          ...(await ingestAll({ ...deps, origin: { kind: 'mirror', root: mirror.root } }, [who])),
          ...(await ingestAll({ ...deps, origin: { kind: 'mirror', root: SHARED_DATA } }, IMAGING_CONNECTORS)),
        ];
        const failed = runs.filter((r) => r.status === 'failed');
        if (failed.length) throw new Error(failed.map((r) => `${r.sourceId}: ${r.error}`).join('; '));
      } finally {
        await mirror.cleanup();
      }
    }, import.meta.url);
    app = await buildApp({ db: t.db, versionTtlMs: 0 });
  }, 240_000);
  afterAll(async () => {
    await app?.close();
    await t?.drop();
  });

  describe('the dataset catalog', () => {
    it('lists every dataset, and says what is held here: the ingested sets and nothing else', async () => {
      const all = await json<{ meta: { total: number }; data: { id: string; type: string; local: { table: string; rows: number }[] }[] }>('/v1/datasets');
      expect(all.meta.total).toBe(all.data.length);
      for (const id of ['covid-chestxray', 'actualmed', 'covid-ct', 'pocus', 'who', 'jhu-global', 'cord19']) expect(all.data.map((d) => d.id)).toContain(id);
      const held = all.data.filter((d) => d.local.some((h) => h.rows > 0)).map((d) => d.id).sort();
      expect(held).toEqual(['actualmed', 'covid-chestxray', 'covid-ct', 'pocus', 'who']);
      const cxr = all.data.find((d) => d.id === 'covid-chestxray')!;
      expect(cxr.local).toContainEqual({ source: 'covid-chestxray', table: 'imaging_images', rows: cxrRows.length });
      const local = await json<{ data: { id: string }[] }>('/v1/datasets?local=true');
      expect(local.data.map((d) => d.id).sort()).toEqual(held);
    });

    it('filters by type, modality, redistribution class, commercial use and words', async () => {
      const all = (await json<{ data: any[] }>('/v1/datasets')).data;
      const imaging = (await json<{ data: any[] }>('/v1/datasets?type=imaging')).data;
      expect(imaging.map((d) => d.id)).toEqual(all.filter((d) => d.type === 'imaging').map((d) => d.id));
      expect(imaging.length).toBeGreaterThanOrEqual(10);
      const ct = (await json<{ data: any[] }>('/v1/datasets?modality=ct')).data;
      expect(ct.map((d) => d.id)).toContain('covid-ct');
      expect(ct.every((d) => d.modalities.includes('ct'))).toBe(true);
      const idsOnly = (await json<{ data: any[] }>('/v1/datasets?redistribution=ids-only')).data;
      expect(idsOnly.length).toBeGreaterThan(0);
      expect(idsOnly.every((d) => d.type === 'social' || d.redistribution === 'ids-only')).toBe(true);
      const notCommercial = (await json<{ data: any[] }>('/v1/datasets?commercial=false')).data;
      expect(notCommercial.map((d) => d.id)).toEqual(all.filter((d) => d.commercial_use === false).map((d) => d.id));
      const gisaid = (await json<{ data: any[] }>('/v1/datasets?q=gisaid')).data;
      expect(gisaid.length).toBe(1);
      expect(gisaid[0].redistribution).toBe('registration-required');
      expect(gisaid[0].commercial_use).toBe(false);
    });

    it('answers CSV with one row per dataset and lists joined by ";"', async () => {
      const all = (await json<{ data: any[] }>('/v1/datasets?type=imaging')).data;
      const r = await get('/v1/datasets?type=imaging&format=csv');
      expect(r.headers['content-type']).toMatch(/^text\/csv/);
      const rows = readCsv(r.body);
      expect(rows.map((x) => x.id)).toEqual(all.map((d) => d.id));
      const ct = rows.find((x) => x.id === 'covid-ct')!;
      expect(ct.modalities.split(';')).toContain('ct');
    });

    it('gives one dataset as JSON and as a schema.org Dataset, and its citation as BibTeX and RIS', async () => {
      const one = (await json<{ data: any }>('/v1/datasets/covid-chestxray')).data;
      const r = await get('/v1/datasets/covid-chestxray?format=jsonld');
      expect(r.statusCode).toBe(200);
      expect(r.headers['content-type']).toMatch(/^application\/ld\+json/);
      const ld = r.json();
      expect(ld['@context']).toMatch(/schema\.org/);
      expect(ld['@type']).toBe('Dataset');
      expect(ld.name).toBe(one.title);
      const bib = await get('/v1/datasets/covid-chestxray/citation?format=bibtex');
      expect(bib.statusCode).toBe(200);
      expect(bib.body).toMatch(/^@\w+\{/);
      if (one.citation.doi) expect(bib.body).toContain(one.citation.doi);
      const ris = await get('/v1/datasets/covid-chestxray/citation?format=ris');
      expect(ris.body.split('\n')[0]).toMatch(/^TY {2}- /);
      expect(ris.body.trim()).toMatch(/ER {2}-\s*$/);
    });

    it('refuses an unknown dataset, and a citation where there is no paper, with coded 404s', async () => {
      await refused('/v1/datasets/no-such-set', 404, 'ERR_DATASET_NOT_FOUND', 'id');
      await refused('/v1/datasets/no-such-set/citation', 404, 'ERR_DATASET_NOT_FOUND', 'id');
      const all = (await json<{ data: any[] }>('/v1/datasets')).data;
      const uncited = all.find((d) => d.citation === null);
      if (uncited) await refused(`/v1/datasets/${uncited.id}/citation`, 404, 'ERR_NO_CITATION', 'id');
      await refused('/v1/datasets?type=nonsense', 400, 'ERR_BAD_PARAMETER', 'type');
    });
  });

  describe('the imaging index', () => {
    it('holds every listing of the covid-chestxray metadata, with its patients and sexes as the file gives them', async () => {
      const rows = await allImages('&dataset=covid-chestxray');
      expect(rows.length).toBe(cxrRows.length);
      expect(new Set(rows.map((r) => r.patient))).toEqual(new Set(cxrRows.map((r) => r.patientid.trim())));
      const men = await json<{ meta: { total: number } }>('/v1/imaging/images?dataset=covid-chestxray&sex=M&limit=1');
      expect(men.meta.total).toBe(cxrRows.filter((r) => r.sex.trim() === 'M').length);
      const ages = cxrRows.map((r) => Number(r.age)).filter((a) => Number.isFinite(a) && a >= 40 && a <= 60);
      const middle = await json<{ meta: { total: number } }>('/v1/imaging/images?dataset=covid-chestxray&age_min=40&age_max=60&limit=1');
      expect(middle.meta.total).toBe(ages.length);
    });

    it('matches a finding prefix to the whole branch of the hierarchy', async () => {
      const all = await allImages();
      const viral = await allImages('&finding=Pneumonia/Viral');
      expect(viral.length).toBe(all.filter((r) => r.finding === 'Pneumonia/Viral' || r.finding?.startsWith('Pneumonia/Viral/')).length);
      expect(viral.some((r) => r.finding === 'Pneumonia/Viral/COVID-19')).toBe(true);
      const covid = cxrRows.filter((r) => r.finding.trim().startsWith('COVID-19')).length;
      expect(viral.filter((r) => r.dataset === 'covid-chestxray' && r.finding === 'Pneumonia/Viral/COVID-19').length).toBe(covid);
    });

    it('sums the summary to the index, with distinct patients per dataset', async () => {
      const summary = await json<{ data: { dataset: string; images: number; patients: number }[] }>('/v1/imaging/summary?dataset=covid-chestxray');
      expect(summary.data.reduce((n, r) => n + r.images, 0)).toBe(cxrRows.length);
      const all = await json<{ meta: { images: number } }>('/v1/imaging/summary');
      expect(all.meta.images).toBe((await allImages()).length);
    });

    it('hashes and sizes the image files that are here, and serves their thumbnails', async () => {
      const local = (await allImages('&dataset=covid-chestxray')).filter((r) => r.local);
      expect(new Set(local.map((r) => r.image_id))).toEqual(new Set(cxrLocalFiles));
      const one = local[0];
      expect(one.sha256).toBe(createHash('sha256').update(readFileSync(dataPath(CXR, 'images', one.image_id))).digest('hex'));
      const r = await app.inject({ method: 'GET', url: `${one.thumbnail}?size=128` });
      expect(r.statusCode).toBe(200);
      expect(r.headers['content-type']).toBe('image/jpeg');
      const meta = await sharp(r.rawPayload).metadata();
      expect(Math.max(meta.width!, meta.height!)).toBeLessThanOrEqual(128);
      const again = await app.inject({ method: 'GET', url: `${one.thumbnail}?size=128`, headers: { 'if-none-match': String(r.headers.etag) } });
      expect(again.statusCode).toBe(304);
      const remote = (await allImages('&dataset=covid-chestxray')).find((x) => !x.local)!;
      await refused(`/v1/imaging/images/covid-chestxray/${encodeURIComponent(remote.image_id)}/thumbnail`, 404, 'ERR_NO_LOCAL_FILE', 'id');
      await refused('/v1/imaging/images/covid-chestxray/no-such-file.png/thumbnail', 404, 'ERR_IMAGE_NOT_FOUND', 'id');
    });

    it('lists the images the metadata files under two patients', async () => {
      const twice = new Map<string, Set<string>>();
      for (const r of cxrRows) twice.set(r.filename, new Set([...(twice.get(r.filename) ?? []), r.patientid.trim()]));
      const expected = [...twice].filter(([, p]) => p.size > 1).map(([name]) => name).sort();
      expect(expected.length).toBeGreaterThan(0);
      const dup = await json<{ data: { reason: string; patients: number; listings: { image_id: string }[] }[] }>('/v1/imaging/duplicates?dataset=covid-chestxray');
      const named = dup.data.filter((g) => g.reason === 'same_name_and_source' && g.patients > 1).map((g) => g.listings[0].image_id).sort();
      expect(named).toEqual(expected);
    });
  });

  describe('patient-level splits', () => {
    it('never puts a patient, or an image filed under two patients, in two splits; same seed, same split', async () => {
      const url = '/v1/imaging/splits?dataset=covid-chestxray,actualmed,pocus&ratios=0.7,0.15,0.15&seed=7';
      const a = await json<{ data: { dataset: string; image_id: string; patient: string | null; split: string }[]; summary: { images: number }[] }>(url);
      const splitsOf = new Map<string, Set<string>>();
      const add = (k: string, s: string) => splitsOf.set(k, new Set([...(splitsOf.get(k) ?? []), s]));
      for (const r of a.data) {
        if (r.patient !== null) add(`patient:${r.dataset}/${r.patient}`, r.split);
        add(`image:${r.dataset}/${r.image_id}`, r.split);
      }
      expect([...splitsOf].filter(([, s]) => s.size > 1)).toEqual([]);
      expect(a.summary.reduce((n, s) => n + s.images, 0)).toBe(a.data.length);
      const b = await get(`${url}&format=csv`);
      expect(readCsv(b.body).map((r) => r.split)).toEqual(a.data.map((r) => r.split));
      const other = await json<{ data: { split: string }[] }>(url.replace('seed=7', 'seed=8'));
      expect(other.data.map((r) => r.split)).not.toEqual(a.data.map((r) => r.split));
      await refused('/v1/imaging/splits?ratios=0.5,0.6', 400, 'ERR_BAD_PARAMETER', 'ratios');
      await refused('/v1/imaging/splits?ratios=a,b', 400, 'ERR_BAD_PARAMETER', 'ratios');
      await refused('/v1/imaging/splits?dataset=nope', 400, 'ERR_BAD_PARAMETER', 'dataset');
    });

    it.each([['covid-chestxray'], ['actualmed'], ['covid-ct'], ['pocus'], ['covid-chestxray,actualmed,covid-ct,pocus']])(
      'splits %s: every image once, whole groups per split, per finding within one group of the ratio',
      async (dataset) => {
        const ratios = [0.7, 0.15, 0.15];
        const url = `/v1/imaging/splits?dataset=${dataset}&ratios=${ratios.join(',')}&seed=20261206`;
        const built = await json<{ data: { dataset: string; image_id: string; listing: number; patient: string | null; finding: string | null; split: string }[] }>(url);
        const listed = await allImages(`&dataset=${dataset}`);
        expect(built.data.map((r) => `${r.dataset}/${r.image_id}#${r.listing}`).sort()).toEqual(listed.map((r) => `${r.dataset}/${r.image_id}#${r.listing}`).sort());
        // The test's own grouping: images of one patient, and listings of one file, are one group.
        const parent = built.data.map((_, i) => i);
        const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
        const firstBy = new Map<string, number>();
        built.data.forEach((r, i) => {
          for (const k of [r.patient === null ? null : `p:${r.dataset}/${r.patient}`, `f:${r.dataset}/${r.image_id}`]) {
            if (k === null) continue;
            if (firstBy.has(k)) parent[find(i)] = find(firstBy.get(k)!);
            else firstBy.set(k, i);
          }
        });
        const groups = new Map<number, { splits: Set<string>; findings: string[] }>();
        built.data.forEach((r, i) => {
          const g = groups.get(find(i)) ?? { splits: new Set(), findings: [] };
          g.splits.add(r.split);
          g.findings.push(r.finding ?? 'unknown');
          groups.set(find(i), g);
        });
        expect([...groups.values()].filter((g) => g.splits.size > 1)).toEqual([]);
        // Per finding (a group's most frequent one), each split holds floor or ceil of its share of the groups.
        const byFinding = new Map<string, string[]>();
        for (const g of groups.values()) {
          const counts = new Map<string, number>();
          for (const f of g.findings) counts.set(f, (counts.get(f) ?? 0) + 1);
          const top = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0][0];
          byFinding.set(top, [...(byFinding.get(top) ?? []), [...g.splits][0]]);
        }
        for (const [finding, splits] of byFinding) {
          ['train', 'val', 'test'].forEach((name, k) => {
            const n = splits.filter((s) => s === name).length;
            const target = ratios[k] * splits.length;
            expect(n, `${dataset} ${finding} ${name}: ${n} of ${splits.length} groups`).toBeGreaterThanOrEqual(Math.floor(target + 1e-9));
            expect(n, `${dataset} ${finding} ${name}: ${n} of ${splits.length} groups`).toBeLessThanOrEqual(Math.ceil(target - 1e-9));
          });
        }
      },
    );

    it('audits a posted split (JSON or CSV): a leaky one is caught, a built one is clean', async () => {
      const built = await json<{ data: { dataset: string; image_id: string; split: string }[] }>('/v1/imaging/splits?dataset=covid-chestxray&seed=1');
      const rows = built.data.map(({ dataset, image_id, split }) => ({ dataset, image_id, split }));
      const clean = await app.inject({ method: 'POST', url: '/v1/imaging/splits/audit', payload: { rows } });
      expect(clean.statusCode, clean.body.slice(0, 300)).toBe(200);
      expect(clean.json().leakage).toBe(false);
      // Patient 2's images spread over train and test.
      const p2 = cxrRows.filter((r) => r.patientid.trim() === '2').map((r) => r.filename);
      expect(p2.length).toBeGreaterThan(1);
      const leaky = rows.map((r) => (r.image_id === p2[0] ? { ...r, split: 'train' } : p2.includes(r.image_id) ? { ...r, split: 'test' } : r));
      const csv = ['dataset,image_id,split', ...leaky.map((r) => `${r.dataset},"${r.image_id}",${r.split}`), 'covid-chestxray,not-a-file.png,train'].join('\n');
      const audit = await app.inject({ method: 'POST', url: '/v1/imaging/splits/audit', payload: csv, headers: { 'content-type': 'text/csv' } });
      expect(audit.statusCode, audit.body.slice(0, 300)).toBe(200);
      const body = audit.json();
      expect(body.leakage).toBe(true);
      expect(body.patients_in_several_splits.map((p: { patient: string }) => p.patient)).toContain('covid-chestxray/2');
      expect(body.unknown).toEqual([{ row: leaky.length + 1, dataset: 'covid-chestxray', image_id: 'not-a-file.png' }]);
      const bad = await app.inject({ method: 'POST', url: '/v1/imaging/splits/audit', payload: 'dataset,image\nx,y', headers: { 'content-type': 'text/csv' } });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().error.code).toBe('ERR_BAD_BODY');
    });

    it('audits the split the COVID-CT authors published, list by list', async () => {
      const audit = await json<{ meta: { rows: number }; findings_per_split: { split: string; images: number }[] }>('/v1/imaging/splits/audit?dataset=covid-ct');
      expect(audit.meta.rows).toBe(COVID_CT_LISTS.train.length + COVID_CT_LISTS.val.length + COVID_CT_LISTS.test.length);
      for (const split of ['train', 'val', 'test'] as const) {
        const s = audit.findings_per_split.find((x) => x.split === split)!;
        expect(s.images, split).toBe(new Set(COVID_CT_LISTS[split]).size);
      }
      await refused('/v1/imaging/splits/audit?dataset=pocus', 400, 'ERR_BAD_PARAMETER', 'dataset');
    });
  });
});
