import { ANOMALY_CODES, EXCLUDABLE_FROM_AVERAGE } from '../domain/anomalies.js';
import { METRICS, metricDefinitions } from '../domain/metrics.js';
import { MISSING_REASONS } from '../domain/missing.js';
import { PRECEDENCE } from '../domain/precedence.js';
import type { SourceManifest } from '../domain/source.js';
import { gazetteerManifest } from '../gazetteer/manifest.js';
import { DUPLICATE_ROW_POLICY_DOC } from './kit/duplicate-rows.js';
import { ALL_CONNECTORS } from './all-sources.js';
import { CONNECTORS } from './registry.js';

/** docs/sources.md: every source as its manifest describes it. */
export function sourcesDoc(): string {
  const manifests: SourceManifest[] = [...ALL_CONNECTORS.map((c) => c.manifest), gazetteerManifest];
  const out: string[] = [
    '# Sources',
    '',
    'Generated from the connector manifests (`src/sources/<id>/manifest.ts`) by `npm run docs`; a test',
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
    if (m.completeVintages) out.push('- Each copy is complete: a date a newer copy leaves out inside a series is missing as of that copy (not kept from the older one).');
    if (m.sparse) out.push('- Sparse: the values are corrections, not series (no derived totals, missing-value rules or anomalies).');
    for (const d of m.discontinued ?? []) out.push(`- Discontinued: ${d.metric} after ${d.after}. ${d.note}${d.reference ? ` (${d.reference})` : ''}`);
    out.push('', '| file | upstream | mirror |', '|---|---|---|');
    for (const f of m.files) out.push(`| ${f.id} | ${f.url} | ${f.mirror.map((p) => (typeof p === 'string' ? `\`${p}\`` : `\`${p.path}\` (issue ${p.issue})`)).join('<br>')} |`);
    if (m.notes?.length) out.push('', ...m.notes.map((n) => `- ${n}`));
    out.push('');
  }
  return out.join('\n');
}

/** docs/metrics.md: the metric vocabulary, which sources publish each metric, missing reasons and anomaly codes. */
export function metricsDoc(): string {
  const publishers = (id: string) => CONNECTORS.filter((c) => (c.manifest.metrics as readonly string[]).includes(id)).map((c) => `\`${c.manifest.id}\``);
  return [
    '# Metrics, missing reasons and anomaly codes',
    '',
    'Generated from `src/domain/metrics.ts`, `missing.ts`, `anomalies.ts`, the connector manifests and',
    '`src/sources/kit/duplicate-rows.ts` by `npm run docs`; a test checks it is current. `/v1/metrics` serves the',
    'same definitions.',
    '',
    '## Metrics',
    '',
    'Every source maps its columns onto this one list; a connector cannot emit a metric that is not in it.',
    '',
    '| id | title | kind | unit | counts increments of | definition | sources |',
    '|---|---|---|---|---|---|---|',
    ...metricDefinitions().map((d) => `| \`${d.id}\` | ${d.title} | ${d.kind} | ${d.unit} | ${d.of ?? ''} | ${d.description} | ${publishers(d.id).join(', ') || '—'} |`),
    '',
    '### Kinds',
    '',
    '| kind | what a value is | transforms (`/v1/series?transform=`) | missing-value rules and anomalies |',
    '|---|---|---|---|',
    '| cumulative | a count since the start, on that date | all: `cumulative` (as published), `daily`, `daily_7day_avg`, `per_100k`, `daily_per_100k`, `daily_7day_avg_per_100k` | every rule; every anomaly code |',
    '| daily | a count of that day, as the source published it (never recomputed from a cumulative one) | `cumulative` (as published) and `per_100k` | blank cells, declared discontinuation; negative_change (a negative daily count), backlog_dump, discontinued, duplicate_row |',
    '| average | the source\'s own rolling average of a daily count | `cumulative` (as published) and `per_100k` | blank cells, declared discontinuation; discontinued, duplicate_row |',
    '| stock | a count on the day (patients in hospital today) | `cumulative` (as published) and `per_100k` | blank cells, declared discontinuation; discontinued, duplicate_row |',
    '',
    'A daily figure recomputed from a cumulative series is a transform (`transform=daily` on `confirmed`), not',
    'the metric `new_confirmed`, which is what a source published as its daily count: the two differ where the',
    'source revised its cumulative series without revising its daily counts (ECDC and WHO did both).',
    '',
    '## Missing reasons',
    '',
    'A missing value is never 0; it says why (`missing_reason` in every format).',
    '',
    '| reason | meaning |',
    '|---|---|',
    ...Object.entries(MISSING_REASONS).map(([id, text]) => `| \`${id}\` | ${text} |`),
    '',
    '## Anomaly codes',
    '',
    'Flags mark a date of a series; the value stays as published. Served inline (`flags` in `/v1/series`) and',
    'listed by `/v1/anomalies`.',
    '',
    '| code | meaning | left out of a 7-day average with `exclude_anomalies=true` |',
    '|---|---|---|',
    ...Object.entries(ANOMALY_CODES).map(([code, text]) => `| \`${code}\` | ${text} | ${(EXCLUDABLE_FROM_AVERAGE as readonly string[]).includes(code) ? 'yes' : 'no'} |`),
    '',
    '### Duplicate rows',
    '',
    ...DUPLICATE_ROW_POLICY_DOC,
    '',
  ].join('\n');
}
