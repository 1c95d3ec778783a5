// Regenerates docs/sources.md from the connector manifests. The test suite fails when the
// committed file differs (run `npm run docs:sources` after changing a manifest).
import { writeFile } from 'node:fs/promises';
import { sourcesDoc } from '../src/sources/doc.js';

await writeFile(new URL('../docs/sources.md', import.meta.url), sourcesDoc());
process.stdout.write('docs/sources.md written\n');
