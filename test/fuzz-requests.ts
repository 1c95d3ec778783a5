import fc from 'fast-check';

/**
 * Request generators for the API fuzz test (api-fuzz.test.ts), built from the operations of
 * openapi.json: each parameter gets valid values (enums, defaults, examples, real location keys,
 * metrics and sources, real dates), edge values (bounds, empty, 0, impossible and leap dates) and
 * hostile ones (NUL bytes, 10 kB strings, 2^53+1, 1e309, -0, unicode); requests sometimes repeat a
 * parameter, add an unknown one, break the percent-encoding or use another method; POST routes
 * get valid, mutated, malformed and oversized JSON bodies under right and wrong content types.
 */

export interface Parameter {
  in: 'query' | 'path';
  name: string;
  required?: boolean;
  schema: Record<string, unknown>;
  /** Where the generator puts a path parameter's documented example. */
  example?: unknown;
}
export interface Operation {
  path: string;
  method: string;
  parameters?: Parameter[];
  requestBody?: unknown;
}
export interface Vocabulary {
  metrics: string[];
  sources: string[];
  /** The bearer token of the admin routes. */
  adminToken: string;
}
export interface FuzzRequest {
  /** "METHOD /path" of the operation aimed at. */
  operation: string;
  method: 'GET' | 'POST' | 'HEAD' | 'OPTIONS' | 'DELETE' | 'PUT';
  url: string;
  headers: Record<string, string>;
  payload?: string;
}

/** Keys of the fixture (JHU global, a JHU US subset, WHO): countries, states, a county, and keys that do not exist. */
const LOCATIONS = ['DE', 'FR', 'IT', 'US', 'US_CA', 'US_WA', 'US_NY', 'US_PR', 'US_CA_06037', 'US_WA_53033', 'CN', 'CN_HB', 'BR', 'NA', 'GB'];
const UNKNOWN_LOCATIONS = ['XX', 'de', 'US_ZZ', 'US_CA_99999', ''];
const SATURDAYS = ['2020-04-25', '2020-05-02', '2020-10-03', '2021-01-02', '2022-06-04', '2023-03-04'];

const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const realDate = fc.integer({ min: Date.UTC(2019, 11, 1) / DAY, max: Date.UTC(2023, 11, 31) / DAY }).map((d) => iso(d * DAY));
const edgeDate = fc.constantFrom('2020-02-29', '2021-02-29', '2020-02-30', '2020-13-01', '2020-00-10', '0000-01-01', '9999-12-31', '2020-1-1', '20200101', '2020-01-22', '2023-03-09', '2023-03-10');

const HOSTILE = [
  '\u0000', 'DE\u0000', '\u0000DE', 'a\u0007b', 'A'.repeat(10_000), 'DE,'.repeat(3000), '9007199254740993', '-9007199254740993', '1e309', '-1e309',
  'NaN', 'Infinity', '-Infinity', '-0', '0x10', '1_000', '1.5', ' 1', '𝔘ñí©ødé ☃', '\u202eDE', '\ud83d', "' OR 1=1 --", '%', '%00', '../../etc/passwd',
  ' ', '', ',', ',,,', 'true', 'null', '[]', '{}', '<script>', 'DE;FR', 'confirmed,', 'US_CA_', '_', '2020-02-30/2020-03-01',
];
const hostile = fc.constantFrom(...HOSTILE);

function commaList(values: string[], max = 4): fc.Arbitrary<string> {
  return fc.array(fc.constantFrom(...values), { minLength: 1, maxLength: max }).map((v) => v.join(','));
}

