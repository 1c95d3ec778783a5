import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generateOpenApi } from '../src/api/openapi.js';

describe('openapi.json', () => {
  it('is what the route schemas generate (run `npm run openapi` after changing a route)', async () => {
    expect(readFileSync(new URL('../openapi.json', import.meta.url), 'utf8')).toBe(await generateOpenApi());
  });
});
