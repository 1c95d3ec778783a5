import { NGRAM_KINDS, type NgramKind } from '../domain/chatter.js';
import { isNoise } from '../sources/twitter-chatter/noise.js';
import type { Db } from '../store/db.js';
import { chatterDates, tokenSeries, topNgrams } from '../store/read-chatter.js';
import { QueryError } from './errors.js';

/** Twitter chatter: a day's top n-grams, and one n-gram's daily series. */

async function knownDate(db: Db, date: string | undefined): Promise<string> {
  const dates = await chatterDates(db);
  if (!dates.length) throw new QueryError('ERR_NO_DATA', 'no chatter is held here (ingest twitter-chatter)', 'date');
  if (date === undefined) return dates[dates.length - 1];
  if (!dates.includes(date)) throw new QueryError('ERR_NO_DATA', `no chatter on ${date} (days held: ${dates.join(', ')})`, 'date');
  return date;
}

export async function chatterTop(db: Db, r: { date?: string; kind: NgramKind; n: number; filter: 'none' | 'noise' }): Promise<{ date: string; kind: NgramKind; removed: number; data: { rank: number; token: string; count: number }[] }> {
  const date = await knownDate(db, r.date);
  const all = await topNgrams(db, date, r.kind);
  const kept = r.filter === 'noise' ? all.filter((x) => !isNoise(x.token, r.kind)) : all;
  return { date, kind: r.kind, removed: all.length - kept.length, data: kept.slice(0, r.n) };
}

export async function chatterTerm(db: Db, r: { term: string; kind?: NgramKind }): Promise<{ term: string; kind: NgramKind; data: { date: string; count: number | null; rank: number | null; share: number | null }[] }> {
  const term = r.term.normalize('NFC').trim();
  if (!term) throw new QueryError('ERR_BAD_PARAMETER', 'term: give a term', 'term');
  const words = term.split(/\s+/).length;
  const kind = r.kind ?? NGRAM_KINDS[Math.min(words, 3) - 1];
  const rows = await tokenSeries(db, term, kind);
  if (!rows.length) throw new QueryError('ERR_NO_DATA', 'no chatter is held here (ingest twitter-chatter)', 'term');
  // A day the term is not in the top list: its count is unknown (below the list's last), not 0.
  return { term, kind, data: rows.map((x) => ({ date: x.date, count: x.count, rank: x.rank, share: x.count === null ? null : x.count / x.day_total })) };
}
