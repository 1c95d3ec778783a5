// Regenerates docs/sources.md and docs/metrics.md from the manifests and the domain
// vocabularies. The test suite fails when a committed file differs (run `npm run docs`).
import { writeFile } from 'node:fs/promises';
import { metricsDoc, sourcesDoc } from '../src/sources/doc.js';

for (const [file, text] of [['sources.md', sourcesDoc()], ['metrics.md', metricsDoc()]] as const) {
  await writeFile(new URL(`../docs/${file}`, import.meta.url), text);
  process.stdout.write(`docs/${file} written\n`);
}
