/**
 * Code-unit order (what `Array.prototype.sort()` does without a comparator), never
 * `localeCompare`: the result must not depend on the machine's locale.
 */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
