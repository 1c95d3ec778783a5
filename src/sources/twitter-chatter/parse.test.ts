import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { dataPath } from '../../../test/shared-data.js';
import { parseTweetId, type NgramKind } from '../../domain/chatter.js';
import type { SourceInputFile } from '../../domain/series.js';
import { SourceFormatError } from '../../domain/validation.js';
import { twitterChatter } from './index.js';
import { manifest } from './manifest.js';
import { isNoise, noiseReason } from './noise.js';
import { parseTwitterChatter } from './parse.js';

const ROOT = 'twitter/panacealab_dailies';
const realFiles: SourceInputFile[] = readdirSync(dataPath(ROOT))
  .sort()
  .flatMap((day) =>
    readdirSync(dataPath(ROOT, day))
      .sort()
      .map((f) => ({ fileId: /top1000(\w+)\.csv/.exec(f)![1], name: `${ROOT}/${day}/${f}`, text: readFileSync(dataPath(ROOT, day, f), 'utf8') })),
  );
const parsed = parseTwitterChatter(realFiles);

/** The test's own reading of one daily file: split lines, a header only where it says gram,counts, last comma splits. */
function ownRows(text: string): { header: boolean; crlf: boolean; rows: [string, number][] } {
  const crlf = text.includes('\r\n');
  const lines = text.split('\n').map((l) => (l.endsWith('\r') ? l.slice(0, -1) : l));
  if (lines[lines.length - 1] === '') lines.pop();
  const header = lines[0] === 'gram,counts';
  return { header, crlf, rows: lines.slice(header ? 1 : 0).map((l) => [l.slice(0, l.lastIndexOf(',')), Number(l.slice(l.lastIndexOf(',') + 1))]) };
}

const fixtureDir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures');
const fixtureFile = (rel: string): SourceInputFile => ({ fileId: /top1000(\w+)\.csv/.exec(rel)![1], name: rel, text: readFileSync(path.join(fixtureDir, rel), 'utf8') });
const fixtureError = (rel: string): SourceFormatError => {
  try {
    parseTwitterChatter([fixtureFile(rel)]);
  } catch (e) {
    if (e instanceof SourceFormatError) return e;
    throw e;
  }
  throw new Error(`${rel} parsed without error`);
};

describe('twitter-chatter on the real files', () => {
  it('is a chatter connector whose mirror patterns date each file by its folder and name', () => {
    expect(twitterChatter.kind).toBe('chatter');
    expect(manifest.files.map((f) => f.id)).toEqual(['terms', 'bigrams', 'trigrams']);
    expect(realFiles.length).toBe(12);
  });

  it('reads every row of every file, dated by its name, ranked in file order', () => {
    let total = 0;
    for (const f of realFiles) {
      const own = ownRows(f.text);
      const [, date, kind] = /(\d{4}-\d{2}-\d{2})_top1000(\w+)\.csv$/.exec(f.name)!;
      const got = parsed.counts.filter((c) => c.date === date && c.kind === kind);
      expect(got.map((c) => [c.token, c.count])).toEqual(own.rows);
      expect(got.map((c) => c.rank)).toEqual(own.rows.map((_, i) => i + 1));
      total += own.rows.length;
      if (kind === 'terms') {
        expect(own.header).toBe(false);
        expect(own.crlf).toBe(true);
        expect(own.rows.length).toBe(1001);
      } else {
        expect(own.header).toBe(true);
        expect(own.crlf).toBe(false);
        expect(own.rows.length).toBe(1000);
      }
    }
    expect(parsed.counts.length).toBe(total);
    expect(manifest.notes.join('\n')).toContain(`${total.toLocaleString('en-US')} counts`);
  });

  it('reports the "nan" pseudo-term of every term file', () => {
    const nans = parsed.counts.filter((c) => c.token === 'nan');
    expect(nans.map((c) => c.kind)).toEqual(['terms', 'terms', 'terms', 'terms']);
    expect(parsed.issues.filter((i) => i.code === 'missing_marker' && i.message.includes('"nan"')).length).toBe(4);
    for (const n of nans) expect(manifest.notes.join('\n')).toContain(`${n.date} rank ${n.rank}, ${n.count.toLocaleString('en-US')}`);
  });

  it('keeps tokens as published (already NFC, no folding)', () => {
    expect(parsed.counts.every((c) => c.token === c.token.normalize('NFC'))).toBe(true);
    expect(parsed.counts.some((c) => c.token === 'covidー19')).toBe(true);
    expect(parsed.counts.some((c) => c.token === 'não')).toBe(true);
    expect(parsed.issues.filter((i) => i.code === 'repaired').length).toBe(0);
  });
});

