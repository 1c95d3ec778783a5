// Copies the non-TypeScript files the code reads at run time (SQL migrations, reference
// tables) next to the compiled JavaScript in dist/.
import { cp, readdir } from 'node:fs/promises';
import path from 'node:path';

const ASSETS = /\.(sql|csv)$/;

async function walk(dir) {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const from = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'fixtures') await walk(from);
    } else if (ASSETS.test(entry.name)) {
      await cp(from, path.join('dist', from));
    }
  }
}
await walk('src');
