import { listSources } from '../../store/read-sources.js';
import type { Db } from '../../store/db.js';
import { ALL_CONNECTORS } from '../../sources/all-sources.js';

/** Every known source with its licence and, once ingested, its last run and coverage. */
export async function printSources(db: Db): Promise<void> {
  const stored = new Map((await listSources(db)).map((s) => [s.id, s]));
  for (const c of ALL_CONNECTORS) {
    const m = c.manifest;
    const s = stored.get(m.id);
    const last = s?.last_run ? `last run ${s.last_run.id} ${s.last_run.status} ${s.last_run.finished_at ?? ''}` : 'never ingested';
    const coverage = s?.data_end ? `data ${s.data_start} .. ${s.data_end}` : '';
    process.stdout.write(`${m.id.padEnd(12)} ${m.title}\n${''.padEnd(12)} licence: ${m.license.name} (${m.license.url})\n${''.padEnd(12)} ${last}${coverage ? `; ${coverage}` : ''}\n`);
  }
}
