import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { API_ERRORS } from './errors.js';

describe('error registry', () => {
  it('is documented code by code, with its status, in docs/api.md', () => {
    const doc = readFileSync(new URL('../../docs/api.md', import.meta.url), 'utf8');
    for (const [code, { status }] of Object.entries(API_ERRORS)) expect(doc).toMatch(new RegExp(`\\| \`${code}\` \\| ${status} \\|`));
  });
});
