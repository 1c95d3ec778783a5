import type { Db } from './db.js';

/** Read side of the chatter n-grams (src/query/chatter.ts). */

export async function chatterDates(db: Db): Promise<string[]> {
  const rows = await db.query<{ date: string }>('SELECT DISTINCT date FROM chatter_ngrams ORDER BY date');
  return rows.map((r) => r.date);
}

/** One day's list of one kind, by rank. */
export async function topNgrams(db: Db, date: string, kind: string): Promise<{ rank: number; token: string; count: number }[]> {
  return db.query('SELECT rank, token, count FROM chatter_ngrams WHERE date = $1 AND kind = $2 ORDER BY rank', [date, kind]);
}

/** A token's count each day it is listed, with the day's total count over the list (for its share). */
export async function tokenSeries(db: Db, token: string, kind: string): Promise<{ date: string; count: number | null; rank: number | null; day_total: number }[]> {
  return db.query(
    `SELECT d.date, t.count, t.rank, d.total::int AS day_total
     FROM (SELECT date, sum(count) AS total FROM chatter_ngrams WHERE kind = $2 GROUP BY date) d
     LEFT JOIN chatter_ngrams t ON t.date = d.date AND t.kind = $2 AND t.token = $1
     ORDER BY d.date`,
    [token, kind],
  );
}
