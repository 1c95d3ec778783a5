import { t } from './i18n';
import { DATASET_TYPES, MODALITIES, REDISTRIBUTION_CLASSES, type DatasetType, type ImagingFilter, type Modality, type RedistributionClass, type SplitSpec } from './state';

/** Pure helpers of the Datasets and Imaging pages (unit-tested in research.test.ts). */

/** The classes whose terms forbid passing the data on: their badge warns (colour + ⚠ + words, never colour alone). */
export const WARN_CLASSES: readonly string[] = ['registration-required', 'ids-only'];

/** The access kinds and count units of the API's schema (api-types.ts): every one has words in the catalogue (research.test.ts). */
export const ACCESS_KINDS = ['download', 'registration', 'web-pages', 'api'] as const;
export const COUNT_UNITS = ['images', 'patients', 'articles', 'sequences', 'tweets', 'cases', 'records', 'locations', 'videos'] as const;

const known = (list: readonly string[], v: string) => list.includes(v);

/** How a redistribution class reads in the current language (its words and help); null for a class the page does not know. */
export function redistributionLabel(cls: string): { text: string; help: string; warn: boolean } | null {
  if (!known(REDISTRIBUTION_CLASSES, cls)) return null;
  return { text: t(`datasets.redist.${cls as RedistributionClass}`), help: t(`datasets.redist.${cls as RedistributionClass}.help`), warn: WARN_CLASSES.includes(cls) };
}

export const commercialText = (c: boolean | null) => t(c === true ? 'datasets.commercialAllowed' : c === false ? 'datasets.commercialNo' : 'datasets.commercialUnknown');

/**
 * The catalog's vocabularies in the reader's language (each value's key is typed: a value without
 * words in the catalogue does not compile); a value the page does not know is shown as the API gives it.
 */
export const datasetTypeText = (v: string) => (known(DATASET_TYPES, v) ? t(`datasets.type.${v as DatasetType}`) : v);
export const modalityText = (v: string) => (known(MODALITIES, v) ? t(`datasets.modality.${v as Modality}`) : v);
export const accessText = (v: string) => (known(ACCESS_KINDS, v) ? t(`datasets.accessKind.${v as (typeof ACCESS_KINDS)[number]}`) : v);
export const unitText = (v: string) => (known(COUNT_UNITS, v) ? t(`datasets.unit.${v as (typeof COUNT_UNITS)[number]}`) : v);

/** The label of summary rows without a finding or a view (barsBy); shown in the reader's language. */
export const NONE = '(none)';

export interface Bar {
  label: string;
  images: number;
}

/** Summary rows totalled by finding or by view, most images first (ties by label); null is "(none)". */
export function barsBy(rows: readonly { finding: string | null; view: string | null; images: number }[], key: 'finding' | 'view'): Bar[] {
  const totals = new Map<string, number>();
  for (const r of rows) {
    const label = r[key] ?? NONE;
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
