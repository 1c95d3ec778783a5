import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { rawCsvRows } from '../../test/raw-csv.js';
import { dataPath } from '../../test/shared-data.js';
import { SourceFormatError } from '../domain/validation.js';
import { eachCsvRow, eachCsvTableRow, readCsvTable, rowLineNumbers } from './csv.js';

const rowsOf = (text: string, file = 'probe.csv', chunkChars?: number) => {
  const rows: [number, string[]][] = [];
  eachCsvRow(text, file, (fields, row) => rows.push([row, fields]), chunkChars);
  return rows;
};

describe('eachCsvRow', () => {
  it('gives the rows of the real JHU US deaths file in order, as an independent line splitter reads them', () => {
    const text = gunzipSync(readFileSync(dataPath('jhu/time_series_us/time_series_covid19_deaths_US_asof_2021-04-22.csv.gz'))).toString('utf8');
    const expected = rawCsvRows(text);
    const got = rowsOf(text);
    expect(got.length).toBe(expected.length);
    expect(got.map(([row]) => row)).toEqual(expected.map((_, i) => i));
    for (let i = 0; i < expected.length; i += 97) expect(got[i][1]).toEqual(expected[i]);
    expect(got[got.length - 1][1]).toEqual(expected[expected.length - 1]);
  });

  it('drops a BOM and the empty rows at the end, keeps blank rows inside, and reads CRLF, CR and LF alike', () => {
    expect(rowsOf('\ufeffa,b\r\n1,2\r\n\r\n3,"x\r\ny"\n\n\n')).toEqual([
      [0, ['a', 'b']],
      [1, ['1', '2']],
      [2, ['']],
      [3, ['3', 'x\ny']],
    ]);
    expect(rowsOf('')).toEqual([]);
  });

  it('fails on a malformed quoted field with a coded error naming the file and the line', () => {
    const bad = 'a,b\n1,2\n3,"open\n4,5\n';
    expect(() => rowsOf(bad, 'bad.csv')).toThrow(SourceFormatError);
    expect(() => rowsOf(bad, 'bad.csv')).toThrow(/bad\.csv, line 3: malformed quoted field/);
    expect(() => rowsOf(bad, 'bad.csv', 5)).toThrow(/bad\.csv, line 3: malformed quoted field/);
  });

  it('reads the same rows whatever the piece size, blank lines at a cut included', () => {
    // Without quotes the text is read in pieces cut at line ends; with quotes, in one.
    const plain = 'id,name,note\n\n1,a,\n\n\n2,bb,x\n3,,\n\n';
    const quoted = 'id,"name, full",note\r\n1,"Bonaire, Sint Eustatius and Saba","two\nlines"\n\n2,plain,"say ""hi"""\n3,,\n"4",x,"y\r\nz"\n';
    expect(rowsOf(plain, 'p.csv', 1 << 20).map(([, f]) => f)).toEqual([['id', 'name', 'note'], [''], ['1', 'a', ''], [''], [''], ['2', 'bb', 'x'], ['3', '', '']]);
    expect(rowsOf(quoted, 'q.csv', 1 << 20).map(([, f]) => f)).toEqual([
      ['id', 'name, full', 'note'],
      ['1', 'Bonaire, Sint Eustatius and Saba', 'two\nlines'],
      [''],
      ['2', 'plain', 'say "hi"'],
      ['3', '', ''],
      ['4', 'x', 'y\nz'],
    ]);
    for (const text of [plain, quoted]) {
      const whole = rowsOf(text, 'probe.csv', 1 << 20);
      for (let piece = 0; piece <= text.length; piece++) expect(rowsOf(text, 'probe.csv', piece)).toEqual(whole);
    }
    const real = gunzipSync(readFileSync(dataPath('nyt/asof_2021-04-19/us-counties-recent.csv.gz'))).toString('utf8');
    expect(real.includes('"')).toBe(false);
    const rows = rowsOf(real, 'probe.csv', 4099);
    expect(rows.map(([, f]) => f)).toEqual(rawCsvRows(real));
    expect(rows).toEqual(rowsOf(real, 'probe.csv', 1 << 30));
  });
});

describe('eachCsvTableRow', () => {
  const streamed = (text: string) => {
    let header: string[] = [];
    const rows: { fields: string[]; line: number }[] = [];
    const n = eachCsvTableRow(text, 'probe.csv', (h) => (header = h), (fields, line) => rows.push({ fields, line }));
    return { header, rows, n };
  };
  const table = (text: string) => {
    const t = readCsvTable(text, 'probe.csv');
    return { header: t.header, rows: t.rows.slice(1).map((fields, i) => ({ fields, line: t.lineOf(i + 1) })), n: t.rows.length - 1 };
  };

  it('reads what readCsvTable reads: the trimmed header, every data row with its line, blank and multi-line rows included', () => {
    const texts = ['a,b', '\ufeff a , b \r\n1,2\r\n', '\n1,2\n', 'a,"x\ny"\n1,"p\nq"\n3,4\n\n5,6\n\n', 'h\n\n\n'];
    for (const text of texts) expect(streamed(text), JSON.stringify(text)).toEqual(table(text));
    const who = gunzipSync(readFileSync(dataPath('who/WHO-COVID-19-global-data_asof_2020-06-25.csv.gz'))).toString('utf8');
    expect(streamed(who)).toEqual(table(who));
  });

  it('refuses an empty file as readCsvTable does', () => {
    for (const text of ['', '\n', '\ufeff', '\n\n']) {
      expect(() => streamed(text)).toThrow(/^probe\.csv, line 1: empty file$/);
      expect(() => table(text)).toThrow(/^probe\.csv, line 1: empty file$/);
    }
  });
});

describe('rowLineNumbers', () => {
  // The rule, character by character: a row starts after each newline outside quotes.
  const reference = (text: string): number[] => {
    const lines = [1];
    let line = 1;
    let inQuotes = false;
    for (const c of text) {
      if (c === '"') inQuotes = !inQuotes;
      else if (c === '\n') {
        line++;
        if (!inQuotes) lines.push(line);
      }
    }
    return lines;
  };

  it('gives the line each row starts on, with and without quoted newlines', () => {
    fc.assert(fc.property(fc.string({ unit: fc.constantFrom('a', ',', '\n', '\r', '"') }), (text) => {
      expect(Array.from(rowLineNumbers(text))).toEqual(reference(text));
    }));
    const real = gunzipSync(readFileSync(dataPath('nyt/asof_2021-04-19/us-counties-recent.csv.gz'))).toString('utf8');
    expect(Array.from(rowLineNumbers(real))).toEqual(reference(real));
  });
});
