/**
 * Child process of pglite-tier-up.test.ts. `create DIR`: a new database in DIR as openPglite makes
 * it (in a child process of its own); `create-here`: in this process (startPglite). `glacier DIR`:
 * opens DIR with openPglite; `plain DIR`: with PGlite as it comes (nothing held back); both then
 * run statements enough to make the SQL parser hot (run with `--trace-wasm-compilation-times`,
 * V8 prints a line per compiled function). Each prints its peak RSS (MB) as JSON, last.
 */
import { PGlite } from '@electric-sql/pglite';
import { openPglite, startPglite } from './db-pglite.js';

const [mode, dir] = process.argv.slice(2);
if (mode === 'create' || mode === 'create-here') {
  await (await (mode === 'create' ? openPglite(dir) : startPglite(dir))).close();
  console.log(JSON.stringify({ maxRssMB: process.resourceUsage().maxRSS / 1024 }));
} else {
  const query = mode === 'plain' ? await plainQuery(dir) : await glacierQuery(dir);
  // Statements of many tokens, each parsed afresh.
  for (let i = 0; i < 300; i++) await query(`SELECT ${i} AS a, 'x' || ${i} AS b, (${i} + 1) * 2 AS c, CASE WHEN ${i} % 2 = 0 THEN 'even' ELSE 'odd' END AS d FROM generate_series(1, 3) g WHERE g > 0 ORDER BY 1`);
  // The parser's optimized compilation runs in the background: give it time to finish.
  await new Promise((r) => setTimeout(r, 2000));
  console.log(JSON.stringify({ maxRssMB: process.resourceUsage().maxRSS / 1024 }));
  process.exit(0);
}

async function glacierQuery(dir: string) {
  const db = await openPglite(dir);
  return (sql: string) => db.query(sql);
}

async function plainQuery(dir: string) {
  const pg = await PGlite.create({ dataDir: dir });
  return (sql: string) => pg.query(sql);
}
