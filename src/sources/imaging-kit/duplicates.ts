import type { IssueLog } from './issues.js';
import { quote } from './issues.js';

/**
 * One image file listed twice. `imageId` is unique per dataset, so the first listing is kept;
 * every later one is reported as `duplicate_image` with both lines, whether the listings agree,
 * and — when they name different patients — both patients (the split builder links images by
 * file name, so the image stays with the first listing's patient).
 */
export class ImageNames {
  private readonly first = new Map<string, { line: number; cells: Record<string, string> }>();

  constructor(
    private readonly log: IssueLog,
    private readonly patientColumn: string | null,
  ) {}

  /** True for the first listing of `name` (keep it); false for a repeat (reported, not stored). */
  claim(name: string, line: number, cells: Record<string, string>): boolean {
    const seen = this.first.get(name);
    if (!seen) {
      this.first.set(name, { line, cells });
      return true;
    }
    const differ = Object.keys({ ...seen.cells, ...cells }).filter((k) => (seen.cells[k] ?? '') !== (cells[k] ?? ''));
    const p = this.patientColumn;
    const patients = p !== null && differ.includes(p) ? ` under two patients (${quote(seen.cells[p] ?? '')} and ${quote(cells[p] ?? '')}); the image stays with the first` : '';
    const agreement = differ.length === 0 ? 'the two listings agree in every column' : `the listings differ in ${differ.map((k) => JSON.stringify(k)).join(', ')}`;
    this.log.add('duplicate_image', `${quote(name, 100)} is listed on line ${seen.line} and again on line ${line}${patients}; ${agreement}; the first listing (line ${seen.line}) is kept`, line);
    return false;
  }

  has(name: string): boolean {
    return this.first.has(name);
  }
}
