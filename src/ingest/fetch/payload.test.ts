import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { FetchError } from './errors.js';
import { decodePayload, isGzip } from './payload.js';

const csv = Buffer.from('Province/State,Country/Region,1/22/20\n,Afghanistan,0\n');
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

describe('decodePayload', () => {
  it('passes plain bytes through with their sha256 and size', () => {
    const d = decodePayload(csv, 'a.csv');
    expect(d).toEqual({ body: csv, bytes: csv.length, sha256: sha(csv), compressed: false });
  });

  it('gunzips gzip and fingerprints the compressed bytes', () => {
    const gz = gzipSync(csv);
    const d = decodePayload(gz, 'a.csv.gz');
    expect(d.compressed).toBe(true);
    expect(d.body.equals(csv)).toBe(true);
    expect(d.bytes).toBe(gz.length);
    expect(d.sha256).toBe(sha(gz));
    expect(d.sha256).not.toBe(sha(csv));
  });

  it('goes by the magic bytes, not the name', () => {
    expect(decodePayload(gzipSync(csv), 'https://host/file.csv').body.equals(csv)).toBe(true);
    expect(decodePayload(csv, 'file.csv.gz')).toMatchObject({ compressed: false, body: csv });
    expect(isGzip(Buffer.from([0x1f]))).toBe(false);
  });

  it('throws CORRUPT_GZIP naming the file on truncated gzip', () => {
    const truncated = gzipSync(csv).subarray(0, 20);
    let err: unknown;
    try {
      decodePayload(truncated, '/mirror/jhu/x.csv.gz');
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(FetchError);
    expect((err as FetchError).code).toBe('CORRUPT_GZIP');
    expect((err as FetchError).message).toContain('/mirror/jhu/x.csv.gz');
    expect((err as FetchError).message).not.toContain('\n');
  });

  it('throws CORRUPT_GZIP on garbage after the magic', () => {
    const bad = Buffer.concat([Buffer.from([0x1f, 0x8b]), Buffer.from('not really gzip at all')]);
    expect(() => decodePayload(bad, 'bad.gz')).toThrow(expect.objectContaining({ code: 'CORRUPT_GZIP' }));
  });
});