/** Valid values of one parameter: what a client reading the documentation would send. */
function validValue(p: Parameter, vocab: Vocabulary): fc.Arbitrary<string> {
  const s = p.schema;
  if (Array.isArray(s.enum)) return fc.constantFrom(...(s.enum as unknown[]).map(String));
  const byName: Record<string, fc.Arbitrary<string>> = {
    // Most routes take one location; series, compare and anomalies take lists.
    location: fc.oneof({ arbitrary: fc.constantFrom(...LOCATIONS), weight: 3 }, { arbitrary: commaList(LOCATIONS), weight: 1 }),
    key: fc.constantFrom(...LOCATIONS),
    parent: fc.constantFrom('US', 'US_CA', 'CN', 'DE'),
    metric: fc.oneof(fc.constantFrom(...vocab.metrics), commaList(vocab.metrics, 3)),
    // A route that documents its own source ids (line lists, imaging sets) takes those.
    source: p.example !== undefined
      ? fc.constantFrom(String(p.example))
      : Array.isArray(s.examples)
      ? fc.constantFrom(...(s.examples as string[]))
      : fc.oneof({ arbitrary: fc.constant('best'), weight: 3 }, { arbitrary: fc.constantFrom(...vocab.sources), weight: 1 }),
    has: fc.constantFrom('onset', 'confirmation', 'onset,confirmation'),
    // As of a late date more often than not, so that models and comparisons have data to answer with.
    as_of: fc.oneof(fc.constantFrom('2023-03-10', '2024-09-01'), realDate),
    reference: fc.constantFrom(...vocab.sources),
    // Source ids (also dataset ids of the catalog), or the examples a route documents (an image id).
    id: p.example !== undefined ? fc.constantFrom(String(p.example)) : fc.constantFrom(...vocab.sources),
    // The API fixture's second run is its first source's (jhu-global, the documented example id).
    run: fc.oneof({ arbitrary: fc.constant('2'), weight: 3 }, { arbitrary: fc.integer({ min: 1, max: 6 }).map(String), weight: 1 }),
    q: fc.constantFrom('Germany', 'cote d’ivoire', 'CÔTE D’IVOIRE', 'Hubei', 'Cal', 'US_CA', 'new', 'ü'),
    reference_date: fc.constantFrom(...SATURDAYS),
    si_distr: fc.constantFrom('0,0.2,0.5,0.3', '0,1', '0,0.1,0.2,0.3,0.2,0.1,0.1', '1,0', '0,-1,2', '0,0.5'),
    windows: fc.tuple(realDate, fc.integer({ min: 1, max: 30 })).map(([d, n]) => `${d}/${iso(Date.parse(d) + n * DAY)}`),
  };
  if (byName[p.name]) return byName[p.name];
  // Event date ranges (cases, delays): a client's range runs forwards.
  if (p.name.endsWith('_from')) return fc.constantFrom('2020-01-01', '2020-01-20', '2020-02-01');
  if (p.name.endsWith('_to')) return fc.constantFrom('2020-02-15', '2020-03-01', '2020-12-31');
  if (s.format === 'date') return realDate;
  if (s.type === 'boolean') return fc.constantFrom('true', 'false');
  if (s.type === 'integer') {
    const min = (s.minimum as number | undefined) ?? 0;
    const max = Math.min((s.maximum as number | undefined) ?? 1000, min + 1000);
    return fc.integer({ min, max }).map(String);
  }
  if (s.type === 'number') {
    const min = (s.exclusiveMinimum as number | undefined) ?? (s.minimum as number | undefined) ?? 0;
    return fc.double({ min: min + 0.01, max: min + 20, noNaN: true }).map((x) => String(Math.round(x * 100) / 100));
  }
  const known = [s.default, ...((s.examples as unknown[] | undefined) ?? []), p.example].filter((x) => x !== undefined).map(String);
  return known.length ? fc.constantFrom(...known) : fc.string({ maxLength: 8 });
}

/** Edge values: the schema's bounds and just past them, empty, zero, impossible and leap dates. */
function edgeValue(p: Parameter): fc.Arbitrary<string> {
  const s = p.schema;
  const values = ['', '0', '-1'];
  for (const bound of ['minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum'] as const) {
    const b = s[bound] as number | undefined;
    if (b !== undefined) values.push(String(b), String(b - 1), String(b + 1), String(b + 0.5));
  }
  if (typeof s.maxLength === 'number') values.push('A'.repeat(s.maxLength), 'A'.repeat(s.maxLength + 1));
  if (s.format === 'date' || p.name === 'windows') return fc.oneof(edgeDate, fc.constantFrom(...values));
  if (p.name === 'location' || p.name === 'key' || p.name === 'parent') values.push(...UNKNOWN_LOCATIONS, LOCATIONS.join(','), Array.from({ length: 101 }, () => 'DE').join(','));
  return fc.constantFrom(...values);
}

