/**
 * The finding hierarchy, most general first, as covid-chestxray's own later releases spell it
 * (`Pneumonia/Viral/COVID-19`, `Pneumonia/Bacterial/Streptococcus`, `Pneumonia/Fungal/Pneumocystis`,
 * `Pneumonia/Lipoid`, `Pneumonia/Aspiration`, …), plus four leaves outside pneumonia: `ARDS`,
 * `Tuberculosis`, `No Finding` (a normal image), and two Glacier adds for other datasets:
 * `Inconclusive` (Actualmed: the dataset's own word for an undecided image) and `Non-COVID`
 * (COVID-CT: CT scans of patients without COVID-19, not necessarily normal).
 */
export const FINDING_LEAVES = [
  'Pneumonia',
  'Pneumonia/Viral',
  'Pneumonia/Viral/COVID-19',
  'Pneumonia/Viral/SARS',
  'Pneumonia/Viral/MERS-CoV',
  'Pneumonia/Viral/Influenza',
  'Pneumonia/Viral/Influenza/H1N1',
  'Pneumonia/Viral/Varicella',
  'Pneumonia/Viral/Herpes',
  'Pneumonia/Bacterial',
  'Pneumonia/Bacterial/Streptococcus',
  'Pneumonia/Bacterial/Klebsiella',
  'Pneumonia/Bacterial/Legionella',
  'Pneumonia/Bacterial/Mycoplasma',
  'Pneumonia/Bacterial/E.Coli',
  'Pneumonia/Bacterial/Chlamydophila',
  'Pneumonia/Bacterial/Nocardia',
  'Pneumonia/Bacterial/Staphylococcus',
  'Pneumonia/Bacterial/Staphylococcus/MRSA',
  'Pneumonia/Fungal',
  'Pneumonia/Fungal/Pneumocystis',
  'Pneumonia/Fungal/Aspergillosis',
  'Pneumonia/Lipoid',
  'Pneumonia/Aspiration',
  'ARDS',
  'Tuberculosis',
  'No Finding',
  'Inconclusive',
  'Non-COVID',
] as const;
export type FindingLeaf = (typeof FINDING_LEAVES)[number];

/**
 * covid-chestxray's flat labels (the release of 2020-06) → the hierarchy. The key is the
 * vocabulary's spelling; labels are matched ignoring case (a case variant is reported).
 */
export const FLAT_FINDINGS: Record<string, FindingLeaf> = {
  'COVID-19': 'Pneumonia/Viral/COVID-19',
  SARS: 'Pneumonia/Viral/SARS',
  MERS: 'Pneumonia/Viral/MERS-CoV',
  'MERS-CoV': 'Pneumonia/Viral/MERS-CoV',
  Influenza: 'Pneumonia/Viral/Influenza',
  H1N1: 'Pneumonia/Viral/Influenza/H1N1',
  Varicella: 'Pneumonia/Viral/Varicella',
  Herpes: 'Pneumonia/Viral/Herpes',
  Viral: 'Pneumonia/Viral',
  Bacterial: 'Pneumonia/Bacterial',
  Streptococcus: 'Pneumonia/Bacterial/Streptococcus',
  Klebsiella: 'Pneumonia/Bacterial/Klebsiella',
  Legionella: 'Pneumonia/Bacterial/Legionella',
  'Mycoplasma Bacterial Pneumonia': 'Pneumonia/Bacterial/Mycoplasma',
  Mycoplasma: 'Pneumonia/Bacterial/Mycoplasma',
  'E.Coli': 'Pneumonia/Bacterial/E.Coli',
  Chlamydophila: 'Pneumonia/Bacterial/Chlamydophila',
  Nocardia: 'Pneumonia/Bacterial/Nocardia',
  Staphylococcus: 'Pneumonia/Bacterial/Staphylococcus',
  MRSA: 'Pneumonia/Bacterial/Staphylococcus/MRSA',
  Fungal: 'Pneumonia/Fungal',
  Pneumocystis: 'Pneumonia/Fungal/Pneumocystis',
  Aspergillosis: 'Pneumonia/Fungal/Aspergillosis',
  Lipoid: 'Pneumonia/Lipoid',
  Aspiration: 'Pneumonia/Aspiration',
  Pneumonia: 'Pneumonia',
  ARDS: 'ARDS',
  Tuberculosis: 'Tuberculosis',
  'No Finding': 'No Finding',
};

export interface FindingResult {
  /** The first label's place in the hierarchy; null when it is not in the table. */
  finding: FindingLeaf | null;
  /** The further labels of a comma-separated cell, mapped. */
  alsoFindings: FindingLeaf[];
  /** Labels written in another letter case than the table's, as `"No finding" → "No Finding"`. */
  caseVariants: string[];
  /** Labels in neither the flat table nor the hierarchy (reported, never guessed). */
  unknown: string[];
}

const LEAF_BY_LOWER = new Map<string, FindingLeaf>(FINDING_LEAVES.map((l) => [l.toLowerCase(), l]));
const FLAT_BY_LOWER = new Map<string, [string, FindingLeaf]>(Object.entries(FLAT_FINDINGS).map(([k, v]) => [k.toLowerCase(), [k, v]]));

/**
 * One label → its leaf. A flat label goes through `table` (default: covid-chestxray's); a label
 * already in the hierarchy (`Pneumonia/Viral/COVID-19`) passes through.
 */
export function findingLeaf(label: string, table: Record<string, FindingLeaf> = FLAT_FINDINGS): { leaf: FindingLeaf; caseVariant: boolean; spelling: string } | null {
  if (Object.hasOwn(table, label)) return { leaf: table[label], caseVariant: false, spelling: label };
  const lower = label.toLowerCase();
  const flat = table === FLAT_FINDINGS ? FLAT_BY_LOWER.get(lower) : Object.entries(table).find(([k]) => k.toLowerCase() === lower);
  if (flat) return { leaf: flat[1], caseVariant: true, spelling: flat[0] };
  const leaf = LEAF_BY_LOWER.get(lower);
  if (leaf) return { leaf, caseVariant: leaf !== label, spelling: leaf };
  return null;
}

/**
 * A finding cell → finding + alsoFindings. Several labels are separated by commas
 * ("COVID-19, ARDS" → finding COVID-19, also ARDS); the first is the finding. The cell must be
 * trimmed and not blank.
 */
export function normalizeFinding(cell: string, table: Record<string, FindingLeaf> = FLAT_FINDINGS): FindingResult {
  const labels = cell
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  const out: FindingResult = { finding: null, alsoFindings: [], caseVariants: [], unknown: [] };
  labels.forEach((label, i) => {
    const m = findingLeaf(label, table);
    if (!m) {
      out.unknown.push(label);
      return;
    }
    if (m.caseVariant) out.caseVariants.push(`${JSON.stringify(label)} → ${JSON.stringify(m.spelling)}`);
    if (i === 0) out.finding = m.leaf;
    else if (m.leaf !== out.finding && !out.alsoFindings.includes(m.leaf)) out.alsoFindings.push(m.leaf);
  });
  return out;
}
