import helmet from 'helmet';
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance } from 'fastify';
import { QueryError } from '../query/errors.js';
import type { ExpensiveLimits } from '../query/expensive.js';
import { decorateExpensiveWork } from './expensive-route.js';

/** What a public server bounds: expensive work, each client's request rate, and what browsers may do with the pages. */
export interface ServingLimits {
  /**
   * The expensive-work gate (src/query/expensive.ts); defaults: 1 at once on PGlite (its queries run
   * on this thread: two jobs would only interleave, and a cheap request waits behind a slice of each),
   * 2 on PostgreSQL (the database works in its own processes); 32 queued, 60 s, 256 MiB kept.
   */
  expensive?: Partial<ExpensiveLimits>;
  /** Requests per client (IP) per window; null or absent: no limit (GLACIER_RATE_LIMIT). */
  rateLimit?: { max: number; windowMs: number } | null;
  /** Security headers (helmet), on unless false. */
  securityHeaders?: boolean;
}

/**
 * The Content-Security-Policy: everything from this origin only. The dashboard (dist/web) and
 * Swagger UI (/docs) load their scripts, styles, fonts and JSON from here; both set inline style
 * attributes (d3's SVG, Swagger's React), and Swagger UI shows data: images. No
 * upgrade-insecure-requests: a self-hosted server is often reached over plain http, where that
 * directive would send every asset request to an https port that does not answer.
 * Tested in Chromium with no violation on / and /docs (test/e2e/security-headers.e2e.test.ts).
 */
export const CONTENT_SECURITY_POLICY = {
  defaultSrc: ["'self'"],
  baseUri: ["'self'"],
  connectSrc: ["'self'"],
  fontSrc: ["'self'", 'data:'],
  formAction: ["'self'"],
  frameAncestors: ["'self'"],
  imgSrc: ["'self'", 'data:'],
  objectSrc: ["'none'"],
  scriptSrc: ["'self'"],
  scriptSrcAttr: ["'none'"],
  styleSrc: ["'self'", "'unsafe-inline'"],
  upgradeInsecureRequests: null,
};

/** Whether a request is for the dashboard's embed view: its page (`/` or `/index.html`) with `embed=1`. */
export const isEmbedView = (url: string) => /^\/(index\.html)?\?(.*&)?embed=1(&|$)/.test(url);

/** Registers the gate, then (before any route, so they cover all) the rate limit and security headers. */
export async function registerServingLimits(app: FastifyInstance, limits: ServingLimits = {}): Promise<void> {
  decorateExpensiveWork(app, { concurrency: app.db.kind === 'pglite' ? 1 : 2, ...limits.expensive });
  if (limits.securityHeaders !== false) {
    // helmet's middleware, built once: @fastify/helmet builds it again on every request (parsing the
    // CSP each time), which cost ~8% of the server's CPU on a cached /v1/series.
    const setHeaders = helmet({
      contentSecurityPolicy: { useDefaults: false, directives: CONTENT_SECURITY_POLICY },
      // Open data: other sites may embed the CSV and JSON (CORS is open too).
      crossOriginResourcePolicy: { policy: 'cross-origin' },
    });
    // The dashboard's embed view (`/?…&embed=1`, docs/dashboard.md "For storytellers") is made to
    // be framed by other sites: that document alone may have any ancestor (no X-Frame-Options).
    const embedHeaders = helmet({
      contentSecurityPolicy: { useDefaults: false, directives: { ...CONTENT_SECURITY_POLICY, frameAncestors: ['*'] } },
      crossOriginResourcePolicy: { policy: 'cross-origin' },
      xFrameOptions: false,
    });
    app.addHook('onRequest', (req, reply, done) => (isEmbedView(req.url) ? embedHeaders : setHeaders)(req.raw, reply.raw, (err?: unknown) => done(err as Error | undefined)));
  }
  if (limits.rateLimit) {
    const { max, windowMs } = limits.rateLimit;
    await app.register(rateLimit, {
      max,
      timeWindow: windowMs,
      // Thrown as the registry's error: the error handler answers 429 with the coded body; the
      // plugin has already set Retry-After and the x-ratelimit-* headers.
      errorResponseBuilder: (_req, ctx) => new QueryError('ERR_RATE_LIMITED', `more than ${ctx.max} requests in ${ctx.after}; try again in ${Math.ceil(ctx.ttl / 1000)} s`, undefined, Math.ceil(ctx.ttl / 1000)),
    });
  }
}
