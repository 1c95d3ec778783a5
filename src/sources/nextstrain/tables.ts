import type { GeneAnnotation, GeoPlace, SequenceDatePrecision, SequenceRecord } from '../../domain/sequences.js';
import { SourceFormatError } from '../../domain/validation.js';
import type { IssueLog } from '../kit/issue-log.js';

/** Lines of a text file without line ends (CRLF tolerated, BOM dropped). */
function lines(text: string): string[] {
  const out = text.split('\n').map((l) => (l.endsWith('\r') ? l.slice(0, -1) : l));
  if (out.length > 0) out[0] = out[0]!.replace(/^\uFEFF/, '');
  return out;
}

const MISSING = new Set(['', '?']);

/** Reads a metadata date cell: YYYY-MM-DD, YYYY-MM-XX (month), YYYY-XX-XX (year). */
export function readSequenceDate(raw: string): { date: string | null; precision: SequenceDatePrecision } {
  const m = /^(\d{4})-(\d{2}|XX)-(\d{2}|XX)$/i.exec(raw.trim());
  if (!m) return { date: null, precision: 'unknown' };
  const [, y, mo, d] = m as unknown as [string, string, string, string];
  if (/x/i.test(mo)) return /x/i.test(d) ? { date: `${y}-01-01`, precision: 'year' } : { date: null, precision: 'unknown' };
  const month = Number(mo);
  if (month < 1 || month > 12) return { date: null, precision: 'unknown' };
  if (/x/i.test(d)) return { date: `${y}-${mo}-01`, precision: 'month' };
  const dt = new Date(`${y}-${mo}-${d}T00:00:00Z`);
  if (Number.isNaN(dt.getTime()) || dt.getUTCDate() !== Number(d)) return { date: null, precision: 'unknown' };
  return { date: `${y}-${mo}-${d}`, precision: 'day' };
}

const HOSTS: Record<string, string> = { human: 'Homo sapiens' };

/**
 * The metadata table (TSV, header by name; `strain` and `date` required). Returns records in
 * file order; a repeated strain keeps the first row (duplicate_row).
 */
export function parseMetadata(text: string, file: string, log: IssueLog): SequenceRecord[] {
  const ls = lines(text);
  let h = 0;
  while (h < ls.length && ls[h]!.trim() === '') h++;
  if (h >= ls.length) throw new SourceFormatError('empty metadata file', file, 1);
  const header = ls[h]!.split('\t').map((c) => c.trim());
  const col = new Map(header.map((c, i) => [c, i]));
  for (const req of ['strain', 'date']) if (!col.has(req)) throw new SourceFormatError(`metadata header has no "${req}" column`, file, h + 1, req);
  const seen = new Map<string, number>();
  const out: SequenceRecord[] = [];
  for (let i = h + 1; i < ls.length; i++) {
    const line = i + 1;
    if (ls[i]!.trim() === '') continue;
    const cells = ls[i]!.split('\t');
    if (cells.length !== header.length) throw new SourceFormatError(`row has ${cells.length} cells, the header ${header.length} (cut or malformed row)`, file, line);
    const cell = (name: string): string | null => {
      const k = col.get(name);
      if (k === undefined) return null;
      const raw = cells[k]!;
      const v = raw.trim();
      if (MISSING.has(v)) {
        if (v === '?') log.tally('missing_marker', name, line, v);
        return null;
      }
      if (v !== raw) log.tally('stray_whitespace', name, line);
      return v;
    };
    const strain = cell('strain');
    if (strain === null) {
      log.add('stray_row', 'row without a strain name; not a record', line, 'strain');
      continue;
    }
    const first = seen.get(strain);
    if (first !== undefined) {
      log.add('duplicate_row', `strain ${strain} is listed again (first at line ${first}); the first row is kept`, line, 'strain');
      continue;
    }
    seen.set(strain, line);
    const dateRaw = cell('date');
    const d = dateRaw === null ? { date: null, precision: 'unknown' as const } : readSequenceDate(dateRaw);
    if (dateRaw !== null && d.precision === 'unknown') log.tally('unparseable_cell', 'date', line, dateRaw);
    else if (d.precision === 'month' || d.precision === 'year') log.tally('partial_date', 'date', line, d.precision);
    const hostRaw = cell('host');
    let host = hostRaw;
    if (hostRaw !== null && HOSTS[hostRaw.toLowerCase()] !== undefined) {
      host = HOSTS[hostRaw.toLowerCase()]!;
      log.tally('repaired', 'host', line, `${hostRaw} → ${host}`, 'were normalised to the Latin binomial');
    }
    const num = (name: string): number | null => {
      const v = cell(name);
      if (v === null) return null;
      const x = Number(v);
      if (!Number.isFinite(x)) {
        log.tally('unparseable_cell', name, line, v);
        return null;
      }
      return x;
    };
    const submitted = cell('date_submitted');
    const sub = submitted === null ? null : readSequenceDate(submitted);
    out.push({
      strain,
      accessions: { genbank: cell('genbank_accession'), gisaid: cell('gisaid_epi_isl') },
      date: d.date,
      datePrecision: d.precision,
      dateRaw,
      host,
      hostRaw,
      region: cell('region'),
      country: cell('country'),
      division: cell('division'),
      location: cell('location'),
      exposure: { region: cell('region_exposure'), country: cell('country_exposure'), division: cell('division_exposure') },
      length: num('length'),
      age: num('age'),
      sex: cell('sex'),
      originatingLab: cell('originating_lab'),
      submittingLab: cell('submitting_lab'),
      authors: cell('authors'),
      url: cell('url'),
      title: cell('title'),
      dateSubmitted: sub && sub.precision === 'day' ? sub.date : null,
      hasSequence: false,
      file,
      line,
    });
  }
  return out;
}

