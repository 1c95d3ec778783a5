import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { metricDefinitions } from '../domain/metrics.js';
import { metricsDoc, sourcesDoc } from './doc.js';
import { CONNECTORS } from './registry.js';

describe('the sources', () => {
  it('are documented in docs/sources.md as their manifests say (run `npm run docs` after changing one)', () => {
    expect(readFileSync(new URL('../../docs/sources.md', import.meta.url), 'utf8')).toBe(sourcesDoc());
  });

  it('publish only documented metrics, and docs/metrics.md is current and lists every metric with its sources', () => {
    const doc = readFileSync(new URL('../../docs/metrics.md', import.meta.url), 'utf8');
    expect(doc).toBe(metricsDoc());
    const ids = new Set(metricDefinitions().map((d) => d.id));
    for (const { manifest: m } of CONNECTORS) for (const id of m.metrics) expect(ids.has(id), `${m.id}: ${id}`).toBe(true);
    for (const { id } of metricDefinitions()) {
      const row = doc.split('\n').find((l) => l.startsWith(`| \`${id}\` |`));
      expect(row, id).toBeDefined();
      const publishers = CONNECTORS.filter((c) => (c.manifest.metrics as readonly string[]).includes(id)).map((c) => c.manifest.id);
      for (const p of publishers) expect(row, `${id} published by ${p}`).toContain(`\`${p}\``);
    }
  });

  it('each state a licence with its URL, redistribution terms, and at least one file with an upstream URL and a mirror path', () => {
    for (const { manifest: m } of CONNECTORS) {
      expect(m.license.name, m.id).not.toBe('');
      expect(m.license.url, m.id).toMatch(/^https?:\/\//);
      expect(m.redistribution.length, m.id).toBeGreaterThan(20);
      expect(m.files.length, m.id).toBeGreaterThan(0);
      for (const f of m.files) {
        expect(f.url, `${m.id}/${f.id}`).toMatch(/^https?:\/\//);
        expect(f.mirror.length, `${m.id}/${f.id}`).toBeGreaterThan(0);
      }
    }
  });

  it('have unique ids and include every id the issue names', () => {
    const ids = CONNECTORS.map((c) => c.manifest.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(expect.arrayContaining(['jhu-global', 'jhu-us', 'jhu-daily', 'jhu-daily-us', 'jhu-errata', 'datahub', 'who', 'ecdc', 'cdc', 'nyt', 'owid', 'dxy', 'wellsrc']));
  });
});
