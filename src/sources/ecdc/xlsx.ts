import { readSheet } from 'read-excel-file/node';
import { SourceFormatError } from '../../domain/validation.js';

/** A cell as the XLSX reader gives it: text, number, boolean, a date (for date-formatted cells) or empty. */
export type XlsxCell = string | number | boolean | Date | null;

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04]; // "PK\3\4": an XLSX is a zip archive

/** True when the bytes (or the text decoded from them) start like a zip archive, i.e. an XLSX. */
export function looksLikeXlsx(bytes: Uint8Array | undefined, text?: string): boolean {
  if (bytes && bytes.length >= 4) return ZIP_MAGIC.every((b, i) => bytes[i] === b);
  return text !== undefined && text.startsWith('PK\u0003\u0004');
}

/**
 * The first sheet of an XLSX workbook as rows of cells (row i = sheet row i + 1), read with
 * read-excel-file (async only: it unzips through a stream). Text is not trimmed here, and no
 * text is turned into null (Namibia's geoId "NA" stays "NA").
 */
export async function readFirstSheet(bytes: Buffer, file: string): Promise<XlsxCell[][]> {
  if (!looksLikeXlsx(bytes)) throw new SourceFormatError('not an XLSX workbook (the file does not start like a zip archive)', file);
  try {
    const rows = await readSheet(bytes, { trim: false });
    return rows as unknown as XlsxCell[][];
  } catch (err) {
    throw new SourceFormatError(`cannot read the XLSX workbook (${err instanceof Error ? err.message : String(err)})`, file);
  }
}
