import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { OPERATION_IDS } from '../src/api/operation-ids.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const doc = JSON.parse(readFileSync(new URL('../openapi.json', import.meta.url), 'utf8')) as {
  paths: Record<string, Record<string, { operationId?: string; responses: Record<string, unknown> }>>;
};
const operations = Object.entries(doc.paths).flatMap(([path, item]) => Object.entries(item).map(([method, op]) => ({ path, method: method.toUpperCase(), op })));

interface LintReport {
  totals: { errors: number; warnings: number };
  problems: { ruleId: string; severity: string; message: string; location: { pointer: string }[] }[];
}

describe('openapi.json', () => {
  // Redocly CLI has no Node API (its package is a bundled command), so the test runs the command.
  it("passes Redocly's recommended ruleset with no error and no warning", async () => {
    const cli = fileURLToPath(new URL('../node_modules/@redocly/cli/bin/cli.js', import.meta.url));
    const { stdout } = await promisify(execFile)(process.execPath, [cli, 'lint', 'openapi.json', '--config', 'redocly.yaml', '--format', 'json'], {
      cwd: root,
      // No telemetry and no update check: the suite runs offline.
      env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
    }).catch((e: { stdout?: string }) => ({ stdout: e.stdout ?? '' }));
    const report = JSON.parse(stdout) as LintReport;
    expect(report.problems.map((p) => `${p.severity} ${p.ruleId} at ${p.location[0]?.pointer}: ${p.message}`)).toEqual([]);
    expect(report.totals).toMatchObject({ errors: 0, warnings: 0 });
  });

  it('gives every operation the stable operationId of operation-ids.ts, each used once', () => {
    expect(operations.length).toBeGreaterThanOrEqual(19);
    for (const { path, method, op } of operations) {
      const url = path.replace(/\{(\w+)\}/g, ':$1');
      expect(op.operationId, `${method} ${path}`).toBe(OPERATION_IDS[`${method} ${url}`]);
      expect(op.operationId, `${method} ${path}`).toMatch(/^[a-z][A-Za-z]+$/);
    }
    const ids = operations.map((o) => o.op.operationId);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('documents a coded 4xx and the 5xx answers on every operation', () => {
    for (const { path, method, op } of operations) {
      const statuses = Object.keys(op.responses);
      expect(statuses, `${method} ${path}`).toEqual(expect.arrayContaining(['400', '500', '503']));
      if (path.includes('{')) expect(statuses, `${method} ${path}`).toContain('404');
      if (method === 'POST') expect(statuses, `${method} ${path}`).toEqual(expect.arrayContaining(['413', '415']));
    }
  });
});
