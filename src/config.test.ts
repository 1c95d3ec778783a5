import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

describe('loadConfig', () => {
  const cwd = '/srv/glacier';

  it('defaults to embedded PGlite under ./.glacier, upstream files, 127.0.0.1:8080', () => {
    expect(loadConfig({}, {}, cwd)).toEqual({
      database: { kind: 'pglite', dir: path.join(cwd, '.glacier/db') },
      readDatabase: null,
      workers: 1,
      dataDir: path.join(cwd, '.glacier'),
      mirror: null,
      host: '127.0.0.1',
      port: 8080,
      refreshMs: 6 * 3_600_000,
      adminToken: null,
      rateLimit: null,
      expensiveConcurrency: null,
    });
  });

  it('runs one server process per core on PostgreSQL by default, the number asked for with --workers / GLACIER_WORKERS', () => {
    const pg = { DATABASE_URL: 'postgres://u@db/glacier' };
    expect(loadConfig(pg, {}, cwd, 4).workers).toBe(4);
    expect(loadConfig({ ...pg, GLACIER_WORKERS: '3' }, {}, cwd, 4).workers).toBe(3);
    expect(loadConfig({ ...pg, GLACIER_WORKERS: '3' }, { workers: '2' }, cwd, 4).workers).toBe(2);
    for (const bad of ['0', '65', '1.5', 'all', '-1']) expect(() => loadConfig(pg, { workers: bad }, cwd, 4)).toThrow(/--workers \/ GLACIER_WORKERS must be a whole number/);
  });

  it('runs one process on the embedded database and refuses more (its files belong to one process)', () => {
    expect(loadConfig({}, {}, cwd, 8).workers).toBe(1);
    expect(loadConfig({ GLACIER_WORKERS: '1' }, {}, cwd, 8).workers).toBe(1);
    expect(() => loadConfig({}, { workers: '2' }, cwd, 8)).toThrow(/GLACIER_WORKERS 2 needs PostgreSQL/);
    expect(() => loadConfig({ DATABASE_URL: 'memory://', GLACIER_WORKERS: '2' }, {}, cwd, 8)).toThrow(ConfigError);
  });

  it('reads from DATABASE_READ_URL only beside a PostgreSQL primary, and never echoes its password', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://u@primary/g', DATABASE_READ_URL: 'postgresql://u@replica/g' }, {}, cwd).readDatabase).toEqual({ kind: 'postgres', url: 'postgresql://u@replica/g' });
    expect(() => loadConfig({ DATABASE_READ_URL: 'postgres://u@replica/g' }, {}, cwd)).toThrow(/needs DATABASE_URL to be the PostgreSQL primary/);
    expect(() => loadConfig({ DATABASE_URL: 'postgres://u@primary/g', DATABASE_READ_URL: 'mysql://u:secret@replica/g' }, {}, cwd)).toThrow(/DATABASE_READ_URL must be postgres:\/\/.*u:\*\*\*@replica/);
  });

  it('bounds expensive work to GLACIER_EXPENSIVE_CONCURRENCY answers at once (1 to 64)', () => {
    expect(loadConfig({ GLACIER_EXPENSIVE_CONCURRENCY: '4' }, {}, cwd).expensiveConcurrency).toBe(4);
    for (const bad of ['0', '65', '1.5', 'many', '-2']) expect(() => loadConfig({ GLACIER_EXPENSIVE_CONCURRENCY: bad }, {}, cwd)).toThrow(ConfigError);
  });

  it('limits each client’s request rate only when GLACIER_RATE_LIMIT says so: 120/min, 10/s, 5000/h, off', () => {
    expect(loadConfig({ GLACIER_RATE_LIMIT: '120/min' }, {}, cwd).rateLimit).toEqual({ max: 120, windowMs: 60_000 });
    expect(loadConfig({ GLACIER_RATE_LIMIT: ' 10 / s ' }, {}, cwd).rateLimit).toEqual({ max: 10, windowMs: 1000 });
    expect(loadConfig({ GLACIER_RATE_LIMIT: '5000/H' }, {}, cwd).rateLimit).toEqual({ max: 5000, windowMs: 3_600_000 });
    expect(loadConfig({ GLACIER_RATE_LIMIT: 'off' }, {}, cwd).rateLimit).toBeNull();
    for (const bad of ['120', '0/min', '1.5/s', '120/day', 'lots', '-1/s']) {
      expect(() => loadConfig({ GLACIER_RATE_LIMIT: bad }, {}, cwd)).toThrow(ConfigError);
    }
  });

  it('refreshes every 6 h from upstream, never by default from a mirror; parses 30m, 6h, 1d, off', () => {
    expect(loadConfig({ GLACIER_MIRROR: '/data' }, {}, cwd).refreshMs).toBeNull();
    expect(loadConfig({ GLACIER_MIRROR: '/data', GLACIER_REFRESH: '1d' }, {}, cwd).refreshMs).toBe(86_400_000);
    expect(loadConfig({ GLACIER_REFRESH: '30m' }, {}, cwd).refreshMs).toBe(30 * 60_000);
    expect(loadConfig({ GLACIER_REFRESH: '6h' }, { refresh: 'off' }, cwd).refreshMs).toBeNull();
    expect(loadConfig({}, { refresh: ' 2H ' }, cwd).refreshMs).toBe(2 * 3_600_000);
    for (const bad of ['6', '0h', '10s', '1.5h', 'hourly', '-1d', '9999999d']) {
      expect(() => loadConfig({ GLACIER_REFRESH: bad }, {}, cwd)).toThrow(ConfigError);
    }
  });

  it('takes an admin token of at least 16 characters', () => {
    expect(loadConfig({ GLACIER_ADMIN_TOKEN: 'x'.repeat(16) }, {}, cwd).adminToken).toBe('x'.repeat(16));
    expect(() => loadConfig({ GLACIER_ADMIN_TOKEN: 'short' }, {}, cwd)).toThrow(/at least 16 characters long \(got 5\)/);
  });

  it('reads the environment and lets CLI flags override it', () => {
    const env = { DATABASE_URL: 'postgres://u:secret@db:5432/g', GLACIER_DATA_DIR: '/var/lib/glacier', GLACIER_MIRROR: 'mirror', HOST: '0.0.0.0', PORT: '9000' };
    const c = loadConfig(env, {}, cwd);
    expect(c).toMatchObject({ database: { kind: 'postgres', url: env.DATABASE_URL }, dataDir: '/var/lib/glacier', mirror: path.join(cwd, 'mirror'), host: '0.0.0.0', port: 9000 });
    expect(loadConfig(env, { databaseUrl: 'memory://', port: '0', mirror: '/data' }, cwd)).toMatchObject({ database: { kind: 'pglite-memory' }, port: 0, mirror: '/data' });
    expect(loadConfig({ DATABASE_URL: 'pglite:///tmp/x' }, {}, cwd).database).toEqual({ kind: 'pglite', dir: '/tmp/x' });
  });

  it('fails fast with a clear message, never echoing a password', () => {
    expect(() => loadConfig({ PORT: 'eighty' }, {}, cwd)).toThrow(new ConfigError('PORT must be an integer from 0 to 65535 (got "eighty")'));
    expect(() => loadConfig({ DATABASE_URL: 'mysql://root:hunter2@x/db' }, {}, cwd)).toThrow(/DATABASE_URL must be postgres:\/\/…, memory:\/\/ or pglite:\/\/DIR \(got "mysql:\/\/root:\*\*\*@x\/db"\)/);
  });
});
