/**
 * The browser host's HTTP surface under random requests (issue 12): methods, targets (%, unicode,
 * absolute-form, very long), headers (any name, bytes beyond ASCII, a second Host or secret) and
 * bodies, with and without the Host and the secret. Raw
 * bytes on a socket, so nothing tidies the request first. Never a crash (the next request is
 * answered), never a 5xx, and a request without the secret or from a foreign Host changes nothing.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startAppRuntime, type AppRuntime } from '../../electron/core/app-runtime';
import { nodeFetch } from '../../electron/core/sync/node-fetch';
import { startHost } from '../../electron/host/server';
import { dbFingerprint, fakeRendererDir, rawRequest, requestBytes } from '../helpers/raw-http';
import { tempDir } from '../helpers/temp';

const RUNS = 300;
let dir: ReturnType<typeof tempDir>;
let runtime: AppRuntime;
let host: Awaited<ReturnType<typeof startHost>>;
let port: number;
let secret: string;

beforeAll(async () => {
  dir = tempDir();
  runtime = startAppRuntime({ dataDir: dir.dir, host: 'browser', version: 'test', fetch: nodeFetch, sync: false });
  host = await startHost({ runtime, rendererDir: fakeRendererDir(dir.dir), testHooks: true });
  port = Number(new URL(host.url).port);
  secret = new URL(host.openUrl).hash.slice(1);
});
afterAll(async () => {
  await host.close();
  await runtime.close();
  dir.cleanup();
});

// A request-target is raw bytes up to the first space; spaces and line breaks would end it early.
const targetChar = fc.oneof(
  fc.constantFrom('/', '%', '%2', '%zz', '%00', '%2e%2e', '..', '?', '#', '[', ']', '@', ':', '\\', 'a', 'é', '日', '😀', '\u202e'),
  fc.string({ unit: 'grapheme', maxLength: 3 }).map((s) => s.replace(/[\s]/g, '')),
);
// Weighted toward the real routes, so most requests get past the parser to the checks behind it.
const target = fc.oneof(
  { arbitrary: fc.constantFrom('/api/call', '/api/call', '/api/call', '/api/test/idle', '/api/events'), weight: 4 },
  fc.constantFrom('/', '/api/call', '/api/events', '/api/test/idle', '/index.html', '/%', 'http://[/', '*', '/../../etc/passwd',
    '/api/events?token=x', 'http://127.0.0.1/api/call', '//evil.example/api/call'),
  fc.array(targetChar, { maxLength: 30 }).map((cs) => '/' + cs.join('')),
  fc.array(targetChar, { maxLength: 10 }).map((cs) => 'http://' + cs.join('')),
  fc.integer({ min: 1_000, max: 20_000 }).map((n) => '/' + 'a%'.repeat(n / 2)),
);
const method = fc.oneof(
  { arbitrary: fc.constantFrom('GET', 'POST', 'POST', 'PUT', 'DELETE', 'HEAD', 'OPTIONS', 'PATCH', 'TRACE'), weight: 4 },
  fc.stringMatching(/^[A-Z]{1,12}$/),
);
const validCall = fc.record({
  method: fc.constantFrom('timer.start', 'entries.create', 'entries.remove', 'settings.set', 'accounts.add', 'nope', '__proto__'),
  args: fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 2 }),
}).map((v) => JSON.stringify(v));
const body = fc.oneof(
  fc.constant(''), fc.constantFrom('null', '[]', '{}', '7', '"x"', '{"method":null}', '{'),
  validCall, fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v) ?? ''), fc.string({ unit: 'binary', maxLength: 200 }),
);
const headerValue = fc.oneof({ arbitrary: fc.string({ maxLength: 40 }), weight: 4 }, fc.string({ unit: 'binary', maxLength: 20 })).map((s) => s.replace(/[\r\n\0]/g, ''));
// Names the host never reads as well as ones it does, in any case: a header it reads must not be
// smuggled in under another spelling.
const headerName = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom('Accept', 'Origin', 'Referer', 'Cookie', 'X-Forwarded-For', 'X-Forwarded-Host', 'Forwarded', 'X-Random', 'Range', 'Expect', 'Upgrade') },
  fc.stringMatching(/^[A-Za-z][A-Za-z0-9-]{0,20}$/),
);
const request = fc.record({
  method, target, body,
  host: fc.constantFrom('ours', 'ours', 'localhost', 'foreign', 'none'),
  token: fc.constantFrom('right', 'right', 'wrong', 'short', 'none'),
  json: fc.boolean(),
  extra: fc.dictionary(headerName.filter((n) => !/^(host|x-timetray-token|content-type|content-length|transfer-encoding|connection)$/i.test(n)), headerValue, { maxKeys: 3 }),
  // A second Host (Node keeps the first) or a second secret header (Node joins them: no longer the secret).
  dupHost: fc.option(fc.constantFrom('evil.example', '127.0.0.1', 'localhost'), { nil: null, freq: 4 }),
  dupToken: fc.constantFrom(false, false, false, true),
});

it(`${RUNS} random requests: never a crash or a 5xx; refused ones change nothing`, async () => {
  // A failure prints its seed; FUZZ_SEED=<seed> replays the same requests.
  const seed = Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31);
  let tried = 0;
  const statuses = new Map<number, number>();
  await fc.assert(
    fc.asyncProperty(request, async (r) => {
      tried++;
      const headers: Record<string, string> = { ...r.extra };
      if (r.host !== 'none') headers.Host = r.host === 'ours' ? `127.0.0.1:${port}` : r.host === 'localhost' ? `localhost:${port}` : `evil.example:${port}`;
      if (r.token !== 'none') headers['X-Timetray-Token'] = r.token === 'right' ? secret : r.token === 'wrong' ? 'A'.repeat(secret.length) : secret.slice(0, 8);
      if (r.json) headers['Content-Type'] = 'application/json';
      if (r.dupHost !== null) headers.host = `${r.dupHost}:${port}`;
      if (r.dupToken) headers['x-timetray-token'] = secret;
      const before = dbFingerprint(runtime.core.db);
      const { status } = await rawRequest(port, requestBytes(r.method, r.target, headers, r.body));
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
      expect(status).toBeGreaterThanOrEqual(200);
      expect(status).toBeLessThan(500);
      const mayChange = r.token === 'right' && !r.dupToken && (r.host === 'ours' || r.host === 'localhost') && status < 300;
      if (!mayChange) expect(dbFingerprint(runtime.core.db)).toBe(before);
      // Still serving: the request did not take the host down.
      expect((await rawRequest(port, requestBytes('GET', '/', { Host: `127.0.0.1:${port}` }))).status).toBe(200);
    }),
    { numRuns: RUNS, seed, verbose: 1 },
  );
  console.log(`browser host fuzz (seed ${seed}): ${tried} requests tried, statuses ${JSON.stringify(Object.fromEntries([...statuses].sort((a, b) => a[0] - b[0])))}`);
  expect(tried).toBe(RUNS);
}, 60_000);