function parameterValue(p: Parameter, vocab: Vocabulary): fc.Arbitrary<string> {
  return fc.oneof({ arbitrary: validValue(p, vocab), weight: 14 }, { arbitrary: edgeValue(p), weight: 3 }, { arbitrary: hostile, weight: 3 });
}

/** Percent-encodes a value; a lone surrogate (not UTF-8-encodable) becomes the bytes of one, an invalid UTF-8 sequence. */
const encode = (v: string) => Array.from(v, (c) => (/[\ud800-\udfff]/.test(c) ? '%ED%A0%BD' : encodeURIComponent(c))).join('');

function getRequest(op: Operation, vocab: Vocabulary, cleanOnly = false): fc.Arbitrary<FuzzRequest> {
  const params = op.parameters ?? [];
  // An optional parameter is sent one time in four: routes with many filters still get valid requests.
  const include = (p: Parameter) => (p.required || p.in === 'path' ? fc.constant(true) : fc.integer({ min: 0, max: 3 }).map((n) => n === 0));
  // Half the requests are what a careful client sends (valid values only), so that 2xx answers are checked too.
  const clean = fc.record({
    values: fc.tuple(...params.map((p) => fc.record({ include: include(p), value: validValue(p, vocab) }))),
    repeat: fc.constant(1),
    unknown: fc.constant(null),
    rawEncoding: fc.constant(false as const),
    method: fc.constant<FuzzRequest['method']>('GET'),
  });
  const mixed = fc.record({
    values: fc.tuple(...params.map((p) => fc.record({ include: include(p), value: parameterValue(p, vocab) }))),
    repeat: fc.nat({ max: 9 }),
    unknown: fc.constantFrom(null, null, null, null, null, null, 'bogus=1', 'Location=DE', 'format=xml', '\u0000=1', '='),
    rawEncoding: fc.constantFrom(false as const, false as const, false as const, false as const, false as const, '%E0%A4%A', '%', '%zz', '%C0%80'),
    method: fc.constantFrom<FuzzRequest['method']>(...Array<FuzzRequest['method']>(16).fill('GET'), 'HEAD', 'OPTIONS', 'DELETE', 'PUT'),
  });
  return (cleanOnly ? clean : fc.oneof(clean, mixed)).map(({ values: vs, repeat, unknown, rawEncoding, method }) => {
    let path = op.path;
    const query: string[] = [];
    params.forEach((p, i) => {
      const { include, value } = vs[i];
      if (p.in === 'path') path = path.replace(`{${p.name}}`, encode(value));
      else if (include) query.push(`${p.name}=${encode(value)}`);
    });
    // Some requests repeat a parameter (the API answers 400: it takes each once).
    if (repeat === 0 && query.length) query.push(query[0]);
    if (unknown) query.push(unknown.replace('\u0000', '%00'));
    if (rawEncoding) {
      if (params.some((p) => p.in === 'path')) path += rawEncoding;
      else query.push(`q=${rawEncoding}`);
    }
    return { operation: `${op.method} ${op.path}`, method, url: query.length ? `${path}?${query.join('&')}` : path, headers: {} };
  });
}

