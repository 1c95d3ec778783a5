import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { ACCESS_KINDS, COUNT_UNITS, DATASET_TYPES, MODALITIES, REDISTRIBUTION_CLASSES, type DatasetEntry } from '../domain/dataset.js';
import { isIsoDate } from '../domain/dates.js';
import { ALL_CONNECTORS } from '../sources/all-sources.js';
import { CONNECTORS } from '../sources/registry.js';
import { DATASETS, datasetById } from './index.js';

const require = createRequire(import.meta.url);
const SPDX_CURRENT = new Set<string>(require('spdx-license-ids/index.json'));
const SPDX_DEPRECATED = new Set<string>(require('spdx-license-ids/deprecated.json'));

/** The imaging connectors Glacier is getting (their entries point at them ahead of the registry). */
const IMAGING_CONNECTORS = ['covid-chestxray', 'actualmed', 'covid-ct', 'pocus'];

/** The SPDX ids the catalog uses; each must be a real SPDX id (checked against spdx-license-ids). */
const SPDX_USED = ['CC-BY-4.0', 'CC-BY-NC-SA-4.0', 'CC-BY-SA-4.0', 'MIT', 'Apache-2.0', 'PDDL-1.0', 'GPL-3.0'];

/** Where a licence has an SPDX id, the URL must be that licence's (catches a CC BY id with a CC BY-NC URL). */
const SPDX_URLS: Record<string, RegExp> = {
  'CC-BY-4.0': /^https:\/\/creativecommons\.org\/licenses\/by\/4\.0\/$/,
  'CC-BY-NC-SA-4.0': /^https:\/\/creativecommons\.org\/licenses\/by-nc-sa\/4\.0\/$/,
  'CC-BY-SA-4.0': /^https:\/\/creativecommons\.org\/licenses\/by-sa\/4\.0\/$/,
  'Apache-2.0': /^https:\/\/www\.apache\.org\/licenses\/LICENSE-2\.0$/,
  'PDDL-1.0': /^https:\/\/opendatacommons\.org\/licenses\/pddl\/1-0\/$/,
  MIT: /LICENSE/,
  'GPL-3.0': /LICENSE/,
};

const registered = CONNECTORS.map((c) => c.manifest.id);
const today = new Date().toISOString().slice(0, 10);

function urlsOf(e: DatasetEntry): string[] {
  const urls = [e.homepage, e.license.url, ...e.downloads.map((d) => d.url)];
  for (const c of e.counts) if (/^[a-z]+:/i.test(c.source)) urls.push(c.source);
  if (e.citation?.url) urls.push(e.citation.url);
  return urls;
}

describe('catalog: ids and order', () => {
  it('has unique, URL-safe ids', () => {
    const ids = DATASETS.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });

  it('is ordered by type (DATASET_TYPES order) then id', () => {
    const key = (e: DatasetEntry) => `${DATASET_TYPES.indexOf(e.type)}:${e.id}`;
    const keys = DATASETS.map(key);
    expect(keys).toEqual([...keys].sort());
  });

  it('finds every entry by id and nothing else', () => {
    for (const e of DATASETS) expect(datasetById(e.id)).toBe(e);
    expect(datasetById('no-such-dataset')).toBeUndefined();
    expect(datasetById('')).toBeUndefined();
  });

  it('has the datasets the catalog promises, with their types', () => {
    const required: Record<string, DatasetEntry['type']> = {
      'china-cdc-weekly': 'cases',
      'covid-chestxray': 'imaging',
      eurorad: 'imaging',
      sirm: 'imaging',
      bsti: 'imaging',
      'kaggle-covid-chest-xray': 'imaging',
      'covid-ct': 'imaging',
      'medseg-covid19-ct-100': 'imaging',
      'medseg-radiopaedia-9': 'imaging',
      pocus: 'imaging',
      'covid19-radiography': 'imaging',
      actualmed: 'imaging',
      cord19: 'literature',
      'who-covid-literature': 'literature',
      'medrxiv-biorxiv-covid19': 'literature',
      'ncbi-virus-sars-cov-2': 'sequences',
      'gisaid-epicov': 'sequences',
      'covid19-data-portal': 'sequences',
      'nextstrain-ncov-open': 'sequences',
      'panacea-covid19-twitter': 'social',
      'open-covid19-linelist': 'linelist',
      'kudos-kaggle-linelist': 'linelist',
    };
    for (const [id, type] of Object.entries(required)) expect(datasetById(id)?.type, id).toBe(type);
    for (const type of DATASET_TYPES) expect(DATASETS.some((e) => e.type === type), type).toBe(true);
  });
});

