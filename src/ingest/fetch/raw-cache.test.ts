import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createRawCache } from './raw-cache.js';

describe('createRawCache', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'glacier-raw-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('returns null when nothing is cached', async () => {
    expect(await createRawCache(dir).read('jhu', 'confirmed')).toBeNull();
  });

  it('round-trips bytes and validators under <dir>/<source>/<file>, leaving no temp files', async () => {
    const cache = createRawCache(dir);
    const raw = Buffer.from([0x1f, 0x8b, 1, 2, 3]);
    await cache.write('jhu', 'confirmed', raw, { etag: '"e1"', lastModified: 'Thu, 09 Mar 2023 00:00:00 GMT', url: 'https://h/x' });
    expect((await readFile(path.join(dir, 'jhu', 'confirmed'))).equals(raw)).toBe(true);
    expect(await cache.read('jhu', 'confirmed')).toEqual({
      raw,
      etag: '"e1"',
      lastModified: 'Thu, 09 Mar 2023 00:00:00 GMT',
      url: 'https://h/x',
    });
    expect((await readdir(path.join(dir, 'jhu'))).sort()).toEqual(['confirmed', 'confirmed.validators.json']);
  });

  it('overwrites the previous copy', async () => {
    const cache = createRawCache(dir);
    await cache.write('s', 'f', Buffer.from('old'), { etag: 'a' });
    await cache.write('s', 'f', Buffer.from('new'), {});
    const got = await cache.read('s', 'f');
    expect(got?.raw.toString()).toBe('new');
    expect(got?.etag).toBeUndefined();
  });

  it('ignores validators that do not belong to the bytes on disk', async () => {
    const cache = createRawCache(dir);
    await cache.write('s', 'f', Buffer.from('v1'), { etag: '"v1"' });
    await writeFile(path.join(dir, 's', 'f'), 'v2'); // e.g. a crash between the two renames
    expect(await cache.read('s', 'f')).toEqual({ raw: Buffer.from('v2') });
    await writeFile(path.join(dir, 's', 'f.validators.json'), '{not json');
    expect(await cache.read('s', 'f')).toEqual({ raw: Buffer.from('v2') });
  });

  it('rejects ids that would escape the folder', async () => {
    const cache = createRawCache(dir);
    await expect(cache.read('..', 'f')).rejects.toThrow(/source id/);
    await expect(cache.write('s', 'a/b', Buffer.from('x'))).rejects.toThrow(/file id/);
  });
});
