/**
 * The shared data files read the plain way, independently of the parsers' CSV reader
 * (papaparse), so that parser tests compare against something the parser did not produce:
 * lines split on LF (a CR before it dropped), cells on commas outside double quotes. Only for
 * files whose cells hold no line break and no escaped quote (the case files read with it); the
 * gazetteer and API tests, which need all of RFC 4180, have their own reader.
 */
export function splitCsvLine(line: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (const ch of line) {
    if (ch === '"') quoted = !quoted;
    else if (ch === ',' && !quoted) {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out;
}

/** Every line split (BOM, CRs and trailing empty lines dropped); row i is line i + 1. */
export function rawCsvRows(text: string): string[][] {
  const lines = text.replace(/^\uFEFF/, '').split('\n').map((l) => l.replace(/\r$/, ''));
  while (lines.length && lines[lines.length - 1] === '') lines.pop();
  return lines.map(splitCsvLine);
}

/** The header and each row's cells by column name, with the row's line number. */
export function rawCsvTable(text: string): { header: string[]; rows: { line: number; cells: Record<string, string>; width: number }[] } {
  const [header, ...rows] = rawCsvRows(text);
  return { header, rows: rows.map((r, i) => ({ line: i + 2, cells: Object.fromEntries(r.map((c, j) => [header[j], c])), width: r.length })) };
}
