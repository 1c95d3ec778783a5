import type { paths } from './api-types';

/** A typed client for the API: paths, queries and answers come from the OpenAPI document. */

type JsonGet = { get: { parameters: { query?: unknown }; responses: { 200: { content: { 'application/json': unknown } } } } };
export type GetPath = { [P in keyof paths]: paths[P] extends JsonGet ? P : never }[keyof paths];
export type ApiJson<P extends GetPath> = paths[P] extends JsonGet ? paths[P]['get']['responses'][200]['content']['application/json'] : never;
export type ApiQuery<P extends GetPath> = paths[P] extends JsonGet ? NonNullable<paths[P]['get']['parameters']['query']> : never;

/** An API error, with the API's code and message (shown to the person, not swallowed). */
export class ApiFailure extends Error {
  constructor(readonly status: number, readonly code: string, message: string) {
    super(message);
  }
}

/** The URL of a GET: path parameters filled in, empty query values left out. */
export function apiUrl<P extends GetPath>(path: P, query?: Partial<ApiQuery<P>> | Record<string, unknown>, params: Record<string, string> = {}): string {
  const filled = path.replace(/\{(\w+)\}/g, (_, k: string) => encodeURIComponent(params[k] ?? ''));
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(query ?? {})) if (v !== undefined && v !== null && v !== '') q.set(k, String(v));
  const text = q.toString().replace(/%2C/g, ',');
  return text ? `${filled}?${text}` : filled;
}

const memo = new Map<string, Promise<unknown>>();

/** GET JSON; answers are kept for the page's life (the server's data version changes rarely), failures are not. */
export function getJson<P extends GetPath>(path: P, query?: Partial<ApiQuery<P>> | Record<string, unknown>, params?: Record<string, string>): Promise<ApiJson<P>> {
  const url = apiUrl(path, query, params);
  let hit = memo.get(url);
  if (!hit) {
    hit = fetchJson(url);
    hit.catch(() => memo.delete(url));
    memo.set(url, hit);
    if (memo.size > 300) memo.delete(memo.keys().next().value!);
  }
  return hit as Promise<ApiJson<P>>;
}

async function fetchJson(url: string): Promise<unknown> {
  let res: Response;
  try {
    res = await fetch(url, { headers: { accept: 'application/json' } });
  } catch {
    throw new ApiFailure(0, 'ERR_NETWORK', 'The Glacier API cannot be reached. Is the server running?');
  }
  if (!res.ok) {
    const body = await res.json().catch(() => null);
    throw new ApiFailure(res.status, body?.error?.code ?? 'ERR_HTTP', body?.error?.message ?? `The API answered ${res.status} ${res.statusText}`);
  }
  return res.json();
}

/** GET text (CSV downloads): exactly the API's bytes. */
export async function getText(url: string): Promise<string> {
  const res = await fetch(url).catch(() => {
    throw new ApiFailure(0, 'ERR_NETWORK', 'The Glacier API cannot be reached.');
  });
  if (!res.ok) throw new ApiFailure(res.status, 'ERR_HTTP', `The API answered ${res.status}`);
  return res.text();
}

/** Whether the API has a route (model views are shown only where their routes exist). */
let openapiPaths: Promise<Set<string>> | undefined;
export function hasRoute(path: string): Promise<boolean> {
  openapiPaths ??= fetch('/openapi.json')
    .then((r) => (r.ok ? r.json() : { paths: {} }))
    .then((doc: { paths?: Record<string, unknown> }) => new Set(Object.keys(doc.paths ?? {})))
    .catch(() => new Set<string>());
  return openapiPaths.then((p) => p.has(path));
}
