import { parseCsvRows } from '../lib/csv.js';
import { SourceFormatError } from '../domain/validation.js';

/** One row of JHU CSSE's UID_ISO_FIPS_LookUp_Table.csv. */
export interface UidRow {
  line: number;
  uid: number;
  iso2: string;
  iso3: string;
  code3: string;
  /** Five digits for US counties and JHU's pseudo-counties (80xxx "Out of", 90xxx "Unassigned"), two for states. */
  fips: string;
  admin2: string;
  province: string;
  country: string;
  lat: number | null;
  lon: number | null;
  combinedKey: string;
  population: number | null;
}

export const UID_TABLE_HEADER = [
  'UID', 'iso2', 'iso3', 'code3', 'FIPS', 'Admin2', 'Province_State', 'Country_Region', 'Lat', 'Long_', 'Combined_Key', 'Population',
] as const;

export function parseUidTable(text: string, file: string): UidRow[] {
  const rows = parseCsvRows(text, file);
  const header = rows[0] ?? [];
  UID_TABLE_HEADER.forEach((name, i) => {
    if (header[i] !== name) {
      throw new SourceFormatError(`unexpected header: column ${i + 1} is ${JSON.stringify(header[i] ?? '')}, expected ${JSON.stringify(name)}`, file, 1);
    }
  });
  const out: UidRow[] = [];
  for (let r = 1; r < rows.length; r++) {
    const f = rows[r];
    const line = r + 1;
    if (f.length !== UID_TABLE_HEADER.length) {
      throw new SourceFormatError(`expected ${UID_TABLE_HEADER.length} fields, found ${f.length}`, file, line);
    }
    const uid = Number(f[0]);
    if (!Number.isInteger(uid)) throw new SourceFormatError(`UID is not an integer: ${JSON.stringify(f[0])}`, file, line, 'UID');
    out.push({
      line,
      uid,
      iso2: f[1].trim(),
      iso3: f[2].trim(),
      code3: f[3].trim(),
      fips: normalizeFips(f[4]),
      admin2: f[5].trim(),
      province: f[6].trim(),
      country: f[7].trim(),
      lat: optionalNumber(f[8], file, line, 'Lat'),
      lon: optionalNumber(f[9], file, line, 'Long_'),
      combinedKey: f[10].trim(),
      population: optionalNumber(f[11], file, line, 'Population'),
    });
  }
  return out;
}

/** JHU writes FIPS as "6037", "06037" or "6037.0" depending on the file; counties are 5 digits. */
export function normalizeFips(raw: string): string {
  const t = raw.trim();
  if (t === '') return '';
  const n = Number(t);
  if (!Number.isFinite(n)) return t;
  const digits = String(Math.trunc(n));
  return digits.length <= 2 ? digits.padStart(2, '0') : digits.padStart(5, '0');
}

function optionalNumber(raw: string, file: string, line: number, column: string): number | null {
  const t = raw.trim();
  if (t === '') return null;
  const n = Number(t);
  if (!Number.isFinite(n)) throw new SourceFormatError(`not a number: ${JSON.stringify(raw)}`, file, line, column);
  return n;
}
