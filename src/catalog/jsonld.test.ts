import { describe, expect, it } from 'vitest';
import type { DatasetEntry } from '../domain/dataset.js';
import { DATASETS, datasetById } from './index.js';
import { datasetJsonLd, datasetPageUrl, temporalInterval, type JsonLd } from './jsonld.js';

const BASE = 'https://glacier.example.org';
const INTERVAL = /^(\d{4}-\d{2}-\d{2}|\.\.)\/(\d{4}-\d{2}-\d{2}|\.\.)$/;

const obj = (v: unknown) => v as JsonLd;
const list = (v: unknown) => v as JsonLd[];

describe('datasetJsonLd on every catalog entry', () => {
  it.each(DATASETS.map((e) => [e.id, e] as const))('%s is a schema.org Dataset Google accepts', (_id, e) => {
    const doc = datasetJsonLd(e, { baseUrl: BASE });
    // Google's required properties.
    expect(doc['@context']).toBe('https://schema.org');
    expect(doc['@type']).toBe('Dataset');
    expect(doc.name).toBe(e.title);
    expect(typeof doc.description).toBe('string');
    expect((doc.description as string).length).toBeGreaterThanOrEqual(50);
    expect((doc.description as string).length).toBeLessThanOrEqual(5000);
    // Recommended ones.
    expect(doc.url).toBe(`${BASE}/v1/datasets/${e.id}`);
    expect(doc.identifier === e.id || (Array.isArray(doc.identifier) && doc.identifier.includes(e.id))).toBe(true);
    expect(new URL(doc.license as string).protocol).toBe('https:');
    expect(doc.license).toBe(e.license.url);
    expect(doc.isAccessibleForFree).toBe(true);
    for (const role of ['creator', 'publisher']) expect(obj(doc[role])).toMatchObject({ '@type': 'Organization', name: e.publisher });
    expect(doc.spatialCoverage).toEqual({ '@type': 'Place', name: e.spatialCoverage });
    if (e.keywords) expect(doc.keywords).toEqual(e.keywords);
    if (e.temporalCoverage) {
      expect(doc.temporalCoverage).toMatch(INTERVAL);
      expect(doc.temporalCoverage).not.toBe('../..');
    } else {
      expect(doc.temporalCoverage).toBeUndefined();
    }
    if (e.downloads.length > 0) {
      const dist = list(doc.distribution);
      expect(dist).toHaveLength(e.downloads.length);
      for (const [i, d] of dist.entries()) {
        expect(d['@type']).toBe('DataDownload');
        expect(d.contentUrl).toBe(e.downloads[i].url);
        expect(new URL(d.contentUrl as string).protocol).toBe('https:');
        if (e.downloads[i].format) expect(d.encodingFormat).toMatch(/^[a-z]+\/[a-z0-9.+-]+$|^[a-z0-9]+$/);
      }
    } else {
      expect(doc.distribution).toBeUndefined();
    }
    if (e.citation) {
      const c = obj(doc.citation);
      expect(c['@type']).toBe(e.citation.kind === 'dataset' ? 'Dataset' : 'ScholarlyArticle');
      expect(c.name).toBe(e.citation.title);
      expect(c.datePublished).toBe(String(e.citation.year));
      if (e.citation.doi) expect(c.url).toBe(`https://doi.org/${e.citation.doi}`);
      else expect(c.url).toBe(e.citation.url);
    } else {
      expect(doc.citation).toBeUndefined();
    }
    if (e.status.state === 'frozen') expect(doc.dateModified).toBe(e.status.lastUpdate);
    else expect(doc.dateModified).toBeUndefined();
    // Serialisable as it is (the route sends JSON.stringify of it).
    expect(JSON.parse(JSON.stringify(doc))).toEqual(doc);
  });
});

describe('datasetJsonLd details', () => {
  const jhu = datasetById('jhu-global')!;

  it('gives temporal coverage as an ISO interval, .. for an open end', () => {
    expect(datasetJsonLd(jhu, { baseUrl: BASE }).temporalCoverage).toBe('2020-01-22/2023-03-09');
    expect(datasetJsonLd(datasetById('who')!, { baseUrl: BASE }).temporalCoverage).toBe('2020-01-05/..');
    expect(temporalInterval({ end: '2020-02-28' })).toBe('../2020-02-28');
    expect(temporalInterval({})).toBeUndefined();
    expect(temporalInterval(undefined)).toBeUndefined();
  });

  it('names the authors of the cited paper as people, organisations as organisations', () => {
    const who = obj(datasetJsonLd(datasetById('who')!, { baseUrl: BASE }).citation);
    expect(who.author).toEqual([{ '@type': 'Organization', name: 'World Health Organization' }]);
    const jhuCite = obj(datasetJsonLd(jhu, { baseUrl: BASE }).citation);
    expect(list(jhuCite.author)[0]).toEqual({ '@type': 'Person', name: 'Ensheng Dong', familyName: 'Dong', givenName: 'Ensheng' });
    expect(jhuCite['@id']).toBe('https://doi.org/10.1016/S1473-3099(20)30120-1');
    const portal = obj(datasetJsonLd(datasetById('covid19-data-portal')!, { baseUrl: BASE }).citation);
    expect(list(portal.author).map((a) => a.name)).not.toContain('others');
  });

  it('builds the page URL from the server origin, with or without a trailing slash', () => {
    expect(datasetPageUrl('https://x.org/', 'cord19')).toBe('https://x.org/v1/datasets/cord19');
    expect(datasetJsonLd(jhu, { baseUrl: 'http://127.0.0.1:8080/' }).url).toBe('http://127.0.0.1:8080/v1/datasets/jhu-global');
  });

  it('describes what this instance holds as parts, leaving out empty tables', () => {
    const doc = datasetJsonLd(jhu, {
      baseUrl: BASE,
      local: [
        { table: 'series', rows: 867 },
        { table: 'observations', rows: 0 },
      ],
    });
    const parts = list(doc.hasPart);
    expect(parts).toHaveLength(1);
    expect(parts[0]).toMatchObject({ '@type': 'Dataset', size: '867 rows', license: jhu.license.url });
    expect((parts[0].description as string).length).toBeGreaterThanOrEqual(50);
    expect(parts[0].description).toContain('series table');
    expect(datasetJsonLd(jhu, { baseUrl: BASE, local: [{ table: 'series', rows: 0 }] }).hasPart).toBeUndefined();
    expect(datasetJsonLd(jhu, { baseUrl: BASE }).hasPart).toBeUndefined();
  });

  it('keeps an over-long description within Google\'s 5,000 characters', () => {
    const long: DatasetEntry = { ...jhu, description: 'x'.repeat(6000) };
    const d = datasetJsonLd(long, { baseUrl: BASE }).description as string;
    expect(d.length).toBe(5000);
    expect(d.endsWith('…')).toBe(true);
  });

  it('gives a dataset DOI as an identifier when the citation is a data record', () => {
    const e: DatasetEntry = { ...jhu, citation: { key: 'z', kind: 'dataset', title: 'T', authors: ['A, B'], year: 2020, doi: '10.5281/zenodo.3723939' } };
    expect(datasetJsonLd(e, { baseUrl: BASE }).identifier).toEqual(['https://doi.org/10.5281/zenodo.3723939', 'jhu-global']);
    expect(datasetJsonLd(jhu, { baseUrl: BASE }).identifier).toBe('jhu-global');
  });
});
