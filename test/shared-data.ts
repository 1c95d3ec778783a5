import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The team's real data files (../shared/data beside the repository, or GLACIER_SHARED_DATA). */
export const SHARED_DATA = process.env.GLACIER_SHARED_DATA ?? path.resolve(fileURLToPath(new URL('..', import.meta.url)), '../shared/data');

if (!existsSync(SHARED_DATA)) {
  throw new Error(`Test data folder not found: ${SHARED_DATA}. Put ../shared/data beside the repository or set GLACIER_SHARED_DATA.`);
}

export function dataPath(...parts: string[]): string {
  return path.join(SHARED_DATA, ...parts);
}