/** Valid bodies: small simulations and fits over real data (kept small so that a fit takes milliseconds). */
const simulateBody = fc.record({
  model: fc.constantFrom('seir', 'sir'),
  days: fc.integer({ min: 1, max: 400 }),
  population: fc.constantFrom(1, 100, 1e6, 8.3e7, 1e10),
  beta: fc.record({ value: fc.double({ min: 0, max: 2, noNaN: true }) }),
  start: fc.oneof(realDate, fc.constant(undefined)),
}).map((b) => JSON.stringify(b));
const fitBody = fc.oneof(
  fc.record({
    observed: fc.record({ start: realDate, cases: fc.array(fc.oneof(fc.nat({ max: 5000 }), fc.constant(null)), { minLength: 1, maxLength: 40 }) }),
    population: fc.constantFrom(1e4, 1e6, 8.3e7),
    starts: fc.constant(1),
    intervals: fc.constant('none'),
  }),
  fc.record({ location: fc.constantFrom('DE', 'IT', 'US_CA', 'XX'), from: fc.constantFrom('2020-03-01', '2020-03-10'), to: fc.constantFrom('2020-04-10', '2020-02-01'), starts: fc.constant(1), intervals: fc.constant('none') }),
).map((b) => JSON.stringify(b));

/** A raw JSON value that JSON.stringify cannot write (1e309, -0 as written, 2^53+1) or that is just unwelcome. */
const hostileJson = fc.constantFrom('1e309', '-1e309', '-0', '9007199254740993', '1e308', '-1', '0', '""', '"\\u0000"', `"${'a'.repeat(10_000)}"`, 'null', '[]', '{}', 'true', '"2020-02-30"', `${'['.repeat(5000)}${']'.repeat(5000)}`);

const HOLE = '\u0001hostile\u0001';

/** A valid body with one field (or one nested field, or an array element) replaced by a hostile JSON value. */
const mutatedBody = fc.tuple(fc.oneof(simulateBody, fitBody), hostileJson, fc.nat()).map(([text, raw, n]) => {
  const body = JSON.parse(text) as Record<string, unknown>;
  const slots: [Record<string, unknown> | unknown[], string | number][] = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) node.forEach((v, i) => (slots.push([node, i]), walk(v)));
    else if (node && typeof node === 'object') for (const [k, v] of Object.entries(node)) slots.push([node as Record<string, unknown>, k]), walk(v);
  };
  walk(body);
  const [parent, key] = slots[n % slots.length];
  (parent as Record<string | number, unknown>)[key] = HOLE;
  return JSON.stringify(body).replace(JSON.stringify(HOLE), raw);
});
const malformedBody = fc.constantFrom('', '{', '{"days":', '{"days": 10,}', "{'days': 10}", 'NaN', 'null', '[]', '"x"', '1', '\u0000', '{"days": 10}{"days": 10}', '\ufeff{"days": 10}', '{"__proto__": {"x": 1}}', '{"constructor": {"prototype": {"x": 1}}}');
const hugeBody = fc.constantFrom(1_100_000, 2_000_000).map((n) => `{"days": 10, "population": 100, "beta": {"value": 0.5}, "start": "${'a'.repeat(n)}"}`);

