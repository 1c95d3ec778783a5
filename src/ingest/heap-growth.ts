import { heldV8Flag } from '../lib/v8-flag.js';

/**
 * How far V8 lets its heap grow while an ingest runs. After each full collection V8 lets the old
 * generation grow to a factor of what survived it before collecting again, a factor of up to 4
 * on a machine whose heap limit is 2 GB or more (every 64-bit machine with 4 GB of memory or
 * more). An ingest promotes garbage at a high rate (parsed vintages, readings, the rules'
 * buffers: about 1.4 GB over every source in the mirror) while 50-100 MB stay live, so with the
 * factor of 4 most of its peak RSS was garbage V8 had not yet collected: on PGlite, every
 * source peaked at 628-675 MB, against 594-595 MB with a factor of 2 (src/ingest/README.md,
 * "Eighth pass"), for about 2 % more CPU.
 *
 * On PostgreSQL, where the database's memory is the server's, the ingest keeps V8's own choice:
 * every source peaked at 479-505 MB with it and 447-457 MB with a factor of 2, which cost 2 s
 * more CPU (6 %) where the time goal is the tighter one.
 *
 * On Node 24 (V8 13) the setting takes effect too (a test pattern: 5 full collections instead of
 * 3), but gains nothing measurable there: every source on PGlite peaked at 716-733 MB with
 * factors of 1 (V8's choice), 1.3, 1.5 and 2 (src/ingest/README.md, "Ninth pass").
 *
 * `--heap-growing-percent` fixes the factor at 1 + percent / 100; V8 reads it at every full
 * collection, so it takes effect when set at run time, and 0 (its default) gives the choice back
 * to V8. It is a process-wide setting: the server's requests in the same process share it while
 * an ingest runs.
 */
export const INGEST_HEAP_GROWING_PERCENT = 100;

const growth = heldV8Flag(`--heap-growing-percent=${INGEST_HEAP_GROWING_PERCENT}`, '--heap-growing-percent=0');

/** Whether an ingest's heap growth is in force. */
export const ingestHeapGrowthActive = growth.held;

/** Runs `work` (an ingest) with the heap growth above; V8's own choice is back once no ingest runs. */
export const withIngestHeapGrowth = growth.run;
