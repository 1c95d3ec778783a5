// Regenerates docs/sources.md, docs/metrics.md and docs/cases.md from the manifests and the domain
// vocabularies. The test suite fails when a committed file differs (run `npm run docs`).
import { writeFile } from 'node:fs/promises';
import { caseDictionaryDoc } from '../src/query/case-dictionary.js';
import { metricsDoc, sourcesDoc } from '../src/sources/doc.js';

for (const [file, text] of [['sources.md', sourcesDoc()], ['metrics.md', metricsDoc()], ['cases.md', caseDictionaryDoc()]] as const) {
  await writeFile(new URL(`../docs/${file}`, import.meta.url), text);
  process.stdout.write(`docs/${file} written\n`);
}
