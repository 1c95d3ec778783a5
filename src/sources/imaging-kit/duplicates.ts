import type { IssueLog } from './issues.js';
import { quote } from './issues.js';

/**
 * One image file listed twice. Every listing is kept as a record (the store numbers them
 * `listing` 1, 2, …: covid-chestxray files five images under two patients each, and dropping a
 * listing would drop a patient), and every repeat is reported as `duplicate_image` with both
 * lines, whether the listings agree and, when they name different patients, both patients.
 * The split builder keeps the listings of one file (and source) in one split.
 */
export class ImageNames {
  private readonly first = new Map<string, { line: number; cells: Record<string, string> }>();

  constructor(
    private readonly log: IssueLog,
    private readonly patientColumn: string | null,
  ) {}

  /** Records a listing of `name`; a repeat is reported. */
  claim(name: string, line: number, cells: Record<string, string>): void {
    const seen = this.first.get(name);
    if (!seen) {
      this.first.set(name, { line, cells });
      return;
    }
    const differ = Object.keys({ ...seen.cells, ...cells }).filter((k) => (seen.cells[k] ?? '') !== (cells[k] ?? ''));
    const p = this.patientColumn;
    const patients = p !== null && differ.includes(p) ? ` under two patients (${quote(seen.cells[p] ?? '')} and ${quote(cells[p] ?? '')})` : '';
    const agreement = differ.length === 0 ? 'the two listings agree in every column' : `the listings differ in ${differ.map((k) => JSON.stringify(k)).join(', ')}`;
    this.log.add('duplicate_image', `${quote(name, 100)} is listed on line ${seen.line} and again on line ${line}${patients}; ${agreement}; both listings are kept`, line);
  }

  has(name: string): boolean {
    return this.first.has(name);
  }
}
