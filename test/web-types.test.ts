import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generateWebTypes, WEB_TYPES_FILE } from '../scripts/write-web-types.js';

describe('web/src/api-types.ts', () => {
  it('is what openapi.json generates (run `npm run web:types` after `npm run openapi`)', async () => {
    expect(readFileSync(WEB_TYPES_FILE, 'utf8')).toBe(await generateWebTypes());
  });
});