describe('catalog: connectors', () => {
  it('has exactly one entry per registered connector, with the connector id as its id', () => {
    expect(registered.length).toBeGreaterThan(0);
    for (const id of registered) {
      const holders = DATASETS.filter((e) => e.connectors.includes(id));
      expect(holders.map((e) => e.id), id).toEqual([id]);
    }
  });

  it('refers only to connectors Glacier runs, each held by exactly one entry', () => {
    const all = ALL_CONNECTORS.map((c) => c.manifest.id);
    for (const e of DATASETS) for (const c of e.connectors) expect(all, `${e.id} → ${c}`).toContain(c);
    for (const id of all) expect(DATASETS.filter((e) => e.connectors.includes(id)).map((e) => e.id), id).toHaveLength(1);
  });

  it('points the four imaging datasets at their connectors', () => {
    for (const id of IMAGING_CONNECTORS) expect(datasetById(id)?.connectors, id).toEqual([id]);
  });

  it('takes the manifest fields of case entries from the manifests', () => {
    for (const { manifest } of CONNECTORS) {
      const e = datasetById(manifest.id)!;
      expect(e.type).toBe('cases');
      expect(e.title).toBe(manifest.title);
      expect(e.publisher).toBe(manifest.publisher);
      expect(e.homepage).toBe(manifest.homepage);
      expect(e.license).toEqual(manifest.license);
      expect(e.redistributionNote).toBe(manifest.redistribution);
      expect(e.downloads.map((d) => d.url)).toEqual(manifest.files.map((f) => f.url));
      expect(e.status).toEqual(manifest.frozenOn ? { state: 'frozen', lastUpdate: manifest.frozenOn } : { state: 'active' });
    }
  });
});