describe('twitter-chatter fixtures', () => {
  it('reads a term file with CRLF and no header, and n-gram files with a header', () => {
    const r = parseTwitterChatter(['ok/2020-03-22_top1000terms.csv', 'ok/2020-03-22_top1000bigrams.csv', 'ok/2020-03-22_top1000trigrams.csv'].map(fixtureFile));
    const terms = r.counts.filter((c) => c.kind === 'terms');
    expect(terms).toEqual([
      { date: '2020-03-22', kind: 'terms', rank: 1, token: 'coronavirus', count: 223843 },
      { date: '2020-03-22', kind: 'terms', rank: 2, token: 'nan', count: 86350 },
      { date: '2020-03-22', kind: 'terms', rank: 3, token: 'covid', count: 67037 },
      { date: '2020-03-22', kind: 'terms', rank: 4, token: '19', count: 64625 },
      { date: '2020-03-22', kind: 'terms', rank: 5, token: 'covid19', count: 56389 },
    ]);
    expect(r.counts.filter((c) => c.kind === 'bigrams').map((c) => c.token)).toEqual(['covid 19', 'stay home', 'positive coronavirus', 'trying times', 'coronavirus pandemic']);
    expect(r.counts.filter((c) => c.kind === 'trigrams').length).toBe(3);
  });

  it('reads a BOM like no BOM', () => {
    expect(parseTwitterChatter([fixtureFile('bom/2020-03-22_top1000terms.csv')]).counts).toEqual(parseTwitterChatter([fixtureFile('ok/2020-03-22_top1000terms.csv')]).counts);
  });

  it('normalises a token with combining characters to NFC, without folding it to ASCII', () => {
    const f = fixtureFile('nfc/2020-03-23_top1000terms.csv');
    expect(f.text).toContain('coronavi\u0301rus');
    const r = parseTwitterChatter([f]);
    expect(r.counts.map((c) => c.token)).toEqual(['coronavirus', 'coronavírus', 'mexico', 'méxico']);
    expect(r.counts[1].token).toBe('coronav\u00edrus');
    expect(r.counts.every((c) => c.date === '2020-03-23')).toBe(true);
    expect(r.issues.find((i) => i.code === 'repaired')?.count).toBe(2);
    expect(r.issues.find((i) => i.code === 'anomalies' && i.message.includes('not sorted'))?.line).toBe(4);
  });

  it('refuses a changed header, a missing header, a truncated row and a bad count, naming file, line and column', () => {
    const h = fixtureError('changed-header/2020-03-22_top1000bigrams.csv');
    expect([h.file, h.line, h.column]).toEqual(['changed-header/2020-03-22_top1000bigrams.csv', 1, 'counts']);
    const n = fixtureError('no-header/2020-03-22_top1000bigrams.csv');
    expect([n.line, n.column]).toEqual([1, 'gram']);
    const t = fixtureError('truncated/2020-03-22_top1000trigrams.csv');
    expect([t.file, t.line, t.column]).toEqual(['truncated/2020-03-22_top1000trigrams.csv', 4, 'counts']);
    expect(t.message).toContain('found 1');
    const c = fixtureError('bad-count/2020-03-22_top1000terms.csv');
    expect([c.line, c.column]).toEqual([3, 'counts']);
  });

  it('refuses a file whose name gives no day, or whose id and name disagree', () => {
    const text = readFileSync(path.join(fixtureDir, 'ok/2020-03-22_top1000terms.csv'), 'utf8');
    expect(() => parseTwitterChatter([{ fileId: 'terms', name: 'top1000terms.csv', text }])).toThrow(SourceFormatError);
    expect(() => parseTwitterChatter([{ fileId: 'bigrams', name: '2020-03-22_top1000terms.csv', text }])).toThrow(/name says terms/);
    expect(() => parseTwitterChatter([{ fileId: 'terms', name: '2020-02-30_top1000terms.csv', text }])).toThrow(/not a calendar date/);
  });
});

