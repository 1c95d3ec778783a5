import type { QcResult, QcRuleResult, QcStatus } from '../../domain/sequences.js';

/**
 * Nextclade's quality-control rules for missing data and mixed sites (nextstrain/nextclade,
 * docs/user/algorithm/06-quality-control.md and packages/nextclade/src/qc/qc_rule_missing_data.rs,
 * qc_rule_mixed_sites.rs, qc_run.rs), with the SARS-CoV-2 dataset's parameters:
 *
 * - missing data: score = max(0, (N − scoreBias) · 100 / missingDataThreshold), scoreBias 300,
 *   missingDataThreshold 2700 — 0 up to 300 Ns, 100 ("bad") at 3000 Ns;
 * - mixed sites: score = 100 · n / mixedSitesThreshold, threshold 10 (non-ACGTN, non-gap bases);
 * - status of a score: good < 30 ≤ mediocre < 100 ≤ bad;
 * - overall score = Σ score² / 100 over the rules run (here only these two), same thresholds.
 */

export interface QcParams {
  missingDataThreshold: number;
  scoreBias: number;
  mixedSitesThreshold: number;
}

export const NEXTCLADE_QC: QcParams = { missingDataThreshold: 2700, scoreBias: 300, mixedSitesThreshold: 10 };

export function qcStatus(score: number): QcStatus {
  if (score >= 100) return 'bad';
  if (score >= 30) return 'mediocre';
  return 'good';
}

export function missingDataRule(nMissing: number, p: QcParams = NEXTCLADE_QC): QcRuleResult {
  const score = Math.max(0, ((nMissing - p.scoreBias) * 100) / p.missingDataThreshold);
  return { n: nMissing, score, status: qcStatus(score) };
}

export function mixedSitesRule(nMixed: number, p: QcParams = NEXTCLADE_QC): QcRuleResult {
  const score = Math.max(0, (100 * nMixed) / p.mixedSitesThreshold);
  return { n: nMixed, score, status: qcStatus(score) };
}

export function runQc(input: { nMissing: number; nMixed: number; params?: QcParams }): QcResult {
  const missingData = missingDataRule(input.nMissing, input.params);
  const mixedSites = mixedSitesRule(input.nMixed, input.params);
  const score = (missingData.score ** 2 + mixedSites.score ** 2) / 100;
  return { missingData, mixedSites, overall: { score, status: qcStatus(score) } };
}