describe('catalog: every entry', () => {
  it('uses the vocabularies of src/domain/dataset.ts', () => {
    for (const e of DATASETS) {
      expect(DATASET_TYPES, e.id).toContain(e.type);
      expect(REDISTRIBUTION_CLASSES, e.id).toContain(e.redistribution);
      expect(e.access.length, e.id).toBeGreaterThan(0);
      expect(new Set(e.access).size, e.id).toBe(e.access.length);
      for (const a of e.access) expect(ACCESS_KINDS, e.id).toContain(a);
      for (const c of e.counts) expect(COUNT_UNITS, e.id).toContain(c.unit);
    }
  });

  it('has a title, a publisher, a description search engines accept (50 to 5,000 characters) and a redistribution note', () => {
    for (const e of DATASETS) {
      expect(e.title.trim().length, e.id).toBeGreaterThan(5);
      expect(e.publisher.trim().length, e.id).toBeGreaterThan(2);
      expect(e.description.length, e.id).toBeGreaterThanOrEqual(50);
      expect(e.description.length, e.id).toBeLessThanOrEqual(5000);
      expect(e.redistributionNote.length, e.id).toBeGreaterThan(20);
      expect(e.spatialCoverage.trim().length, e.id).toBeGreaterThan(2);
      expect(e.license.name.trim().length, e.id).toBeGreaterThan(2);
    }
  });

  it('has only https URLs that parse', () => {
    for (const e of DATASETS) {
      for (const u of urlsOf(e)) {
        expect(() => new URL(u), `${e.id}: ${u}`).not.toThrow();
        expect(new URL(u).protocol, `${e.id}: ${u}`).toBe('https:');
      }
    }
  });

  it('gives counts as positive integers with a statement date that is a real date, not in the future', () => {
    for (const e of DATASETS) {
      for (const c of e.counts) {
        expect(Number.isInteger(c.value) && c.value > 0, `${e.id}: ${c.value}`).toBe(true);
        expect(isIsoDate(c.statedOn), `${e.id}: ${c.statedOn}`).toBe(true);
        expect(c.statedOn <= today, `${e.id}: ${c.statedOn}`).toBe(true);
        expect(c.source.trim(), e.id).not.toBe('');
      }
    }
  });

  it('gives temporal coverage as real dates, start before end', () => {
    for (const e of DATASETS) {
      const t = e.temporalCoverage;
      if (!t) continue;
      expect(t.start !== undefined || t.end !== undefined, e.id).toBe(true);
      if (t.start) expect(isIsoDate(t.start), `${e.id}: ${t.start}`).toBe(true);
      if (t.end) expect(isIsoDate(t.end), `${e.id}: ${t.end}`).toBe(true);
      if (t.start && t.end) expect(t.start <= t.end, e.id).toBe(true);
    }
  });

  it('dates frozen entries, and their data ends no later than the last update', () => {
    const frozen = DATASETS.filter((e) => e.status.state === 'frozen');
    expect(frozen.length).toBeGreaterThan(0);
    for (const e of frozen) {
      if (e.status.state !== 'frozen') continue;
      expect(isIsoDate(e.status.lastUpdate), e.id).toBe(true);
      if (e.temporalCoverage?.end) expect(e.temporalCoverage.end <= e.status.lastUpdate, e.id).toBe(true);
    }
    expect(datasetById('jhu-global')?.status).toEqual({ state: 'frozen', lastUpdate: '2023-03-10' });
    expect(datasetById('cord19')?.status).toEqual({ state: 'frozen', lastUpdate: '2022-06-02' });
  });

  it('gives modalities to imaging entries and to no others', () => {
    for (const e of DATASETS) {
      if (e.type === 'imaging') {
        expect(e.modalities?.length, e.id).toBeGreaterThan(0);
        for (const m of e.modalities!) expect(MODALITIES, e.id).toContain(m);
        expect(new Set(e.modalities).size, e.id).toBe(e.modalities!.length);
      } else {
        expect(e.modalities, e.id).toBeUndefined();
      }
    }
    expect(datasetById('pocus')?.modalities).toEqual(['ultrasound']);
    expect(datasetById('covid-ct')?.modalities).toEqual(['ct']);
  });

  it('has unique keywords where it has any', () => {
    for (const e of DATASETS) if (e.keywords) expect(new Set(e.keywords).size, e.id).toBe(e.keywords.length);
  });
});

