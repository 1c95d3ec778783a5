import type { ImagingFilter, SplitSpec } from './state';

/** Pure helpers of the Datasets and Imaging pages (unit-tested in research.test.ts). */

/** How each redistribution class reads, and its badge's class (colour + text, never colour alone). */
export const REDISTRIBUTION_LABEL: Record<string, { text: string; help: string; warn?: boolean }> = {
  open: { text: 'Open', help: 'No conditions: share and reuse freely.' },
  attribution: { text: 'Attribution', help: 'Share and reuse, crediting the publisher.' },
  'share-alike': { text: 'Share-alike', help: 'Share under the same licence, crediting the publisher.' },
  'non-commercial': { text: 'Non-commercial', help: 'Share for non-commercial purposes only.' },
  'research-only': { text: 'Research only', help: 'Use for research only.' },
  'registration-required': { text: 'Registration required', help: 'Terms accepted at sign-up forbid passing the data on: get it from the publisher.', warn: true },
  'ids-only': { text: 'IDs only', help: 'Only identifiers may be shared (e.g. tweet or accession ids); the records must be fetched from the publisher.', warn: true },
  unclear: { text: 'Terms unclear', help: 'The publisher’s terms do not say what others may do.' },
};

export const commercialText = (c: boolean | null) => (c === true ? 'Commercial use allowed' : c === false ? 'No commercial use' : 'Commercial use: terms do not say');

export interface Bar {
  label: string;
  images: number;
}

/** Summary rows totalled by finding or by view, most images first (ties by label); null is "(none)". */
export function barsBy(rows: readonly { finding: string | null; view: string | null; images: number }[], key: 'finding' | 'view'): Bar[] {
  const totals = new Map<string, number>();
  for (const r of rows) {
    const label = r[key] ?? '(none)';
    totals.set(label, (totals.get(label) ?? 0) + r.images);
  }
  return [...totals].map(([label, images]) => ({ label, images })).sort((a, b) => b.images - a.images || a.label.localeCompare(b.label));
}

/** Every finding and each of its hierarchy's prefixes ("Pneumonia", "Pneumonia/Viral", …), sorted: the finding filter's choices. */
export function findingPrefixes(findings: readonly (string | null)[]): string[] {
  const out = new Set<string>();
  for (const f of findings) {
    if (!f) continue;
    const parts = f.split('/');
    for (let i = 1; i <= parts.length; i++) out.add(parts.slice(0, i).join('/'));
  }
  return [...out].sort();
}

/** The query of /v1/imaging/summary and /v1/imaging/images for a filter (empty values left out). */
export function imagingQuery(f: ImagingFilter): Record<string, string | undefined> {
  return { dataset: f.datasets.join(',') || undefined, finding: f.finding || undefined, modality: f.modality ?? undefined, view: f.view || undefined };
}

/** The query of /v1/imaging/splits for the split builder (the CSV link adds format=csv). */
export function splitQuery(s: SplitSpec): Record<string, string | number | undefined> {
  return { dataset: s.datasets.join(',') || undefined, finding: s.finding || undefined, ratios: s.ratios, seed: s.seed };
}

/** Width and height of an image scaled to fit a box (never upscaled); the box when the size is unknown. */
export function fitBox(width: number | null, height: number | null, box: number): { width: number; height: number } {
  if (!width || !height) return { width: box, height: box };
  const k = Math.min(1, box / Math.max(width, height));
  return { width: Math.max(1, Math.round(width * k)), height: Math.max(1, Math.round(height * k)) };
}
