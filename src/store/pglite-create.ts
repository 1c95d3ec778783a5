/**
 * Child process of db-pglite.ts (`createInChild`): creates a new embedded database in the folder
 * given (initdb, settings, first start), then exits. Run apart because creating a database peaks
 * far above using one, and a process's peak RSS stays: a process that made a new database itself
 * peaked at 838-914 MB on Node 20 and 1,079-1,201 MB on Node 24, and at 258 and 213 MB when this
 * child made it. The child holds V8's wasm tier-up back for the whole creation
 * (pglite-tier-up.ts): 761 MB instead of 914 on Node 20, 676 instead of 1,079 on Node 24, and
 * faster (Node 24: 4.65 → 4.15 s); its unoptimized code ends with it.
 */
import { startPglite } from './db-pglite.js';
import { withoutTierUp } from './pglite-tier-up.js';

const dir = process.argv[2];
if (!dir) throw new Error('usage: pglite-create.ts <dir>');
await withoutTierUp(async () => (await startPglite(dir)).close());
