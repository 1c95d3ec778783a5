import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ExpensiveWork, Slicer, type ExpensiveLimits } from '../query/expensive.js';
import { sendCached, type Body } from './response-cache.js';

/**
 * Routes whose answer is expensive (compare, discrepancies, models) build it through the app's
 * gate (src/query/expensive.ts): identical concurrent requests share one build, at most a few
 * builds run at once, each within its time budget. The finished body is kept by the response
 * cache (by URL and data version, bounded in bytes), so the gate does not keep it twice.
 */
export async function sendExpensive(
  app: FastifyInstance,
  req: FastifyRequest,
  reply: FastifyReply,
  build: (version: number, slicer: Slicer) => Promise<Body>,
): Promise<FastifyReply> {
  return sendCached(req, reply, app.cache, (version) => app.expensive.run({ key: `body ${req.url}`, version, compute: (signal) => build(version, new Slicer(signal)) }));
}

/** The gate, one per app: `app.expensive`. */
export function decorateExpensiveWork(app: FastifyInstance, limits: Partial<ExpensiveLimits> = {}): ExpensiveWork {
  const work = new ExpensiveWork(limits);
  app.decorate('expensive', work);
  return work;
}

declare module 'fastify' {
  interface FastifyInstance {
    expensive: ExpensiveWork;
  }
}