describe('catalog: licences and terms', () => {
  it('uses SPDX ids from a short list, each a real SPDX id', () => {
    for (const id of SPDX_USED) expect(SPDX_CURRENT.has(id) || SPDX_DEPRECATED.has(id), id).toBe(true);
    for (const e of DATASETS) if (e.license.spdx !== undefined) expect(SPDX_USED, e.id).toContain(e.license.spdx);
    expect(SPDX_CURRENT.has('CC-BY-4.0')).toBe(true);
    expect(SPDX_CURRENT.has('ODC-PDDL-1.0')).toBe(false); // the id is PDDL-1.0
  });

  it('uses current SPDX ids except where a connector manifest (not the catalog) sets a deprecated one', () => {
    for (const e of DATASETS) {
      if (e.license.spdx === undefined || SPDX_CURRENT.has(e.license.spdx)) continue;
      expect(SPDX_DEPRECATED.has(e.license.spdx), e.id).toBe(true);
      expect(registered, `${e.id}: deprecated SPDX id ${e.license.spdx}`).toContain(e.id);
    }
  });

  it('links each SPDX licence to that licence', () => {
    for (const e of DATASETS) if (e.license.spdx) expect(e.license.url, e.id).toMatch(SPDX_URLS[e.license.spdx]);
  });

  it('keeps commercial use consistent with the redistribution class', () => {
    for (const e of DATASETS) {
      if (['non-commercial', 'registration-required'].includes(e.redistribution)) expect(e.commercialUse, e.id).toBe(false);
      // Research-only terms may be silent on commercial research (CORD-19's "text and data mining only"), never allow it outright.
      if (e.redistribution === 'research-only') expect(e.commercialUse, e.id).not.toBe(true);
      if (e.redistribution === 'open') expect(e.commercialUse, e.id).toBe(true);
    }
  });

  it('marks GISAID registration-only, non-commercial, sequences not redistributable', () => {
    const g = datasetById('gisaid-epicov')!;
    expect(g.redistribution).toBe('registration-required');
    expect(g.commercialUse).toBe(false);
    expect(g.access).toContain('registration');
    expect(g.access).not.toContain('download');
    expect(g.redistributionNote).toMatch(/sequences[^.]*may not be redistributed/i);
    expect(g.connectors).toEqual([]);
  });

  it('marks the Twitter set ids-only: IDs shared, texts hydrated by the user', () => {
    const t = datasetById('panacea-covid19-twitter')!;
    expect(t.type).toBe('social');
    expect(t.redistribution).toBe('ids-only');
    expect(t.redistributionNote).toMatch(/only tweet IDs may be shared/i);
    expect(t.redistributionNote).toMatch(/hydrated by each user/i);
    expect(t.redistributionNote).toMatch(/Twitter\/X/);
  });

  it('marks the Kudos line list unclear (no licence stated) and China CDC as web pages only', () => {
    expect(datasetById('kudos-kaggle-linelist')?.redistribution).toBe('unclear');
    expect(datasetById('kudos-kaggle-linelist')?.license.spdx).toBeUndefined();
    const cdc = datasetById('china-cdc-weekly')!;
    expect(cdc.access).toEqual(['web-pages']);
    expect(cdc.connectors).toEqual([]);
  });

  it('lists downloads only for entries that can be downloaded or queried', () => {
    for (const e of DATASETS) if (e.downloads.length > 0) expect(e.access.some((a) => a === 'download' || a === 'api'), e.id).toBe(true);
  });
});

describe('catalog: citations', () => {
  const cited = DATASETS.filter((e) => e.citation);

  it('cite papers with a year, "Family, Given" or organisation authors and well-formed DOIs', () => {
    expect(cited.length).toBeGreaterThan(15);
    for (const e of cited) {
      const c = e.citation!;
      expect(c.year, e.id).toBeGreaterThanOrEqual(2000);
      expect(c.year, e.id).toBeLessThanOrEqual(Number(today.slice(0, 4)));
      expect(c.authors.length, e.id).toBeGreaterThan(0);
      for (const a of c.authors) expect(a, e.id).toMatch(/^(others|[^,]+, [^,]+|[^,]+)$/);
      if (c.doi) expect(c.doi, e.id).toMatch(/^10\.\d{4,9}\/\S+$/);
      expect(c.doi !== undefined || c.url !== undefined, `${e.id}: DOI or URL`).toBe(true);
    }
  });

  it('uses one BibTeX key per distinct paper', () => {
    const byKey = new Map<string, string>();
    for (const e of cited) {
      const c = e.citation!;
      const id = `${c.title}|${c.doi ?? c.url}`;
      expect(byKey.get(c.key) ?? id, `${e.id}: key ${c.key}`).toBe(id);
      byKey.set(c.key, id);
    }
  });
});
