import { inflateRawSync } from 'node:zlib';

/**
 * Test support only: the imaging metadata files read a second, independent way (no papaparse,
 * no read-excel-file, none of the parsers' code), so the connector tests compare the parsers
 * against counts they did not produce. A character-by-character RFC 4180 reader (quoted
 * fields with commas, doubled quotes and line breaks) that tracks the physical line each row
 * starts on, and a minimal XLSX reader (zip central directory → inflate → the sheet's XML).
 */
export interface IndependentRow {
  /** Physical line the row starts on (1-based; header = 1). */
  line: number;
  cells: string[];
}

export function independentCsv(text: string): IndependentRow[] {
  const s = text.replace(/^\uFEFF/, '');
  const rows: IndependentRow[] = [];
  let cells: string[] = [];
  let cur = '';
  let quoted = false;
  let line = 1;
  let start = 1;
  let i = 0;
  while (i < s.length) {
    const ch = s[i];
    if (quoted) {
      if (ch === '"' && s[i + 1] === '"') {
        cur += '"';
        i += 2;
        continue;
      }
      if (ch === '"') quoted = false;
      else {
        if (ch === '\n') line++;
        cur += ch;
      }
      i++;
      continue;
    }
    if (ch === '"') quoted = true;
    else if (ch === ',') {
      cells.push(cur);
      cur = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && s[i + 1] === '\n') i++;
      cells.push(cur);
      rows.push({ line: start, cells });
      cells = [];
      cur = '';
      line++;
      start = line;
    } else cur += ch;
    i++;
  }
  if (cur !== '' || cells.length > 0) {
    cells.push(cur);
    rows.push({ line: start, cells });
  }
  return rows;
}

/** Rows as objects by header name (header = first row), each with its line. */
export function independentCsvObjects(text: string): { header: string[]; rows: { line: number; get: (column: string) => string; width: number }[] } {
  const [head, ...rest] = independentCsv(text);
  const header = head.cells;
  return {
    header,
    rows: rest.map((r) => ({ line: r.line, width: r.cells.length, get: (column: string) => r.cells[header.indexOf(column)] ?? '' })),
  };
}

/** The files of a zip archive by name (stored or deflated entries, from the central directory). */
function unzip(buf: Buffer): Map<string, Buffer> {
  let eocd = buf.length - 22;
  while (eocd >= 0 && buf.readUInt32LE(eocd) !== 0x06054b50) eocd--;
  if (eocd < 0) throw new Error('not a zip archive');
  const entries = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  const out = new Map<string, Buffer>();
  for (let e = 0; e < entries; e++) {
    const method = buf.readUInt16LE(p + 10);
    const compressed = buf.readUInt32LE(p + 20);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    const local = buf.readUInt32LE(p + 42);
    const name = buf.subarray(p + 46, p + 46 + nameLen).toString('utf8');
    const dataStart = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const data = buf.subarray(dataStart, dataStart + compressed);
    out.set(name, method === 0 ? data : inflateRawSync(data));
    p += 46 + nameLen + extraLen + commentLen;
  }
  return out;
}

const decodeXml = (s: string) =>
  s.replace(/&(lt|gt|amp|quot|apos|#(\d+)|#x([0-9a-fA-F]+));/g, (_, name: string, dec?: string, hex?: string) =>
    dec ? String.fromCodePoint(Number(dec)) : hex ? String.fromCodePoint(parseInt(hex, 16)) : ({ lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" } as Record<string, string>)[name],
  );

/** Text of `<t>` runs inside an `<si>` or `<is>` element. */
const runsText = (xml: string) => [...xml.matchAll(/<t(?:\s[^>]*)?>([\s\S]*?)<\/t>/g)].map((m) => decodeXml(m[1])).join('');

/**
 * The first worksheet of an XLSX as a map sheet-row number → (column letter → cell text).
 * Numbers stay as written in the XML; shared and inline strings are resolved.
 */
export function independentXlsx(bytes: Buffer): Map<number, Map<string, string>> {
  const files = unzip(bytes);
  const shared = [...(files.get('xl/sharedStrings.xml')?.toString('utf8') ?? '').matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) => runsText(m[1]));
  const sheetName = [...files.keys()].filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n)).sort()[0];
  const xml = files.get(sheetName)!.toString('utf8');
  const rows = new Map<number, Map<string, string>>();
  for (const c of xml.matchAll(/<c\s+([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
    const attrs = c[1];
    const ref = /r="([A-Z]+)(\d+)"/.exec(attrs);
    if (!ref) continue;
    const type = /t="(\w+)"/.exec(attrs)?.[1];
    const body = c[2] ?? '';
    const v = /<v>([\s\S]*?)<\/v>/.exec(body)?.[1];
    let text: string;
    if (type === 's') text = shared[Number(v)];
    else if (type === 'inlineStr') text = runsText(body);
    else text = v === undefined ? '' : decodeXml(v);
    if (text === '') continue;
    const row = Number(ref[2]);
    if (!rows.has(row)) rows.set(row, new Map());
    rows.get(row)!.set(ref[1], text);
  }
  return rows;
}
