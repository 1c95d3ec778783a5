import { describe, expect, it } from 'vitest';
import { missingDataRule, mixedSitesRule, qcStatus, runQc } from './qc.js';

describe('Nextclade QC rules', () => {
  it('missing data: 0 up to the 300-N bias, then linear to 100 at 3000 Ns', () => {
    expect(missingDataRule(0).score).toBe(0);
    expect(missingDataRule(300).score).toBe(0);
    expect(missingDataRule(1650).score).toBeCloseTo(50, 10); // (1650 − 300)·100/2700
    expect(missingDataRule(3000)).toEqual({ n: 3000, score: 100, status: 'bad' });
    expect(missingDataRule(1110).status).toBe('mediocre'); // 30 exactly
    expect(missingDataRule(1109).status).toBe('good');
  });

  it('mixed sites: 100·n/10', () => {
    expect(mixedSitesRule(0).score).toBe(0);
    expect(mixedSitesRule(3)).toEqual({ n: 3, score: 30, status: 'mediocre' });
    expect(mixedSitesRule(10).status).toBe('bad');
  });

  it('status thresholds and the overall score Σ s²/100', () => {
    expect([qcStatus(29.99), qcStatus(30), qcStatus(99.99), qcStatus(100)]).toEqual(['good', 'mediocre', 'mediocre', 'bad']);
    const r = runQc({ nMissing: 1650, nMixed: 5 }); // scores 50 and 50
    expect(r.overall.score).toBeCloseTo(50, 10); // 2500/100 + 2500/100
    expect(r.overall.status).toBe('mediocre');
    const two = runQc({ nMissing: 300 + 27 * 80, nMixed: 8 }); // scores 80 and 80: 64 + 64 = 128
    expect(two.overall.score).toBeCloseTo(128, 10);
    expect(two.overall.status).toBe('bad');
  });
});