describe('tweet ids', () => {
  it('are strings of digits, never numbers', () => {
    expect(parseTweetId('1241490299215634434')).toBe('1241490299215634434');
    expect(parseTweetId(' 1241490299215634434 ')).toBe('1241490299215634434');
    expect(parseTweetId('1.2414902992156344e+18')).toBeNull();
    expect(parseTweetId('')).toBeNull();
    expect(Number('1241490299215634434').toString()).not.toBe('1241490299215634434');
  });
});

describe('isNoise on real tokens', () => {
  const real = (token: string, kind: NgramKind) => {
    const c = parsed.counts.find((x) => x.token === token && x.kind === kind);
    if (!c) throw new Error(`${kind} ${JSON.stringify(token)} is not in the real files`);
    return c.token;
  };
  const cases: [string, NgramKind, ReturnType<typeof noiseReason>][] = [
    ['nan', 'terms', 'artefact'],
    ['href', 'terms', 'markup'],
    ['nofollow', 'terms', 'markup'],
    ['href rel nofollow', 'trigrams', 'markup'],
    ['true href rel', 'trigrams', 'markup'],
    ['nofollow twitter web', 'trigrams', 'markup'],
    ['co', 'terms', 'url'],
    ['twitter web app', 'trigrams', 'client-label'],
    ['web app', 'bigrams', 'client-label'],
    ['twitter web client', 'trigrams', 'client-label'],
    ['twitter android', 'bigrams', 'client-label'],
    ['the', 'terms', 'stop-words'],
    ['amp', 'terms', 'stop-words'],
    ['rt', 'terms', 'stop-words'],
    ['19', 'terms', 'stop-words'],
    ['2020', 'terms', 'stop-words'],
    ['of the', 'bigrams', 'stop-words'],
    ['gt gt gt', 'trigrams', 'stop-words'],
    ['22 03 2020', 'trigrams', 'stop-words'],
    ['não', 'terms', 'stop-words'],
    ['vía', 'terms', 'stop-words'],
    ['de', 'terms', 'stop-words'],
    ['coronavirus', 'terms', null],
    ['covidー19', 'terms', null],
    ['coronavírus', 'terms', null],
    ['us', 'terms', null],
    ['covid 19', 'bigrams', null],
    ['coronavirus amp', 'bigrams', null],
    ['stay home', 'bigrams', null],
    ['via youtube', 'bigrams', null],
    ['janta curfew', 'bigrams', null],
    ['जनत कर', 'bigrams', null],
    ['هذه الأوقات العصيبة', 'trigrams', null],
    ['covid 19 pandemic', 'trigrams', null],
  ];
  for (const [token, kind, reason] of cases) {
    it(`${kind} ${JSON.stringify(token)} → ${reason ?? 'not noise'}`, () => {
      const t = real(token, kind);
      expect(noiseReason(t, kind)).toBe(reason);
      expect(isNoise(t, kind)).toBe(reason !== null);
    });
  }

  it('treats lone punctuation as noise and emoji as content (decided; none in the files)', () => {
    expect(parsed.counts.some((c) => !/[\p{L}\p{N}]/u.test(c.token))).toBe(false);
    expect(isNoise('…', 'terms')).toBe(true);
    expect(isNoise('!!', 'terms')).toBe(true);
    expect(isNoise('😷', 'terms')).toBe(false);
    expect(isNoise('https t.co', 'bigrams')).toBe(true);
    expect(isNoise('cafe\u0301', 'terms')).toBe(false);
  });

  it('flags as many tokens as the notes say', () => {
    const notes = manifest.notes.join('\n');
    for (const kind of ['terms', 'bigrams', 'trigrams'] as const) {
      const all = parsed.counts.filter((c) => c.kind === kind);
      const noise = all.filter((c) => isNoise(c.token, kind)).length;
      expect(notes).toContain(`${kind}: ${noise.toLocaleString('en-US')} of ${all.length.toLocaleString('en-US')}`);
    }
  });
});