/**
 * GFF annotation: `gene` and `CDS` rows (9 tab-separated columns). Name from gene_name=, gene=,
 * Name= or ID=. When a name has CDS rows, its gene rows are ignored. Rows of one name are segments
 * in file order.
 */
export function parseGff(text: string, file: string): GeneAnnotation[] {
  const ls = lines(text);
  const byName = new Map<string, { cds: boolean; gene: GeneAnnotation }>();
  for (let i = 0; i < ls.length; i++) {
    const line = i + 1;
    const l = ls[i]!;
    if (l.trim() === '' || l.startsWith('#')) continue;
    const c = l.split('\t');
    if (c.length < 9) throw new SourceFormatError(`GFF row has ${c.length} columns, 9 expected`, file, line);
    const feature = c[2]!.trim();
    if (feature !== 'gene' && feature !== 'CDS') continue;
    const start = Number(c[3]);
    const end = Number(c[4]);
    if (!Number.isInteger(start) || !Number.isInteger(end) || start < 1 || end < start) throw new SourceFormatError(`bad coordinates ${c[3]}..${c[4]}`, file, line, 'start');
    const strandCell = c[6]!.trim();
    const strand = strandCell === '-' ? '-' : '+';
    if (strandCell !== '+' && strandCell !== '-' && strandCell !== '.') throw new SourceFormatError(`bad strand "${strandCell}"`, file, line, 'strand');
    const attrs = new Map<string, string>();
    for (const part of c[8]!.split(';')) {
      const eq = part.indexOf('=');
      if (eq > 0) attrs.set(part.slice(0, eq).trim(), part.slice(eq + 1).trim());
    }
    const name = attrs.get('gene_name') ?? attrs.get('gene') ?? attrs.get('Name') ?? attrs.get('ID');
    if (!name) throw new SourceFormatError('feature without a name (gene_name, gene, Name or ID)', file, line, 'attribute');
    const isCds = feature === 'CDS';
    const prev = byName.get(name);
    if (prev && prev.cds && !isCds) continue;
    if (!prev || (isCds && !prev.cds)) {
      byName.set(name, { cds: isCds, gene: { name, start, end, strand, segments: [{ start, end }], line } });
      continue;
    }
    prev.gene.segments.push({ start, end });
    prev.gene.start = Math.min(prev.gene.start, start);
    prev.gene.end = Math.max(prev.gene.end, end);
  }
  return [...byName.values()].map((v) => v.gene);
}

/** lat_longs.tsv: type, name, latitude, longitude (no header). */
export function parseLatLongs(text: string, file: string, log: IssueLog): GeoPlace[] {
  const ls = lines(text);
  const out: GeoPlace[] = [];
  const seen = new Map<string, number>();
  for (let i = 0; i < ls.length; i++) {
    const line = i + 1;
    const l = ls[i]!;
    if (l.trim() === '' || l.startsWith('#')) continue;
    const c = l.split('\t');
    if (c.length < 4) {
      log.tally('row_skipped', undefined, line, 'fewer than 4 cells', 'have fewer than 4 cells; skipped');
      continue;
    }
    const type = c[0]!.trim();
    const name = c[1]!.trim();
    const lat = Number(c[2]);
    const lon = Number(c[3]);
    if (c[2]!.trim() === '' || c[3]!.trim() === '' || !Number.isFinite(lat) || !Number.isFinite(lon) || Math.abs(lat) > 90 || Math.abs(lon) > 180) {
      log.tally('unparseable_cell', 'latitude/longitude', line, `${c[2]} ${c[3]}`, 'are not coordinates; the row is skipped');
      continue;
    }
    const key = `${type}\u0000${name}`;
    const first = seen.get(key);
    if (first !== undefined) {
      log.add('duplicate_row', `${type} "${name}" is listed again (first at line ${first}); the first is kept`, line);
      continue;
    }
    seen.set(key, line);
    out.push({ type, name, latitude: lat, longitude: lon });
  }
  return out;
}
