import type { IssueLog } from './issues.js';
import { quote } from './issues.js';

/**
 * What becomes of a file name listed again. `first` (the rule): `imageId` is unique per
 * dataset, the first listing is kept and each repeat is reported. `every`: each listing is
 * kept as a record (the store numbers them `listing` 1, 2, …) and each repeat is still
 * reported. One switch for every imaging connector; bump their parserVersion when changing it.
 */
export const REPEATED_LISTINGS: 'first' | 'every' = 'first';

/**
 * One image file listed twice. Every repeat is reported as `duplicate_image` with both lines,
 * whether the listings agree, and — when they name different patients — both patients (the
 * split builder links images by file name, so the image stays with the first listing's
 * patient). Whether the repeat is stored follows REPEATED_LISTINGS.
 */
export class ImageNames {
  private readonly first = new Map<string, { line: number; cells: Record<string, string> }>();

  constructor(
    private readonly log: IssueLog,
    private readonly patientColumn: string | null,
    private readonly policy: 'first' | 'every' = REPEATED_LISTINGS,
  ) {}

  /** True when the listing is to be stored: the first of `name`, or any under policy `every`; repeats are reported. */
  claim(name: string, line: number, cells: Record<string, string>): boolean {
    const seen = this.first.get(name);
    if (!seen) {
      this.first.set(name, { line, cells });
      return true;
    }
    const differ = Object.keys({ ...seen.cells, ...cells }).filter((k) => (seen.cells[k] ?? '') !== (cells[k] ?? ''));
    const p = this.patientColumn;
    const keepAll = this.policy === 'every';
    const patients = p !== null && differ.includes(p) ? ` under two patients (${quote(seen.cells[p] ?? '')} and ${quote(cells[p] ?? '')})${keepAll ? '' : '; the image stays with the first'}` : '';
    const agreement = differ.length === 0 ? 'the two listings agree in every column' : `the listings differ in ${differ.map((k) => JSON.stringify(k)).join(', ')}`;
    const outcome = keepAll ? 'both listings are kept' : `the first listing (line ${seen.line}) is kept`;
    this.log.add('duplicate_image', `${quote(name, 100)} is listed on line ${seen.line} and again on line ${line}${patients}; ${agreement}; ${outcome}`, line);
    return keepAll;
  }

  has(name: string): boolean {
    return this.first.has(name);
  }
}
