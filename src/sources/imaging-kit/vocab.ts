import type { Modality } from '../../domain/dataset.js';
import { IMAGE_VIEWS, type ImageView } from '../../domain/imaging.js';
import { markerIn, matchVocabulary, plainNumber } from '../kit/text.js';

// The generic text helpers live in the shared kit; re-exported for the imaging connectors.
export { matchVocabulary, plainNumber, tidySpaces } from '../kit/text.js';

/**
 * Normalisation tables shared by the imaging connectors. Every function is pure and says what
 * it did, so the caller can report it (`IssueLog`); none guesses a value the cell does not give.
 */

/**
 * Markers the imaging metadata files use for "not available", compared case-insensitively
 * after trimming: blank, `-`, `n/A` / `n/a` (POCUS), `N.A.` (POCUS LinkToLicense/ChangesMade),
 * `None` (POCUS License), `nd` ("not documented", POCUS Gender).
 */
export const MISSING_MARKERS = ['', '-', 'n/a', 'n.a.', 'none', 'nd'] as const;

/** The marker a cell holds (as written, `blank` for an empty or all-space cell), or null. */
export function missingMarker(raw: string): string | null {
  return markerIn(raw, MISSING_MARKERS);
}

/** Sex codes: M/F everywhere; POCUS writes `m` and `w` (German "weiblich"). */
export const SEX_CODES: Record<string, 'M' | 'F'> = { M: 'M', F: 'F', Male: 'M', Female: 'F', m: 'M', w: 'F' };

/** Yes/no spellings per dataset. */
export const YES_NO = { Y: true, N: false } as const;
export const ONE_ZERO = { '1': true, '0': false } as const;
export const YES_NO_WORDS = { Yes: true, No: false } as const;

/** An age in years: a whole or decimal number from 0 to 130; null otherwise ("Young Child", "40+"). */
export function ageYears(text: string): number | null {
  const n = plainNumber(text);
  return n !== null && n >= 0 && n <= 130 ? n : null;
}

/**
 * View spellings onto IMAGE_VIEWS. Exact names (any case) map to themselves; `APS` is the
 * covid-chestxray schema's abbreviation of AP Supine; `Lateral` is L. Anything else (e.g.
 * "AP semi erect") is not mapped: view null, the raw kept.
 */
const VIEW_ALIASES: Record<string, ImageView> = { aps: 'AP Supine', lateral: 'L', 'ap supine': 'AP Supine', 'ap erect': 'AP Erect' };

export function normalizeView(value: string): { view: ImageView; caseVariant: boolean } | null {
  const m = matchVocabulary(value, IMAGE_VIEWS);
  if (m) return { view: m.value, caseVariant: m.caseVariant };
  const alias = VIEW_ALIASES[value.toLowerCase()];
  return alias ? { view: alias, caseVariant: false } : null;
}

/** Modality spellings of the metadata files onto Glacier's modalities. */
const MODALITY_NAMES: Record<string, Modality> = { 'X-ray': 'x-ray', CT: 'ct', Ultrasound: 'ultrasound', 'Lung ultrasound': 'ultrasound', US: 'ultrasound' };

export function normalizeModality(value: string): { modality: Modality; caseVariant: boolean } | null {
  const m = matchVocabulary(value, Object.keys(MODALITY_NAMES));
  return m ? { modality: MODALITY_NAMES[m.value], caseVariant: m.caseVariant } : null;
}

/** Image and video extensions the datasets use (case-insensitive); `.nii.gz` volumes count. */
const EXTENSION = /\.(jpe?g|png|gif|bmp|tiff?|webp|mp4|avi|mov|mpe?g|dcm|nii|nii\.gz|gz)$/i;

export function hasFileExtension(name: string): boolean {
  return EXTENSION.test(name);
}

/**
 * A DOI in its bare form (`10.1056/nejmc2001272`) from the forms the files use: bare,
 * `https://doi.org/…`, `http://dx.doi.org/…`, `DOI: …`, `DOI …`. `spaces` when the DOI itself
 * held spaces (COVID-CT's `10.1016/ S0140-6736(20)30154-9`), which are removed (a DOI has none).
 * Null when the text holds no `10.` DOI.
 */
export function normalizeDoi(text: string): { doi: string; spaces: boolean } | null {
  const m = /^(?:(?:https?:\/\/)?(?:dx\.)?doi\.org\/|doi:?\s*)?(10\.\S.*)$/i.exec(text.trim());
  if (!m) return null;
  const doi = m[1].replace(/\s+/g, '');
  return { doi, spaces: doi !== m[1] };
}

/** The snake_case key of a column name for `clinical` ("Loss of smell/taste" → loss_of_smell_taste, "LinkToLicense" → link_to_license). */
export function snakeKey(name: string): string {
  return name
    .replace(/([a-z])([A-Z])/g, '$1_$2')
    .replace(/[^A-Za-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .toLowerCase();
}
