/**
 * Child process: the DuckDB reference. Loads the CSV files given as a JSON array in argv[2]
 * with DuckDB's native read_csv and UNPIVOT (one row per place × date) into tables of an
 * in-memory database, and counts the rows. Prints one JSON line (DuckdbChildResult).
 */
import { DuckDBInstance } from '@duckdb/node-api';

export interface DuckdbChildResult {
  /** Wall time of loading and counting (not the instance creation). */
  wallMs: number;
  /** Rows in the unpivoted tables (one per place × date). */
  values: number;
  maxRssMB: number;
  threads: number;
  version: string;
}

const files = JSON.parse(process.argv[2] ?? '[]') as string[];
if (!files.length) throw new Error('usage: duckdb-child.ts <json array of csv paths>');

const instance = await DuckDBInstance.create(':memory:');
const conn = await instance.connect();
try {
  const t0 = performance.now();
  for (const [i, file] of files.entries()) {
    const literal = `'${file.replaceAll("'", "''")}'`;
    await conn.run(
      `CREATE TABLE t${i} AS UNPIVOT (SELECT * FROM read_csv(${literal}, header = true)) ON COLUMNS('^\\d+/\\d+/\\d+$') INTO NAME d VALUE v`,
    );
  }
  let values = 0;
  for (const i of files.keys()) {
    const r = await conn.runAndReadAll(`SELECT count(*) FROM t${i}`);
    values += Number(r.getRows()[0][0]);
  }
  const wallMs = performance.now() - t0;
  const settings = await conn.runAndReadAll(`SELECT current_setting('threads'), version()`);
  const [threads, version] = settings.getRows()[0];
  const result: DuckdbChildResult = { wallMs, values, maxRssMB: process.resourceUsage().maxRSS / 1024, threads: Number(threads), version: String(version) };
  console.log(JSON.stringify(result));
} finally {
  conn.closeSync();
  instance.closeSync();
}
