import { METRICS } from '../domain/metrics.js';
import { PRECEDENCE } from '../domain/precedence.js';
import type { SourceManifest } from '../domain/source.js';
import { gazetteerManifest } from '../gazetteer/manifest.js';
import { CONNECTORS } from './registry.js';

/** docs/sources.md: every source as its manifest describes it. */
export function sourcesDoc(): string {
  const manifests: SourceManifest[] = [...CONNECTORS.map((c) => c.manifest), gazetteerManifest];
  const out: string[] = [
    '# Sources',
    '',
    'Generated from the connector manifests (`src/sources/<id>/manifest.ts`) by `npm run docs:sources`; a test',
    'checks it is current. The same information is served at `/v1/sources`.',
    '',
    '| id | title | metrics | licence |',
    '|---|---|---|---|',
    ...manifests.map((m) => `| [\`${m.id}\`](#${m.id}) | ${m.title} | ${m.metrics.join(', ') || '—'} | [${m.license.name}](${m.license.url}) |`),
    '',
    '## Which source a value comes from by default',
    '',
    'For each date, `/v1/series` (`source=best`) takes the value from the first source in the list below whose',
    'series covers the date (first rule that matches the location and metric; see docs/data-model.md).',
    '',
    '| scope | levels | metrics | order | why |',
    '|---|---|---|---|---|',
    ...PRECEDENCE.map((r) => `| ${r.scope ?? 'any'} | ${r.levels?.join(', ') ?? 'any'} | ${r.metrics?.join(', ') ?? 'any'} | ${r.sources.join(' → ')} | ${r.why} |`),
    '',
  ];
  for (const m of manifests) {
    out.push(`## ${m.id}`, '', `**${m.title}** — ${m.publisher}. <${m.homepage}>`, '');
    out.push(`- Licence: [${m.license.name}](${m.license.url})${m.license.spdx ? ` (${m.license.spdx})` : ''}`);
    out.push(`- Redistribution: ${m.redistribution}`);
    out.push(`- Cadence: ${m.cadence}${m.frozenOn ? `; frozen since ${m.frozenOn} (content fetched later is dated to it)` : ''}`);
    out.push(`- Metrics: ${m.metrics.map((id) => `${id} (${METRICS[id].kind})`).join(', ') || '—'}; levels: ${m.levels.join(', ')}`);
    if (m.duplicatePlaces === 'sum') out.push('- Rows of one file that are parts of one place are summed.');
    if (m.sparse) out.push('- Sparse: the values are corrections, not series (no derived totals, missing-value rules or anomalies).');
    for (const d of m.discontinued ?? []) out.push(`- Discontinued: ${d.metric} after ${d.after}. ${d.note}${d.reference ? ` (${d.reference})` : ''}`);
    out.push('', '| file | upstream | mirror |', '|---|---|---|');
    for (const f of m.files) out.push(`| ${f.id} | ${f.url} | ${f.mirror.map((p) => (typeof p === 'string' ? `\`${p}\`` : `\`${p.path}\` (issue ${p.issue})`)).join('<br>')} |`);
    if (m.notes?.length) out.push('', ...m.notes.map((n) => `- ${n}`));
    out.push('');
  }
  return out.join('\n');
}
