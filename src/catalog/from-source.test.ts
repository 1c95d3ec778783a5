import { describe, expect, it } from 'vitest';
import type { SourceManifest } from '../domain/source.js';
import { formatOfUrl, sourceDataset, type SourceDatasetExtra } from './from-source.js';

const MANIFEST: SourceManifest = {
  id: 'demo',
  title: 'Demo source',
  publisher: 'Demo publisher',
  homepage: 'https://example.org/demo',
  license: { name: 'Creative Commons Attribution 4.0 International', spdx: 'CC-BY-4.0', url: 'https://creativecommons.org/licenses/by/4.0/' },
  redistribution: 'May be shared with attribution.',
  cadence: 'daily',
  metrics: ['confirmed'],
  levels: ['country'],
  parserVersion: 1,
  files: [
    { id: 'a', url: 'https://example.org/a.csv', mirror: ['demo/a.csv'] },
    { id: 'b', url: 'https://example.org/b.bin', mirror: ['demo/b.bin'] },
  ],
};

const EXTRA: SourceDatasetExtra = {
  description: 'A demo source for the tests of sourceDataset, long enough for search engines.',
  counts: [{ unit: 'locations', value: 3, statedOn: '2020-01-01', source: 'https://example.org/demo' }],
  redistribution: 'attribution',
  commercialUse: true,
  spatialCoverage: 'Nowhere',
};

describe('sourceDataset', () => {
  it('takes id, title, publisher, homepage, licence, redistribution sentence and file URLs from the manifest', () => {
    const e = sourceDataset(MANIFEST, EXTRA);
    expect(e).toMatchObject({
      id: 'demo',
      title: 'Demo source',
      publisher: 'Demo publisher',
      homepage: 'https://example.org/demo',
      license: MANIFEST.license,
      redistributionNote: 'May be shared with attribution.',
      type: 'cases',
      connectors: ['demo'],
      access: ['download'],
    });
    expect(e.downloads).toEqual([
      { title: 'a', url: 'https://example.org/a.csv', format: 'text/csv' },
      { title: 'b', url: 'https://example.org/b.bin' },
    ]);
    expect(e.license).not.toBe(MANIFEST.license); // a copy: editing the entry cannot change the manifest
  });

  it('takes everything else from the extra fields', () => {
    const e = sourceDataset(MANIFEST, { ...EXTRA, access: ['download', 'api'], keywords: ['k'], temporalCoverage: { start: '2020-01-01' } });
    expect(e.description).toBe(EXTRA.description);
    expect(e.counts).toEqual(EXTRA.counts);
    expect(e.redistribution).toBe('attribution');
    expect(e.commercialUse).toBe(true);
    expect(e.access).toEqual(['download', 'api']);
    expect(e.keywords).toEqual(['k']);
    expect(e.temporalCoverage).toEqual({ start: '2020-01-01' });
    expect('citation' in e).toBe(false);
  });

  it('is active without frozenOn and frozen at frozenOn with it', () => {
    expect(sourceDataset(MANIFEST, EXTRA).status).toEqual({ state: 'active' });
    expect(sourceDataset({ ...MANIFEST, frozenOn: '2023-03-10' }, EXTRA).status).toEqual({ state: 'frozen', lastUpdate: '2023-03-10' });
  });
});

describe('formatOfUrl', () => {
  it('reads the media type from the path, ignoring the query', () => {
    expect(formatOfUrl('https://data.cdc.gov/api/views/9mfq-cb36/rows.csv?accessType=DOWNLOAD')).toBe('text/csv');
    expect(formatOfUrl('https://x.org/DXYArea.json')).toBe('application/json');
    expect(formatOfUrl('https://x.org/f-2020-12-14.xlsx')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(formatOfUrl('https://x.org/ReportedIncidenceWuhan-Dec62019=t0.mat')).toBe('application/x-matlab-data');
    expect(formatOfUrl('https://opendata.ecdc.europa.eu/covid19/casedistribution/csv')).toBe('text/csv');
    expect(formatOfUrl('https://x.org/readme')).toBeUndefined();
  });
});
