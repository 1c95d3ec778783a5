import { NGRAM_KINDS, NGRAM_SIZE, type NgramCount, type NgramKind, type ParsedChatter } from '../../domain/chatter.js';
import type { SourceInputFile } from '../../domain/series.js';
import { SourceFormatError, type ValidationIssue } from '../../domain/validation.js';
import { parseCsvRows, rowLineNumbers, stripBom } from '../../lib/csv.js';
import { IssueLog, quote } from '../kit/issue-log.js';

/** The header of the bigram and trigram files (the term files have none). */
export const NGRAM_HEADER = ['gram', 'counts'] as const;

/** `YYYY-MM-DD_top1000<kind>.csv` (optionally .gz), the daily file names of thepanacealab/covid19_twitter. */
const NAME = /(\d{4}-\d{2}-\d{2})_top1000(terms|bigrams|trigrams)\.csv(?:\.gz)?$/;

/** The day and kind a daily file's name gives; a SourceFormatError when the name does not follow the pattern. */
export function dailyFileOf(name: string): { date: string; kind: NgramKind } {
  const base = name.split(/[\\/]/).pop() ?? name;
  const m = NAME.exec(base);
  if (!m) throw new SourceFormatError(`file name does not give a day and kind (expected YYYY-MM-DD_top1000terms|bigrams|trigrams.csv)`, name);
  const date = m[1];
  const t = new Date(`${date}T00:00:00Z`);
  if (Number.isNaN(t.getTime()) || t.toISOString().slice(0, 10) !== date) throw new SourceFormatError(`file name holds ${date}, which is not a calendar date`, name);
  return { date, kind: m[2] as NgramKind };
}

function parseOne(f: SourceInputFile): { counts: NgramCount[]; issues: ValidationIssue[] } {
  const { date, kind } = dailyFileOf(f.name);
  if ((NGRAM_KINDS as readonly string[]).includes(f.fileId) && f.fileId !== kind) {
    throw new SourceFormatError(`file id ${JSON.stringify(f.fileId)} but the name says ${kind}`, f.name);
  }
  const log = new IssueLog(f.name);
  const body = stripBom(f.text).replace(/\r\n?/g, '\n');
  const rows = parseCsvRows(body, f.name);
  const lines = rowLineNumbers(body);
  const lineOf = (r: number) => lines[r] ?? r + 1;
  if (rows.length === 0 || (rows.length === 1 && rows[0].join('') === '')) throw new SourceFormatError('empty file', f.name, 1);
  const first = rows[0].map((c) => c.trim());
  const isHeader = first.length === 2 && first[0] === NGRAM_HEADER[0] && first[1] === NGRAM_HEADER[1];
  let start = 0;
  if (kind === 'terms') {
    // The term files have no header; one that has the n-gram header is read the same way.
    if (isHeader) {
      log.add('repaired', `the term file has a header (${first.join(',')}), unlike the others; read past it`, 1, undefined, 'info');
      start = 1;
    }
  } else {
    if (!isHeader) {
      const bad = first[0] !== NGRAM_HEADER[0] ? NGRAM_HEADER[0] : NGRAM_HEADER[1];
      throw new SourceFormatError(`unexpected header: expected "gram,counts", found ${quote(rows[0].join(','))} (no column ${JSON.stringify(bad)})`, f.name, 1, bad);
    }
    start = 1;
  }
  if (!/\n$/.test(body) && rows.length > start) {
    log.add('row_skipped', `the file does not end with a line break: its last row (line ${lineOf(rows.length - 1)}) may have been cut; kept as read`, lineOf(rows.length - 1), undefined, 'warning');
  }
  const counts: NgramCount[] = [];
  const seen = new Map<string, number>();
  let previous = Infinity;
  let outOfOrder = 0;
  let firstOutOfOrder = 0;
  for (let r = start; r < rows.length; r++) {
    const cells = rows[r];
    const line = lineOf(r);
    if (cells.length === 1 && cells[0].trim() === '') {
      log.tally('row_skipped', undefined, line, 'blank line', 'are blank lines; skipped');
      continue;
    }
    if (cells.length !== 2) throw new SourceFormatError(`expected 2 fields (gram, counts), found ${cells.length} (truncated or malformed row)`, f.name, line, cells.length < 2 ? 'counts' : 'column_3');
    const rawCount = cells[1].trim();
    if (!/^\d+$/.test(rawCount)) throw new SourceFormatError(`count ${quote(cells[1])} is not a whole number`, f.name, line, 'counts');
    const count = Number(rawCount);
    const rawToken = cells[0];
    let token = rawToken.replace(/\s+/g, ' ').trim();
    if (token !== rawToken) log.tally('stray_whitespace', 'gram', line);
    if (token === '') {
      log.tally('row_skipped', 'gram', line, 'empty token', 'have an empty token; skipped');
      continue;
    }
    const nfc = token.normalize('NFC');
    if (nfc !== token) {
      log.tally('repaired', 'gram', line, 'NFC', 'were not in Unicode NFC (e.g. a letter followed by a combining accent); stored composed');
      token = nfc;
    }
    const words = token.split(' ').length;
    if (words !== NGRAM_SIZE[kind]) log.tally('unparseable_cell', 'gram', line, `${words} words`, `do not have ${NGRAM_SIZE[kind]} word(s) as ${kind} should; kept as published`);
    const dup = seen.get(token);
    if (dup !== undefined) {
      log.add('duplicate_row', `${quote(token)} is listed again (first on line ${dup}, count ${counts.find((c) => c.token === token)?.count}; here ${count}); the first kept`, line, 'gram');
      continue;
    }
    seen.set(token, line);
    if (count > previous) {
      outOfOrder++;
      firstOutOfOrder ||= line;
    }
    previous = count;
    counts.push({ date, kind, rank: counts.length + 1, token, count });
  }
  const nan = counts.find((c) => c.token === 'nan');
  if (nan) log.add('missing_marker', `token "nan" (rank ${nan.rank}, count ${nan.count}, line ${seen.get('nan')}) is most likely pandas' NaN (a missing text) counted as a word upstream, not a word of any tweet; kept as published (isNoise flags it)`, seen.get('nan'), 'gram', 'info');
  if (counts.length !== 1000) log.add('anomalies', `${counts.length} ${kind} listed where the name says top 1000${nan ? ' (one is "nan")' : ''}; all kept`, undefined, undefined, 'info');
  if (outOfOrder > 0) log.add('anomalies', `${outOfOrder} rows have a higher count than the row before (first line ${firstOutOfOrder}): the list is not sorted; ranks are the file's order`, firstOutOfOrder, 'counts', 'info');
  return { counts, issues: log.issues() };
}

/**
 * thepanacealab/covid19_twitter daily top-1000 lists: one NgramCount per row, dated and typed by
 * the file name (`2020-03-22_top1000terms.csv`). Rank = position in the file. Term files have no
 * header and CRLF line ends; bigram/trigram files have the header gram,counts (required).
 */
export function parseTwitterChatter(files: SourceInputFile[]): ParsedChatter {
  const counts: NgramCount[] = [];
  const issues: ValidationIssue[] = [];
  for (const f of files) {
    const one = parseOne(f);
    counts.push(...one.counts);
    issues.push(...one.issues);
  }
  return { counts, issues };
}
