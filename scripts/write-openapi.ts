// Regenerates openapi.json from the route schemas. The test suite fails when the committed
// file differs from what the code generates (run `npm run openapi` after changing a route).
import { writeFile } from 'node:fs/promises';
import { generateOpenApi } from '../src/api/openapi.js';

await writeFile(new URL('../openapi.json', import.meta.url), await generateOpenApi());
process.stdout.write('openapi.json written\n');