const CONTENT_TYPES = ['application/json', 'application/json; charset=utf-8', 'APPLICATION/JSON', 'text/plain', 'application/xml', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/octet-stream', ''];

/** Rows of a split to audit: real and unknown datasets and images, usual and odd split names. */
const auditRows = fc.array(
  fc.record({
    dataset: fc.constantFrom('covid-chestxray', 'covid-ct', 'actualmed', 'pocus', 'nope'),
    image_id: fc.oneof(fc.constantFrom('thnov10p5641g006-c.png', 'pneumocystis-pneumonia-1.jpg', '000001-24.jpg'), fc.string({ maxLength: 12 })),
    split: fc.constantFrom('train', 'val', 'test', 'holdout', ''),
  }),
  { maxLength: 20 },
);
const csvCell = (v: string) => (/[",\n\r]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);
/** An audit body and its Content-Type: JSON, CSV (sometimes with a wrong header or ragged rows), or broken. */
const auditBody: fc.Arbitrary<[string, string]> = fc.oneof(
  { arbitrary: auditRows.map((rows): [string, string] => [JSON.stringify({ rows }), 'application/json']), weight: 6 },
  {
    arbitrary: fc.tuple(auditRows, fc.constantFrom('dataset,image_id,split', 'split,dataset,image_id', 'dataset,image', ''), fc.boolean()).map(([rows, header, ragged]): [string, string] => [
      [header, ...rows.map((r) => [r.dataset, r.image_id, r.split, ...(ragged ? ['x'] : [])].map(csvCell).join(','))].join('\n'),
      'text/csv',
    ]),
    weight: 4,
  },
  { arbitrary: fc.tuple(fc.oneof(mutatedBody, malformedBody), fc.constantFrom(...CONTENT_TYPES, 'text/csv')).map(([b, t]): [string, string] => [b, t]), weight: 3 },
);

function postRequest(op: Operation): fc.Arbitrary<FuzzRequest> {
  if (op.path.endsWith('/audit')) {
    return auditBody.map(([payload, type]) => ({ operation: `${op.method} ${op.path}`, method: 'POST' as const, url: op.path, headers: (type ? { 'content-type': type } : {}) as Record<string, string>, payload }));
  }
  const body = fc.oneof(
    { arbitrary: op.path.endsWith('/fit') ? fitBody : simulateBody, weight: 8 },
    { arbitrary: mutatedBody, weight: 8 },
    { arbitrary: malformedBody, weight: 3 },
    { arbitrary: hugeBody, weight: 1 },
  );
  const contentType = fc.oneof({ arbitrary: fc.constant('application/json'), weight: 8 }, { arbitrary: fc.constantFrom(...CONTENT_TYPES), weight: 2 });
  const extra = fc.constantFrom('', '', '', '', '', '', '', '', '?bogus=1', '?x=%00');
  return fc.tuple(body, contentType, extra).map(([payload, type, query]) => ({
    operation: `${op.method} ${op.path}`,
    method: 'POST' as const,
    url: op.path + query,
    headers: (type ? { 'content-type': type } : {}) as Record<string, string>,
    payload,
  }));
}

/** The admin routes: right, wrong and missing bearer tokens; valid, unknown and malformed source lists. */
function adminRequest(op: Operation, vocab: Vocabulary): fc.Arbitrary<FuzzRequest> {
  const authorization = fc.oneof(
    { arbitrary: fc.constant(`Bearer ${vocab.adminToken}`), weight: 6 },
    { arbitrary: fc.constantFrom('', 'Bearer', 'Bearer ', `bearer ${vocab.adminToken}`, `Bearer ${vocab.adminToken}x`, `Basic ${vocab.adminToken}`, 'Bearer \u0000'), weight: 2 },
  );
  const body = fc.oneof(
    { arbitrary: fc.constant(undefined), weight: 2 },
    { arbitrary: fc.subarray(vocab.sources).map((source) => JSON.stringify({ source })), weight: 4 },
    { arbitrary: fc.constantFrom('{"source": ["nope"]}', '{"source": "who"}', '{"source": ["who", "who"]}', '{"sources": []}', `{"source": ["${'a'.repeat(101)}"]}`), weight: 2 },
    { arbitrary: malformedBody, weight: 1 },
  );
  return fc.tuple(authorization, body).map(([auth, payload]) => ({
    operation: `${op.method} ${op.path}`,
    method: 'POST' as const,
    url: op.path,
    headers: { ...(auth ? { authorization: auth.replace('\u0000', '%00') } : {}), ...(payload !== undefined ? { 'content-type': 'application/json' } : {}) },
    payload,
  }));
}

/** Requests to one operation: valid, edge and hostile. */
export function operationArb(op: Operation, vocab: Vocabulary): fc.Arbitrary<FuzzRequest> {
  return op.path.includes('/admin/') ? adminRequest(op, vocab) : op.method === 'POST' ? postRequest(op) : getRequest(op, vocab);
}

/**
 * What a careful client sends to one operation: valid values only (GET), or the operation's own
 * mix where valid bodies already dominate (POST, admin). Used to reach an operation's 2xx.
 */
export function validRequestArb(op: Operation, vocab: Vocabulary): fc.Arbitrary<FuzzRequest> {
  return op.method === 'GET' ? getRequest(op, vocab, true) : operationArb(op, vocab);
}
