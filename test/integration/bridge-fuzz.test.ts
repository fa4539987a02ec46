/**
 * Every bridge method's payload, fuzzed (issue 12): what a compromised window could send, through
 * the app API dispatcher that Electron's IPC handler and the browser host both call, on the real
 * runtime over a SQLite file and the fake providers on loopback; and a slice through the browser
 * host over HTTP with its secret. Each input either gets a valid answer that did what it asked, or
 * one of the API's own refusals naming a field and a rule, with every table and the secret store
 * unchanged; never an engine error, a 5xx or a hang; a token only to its own server.
 *
 * Replay: a failure prints its seed and path; TIMETRAY_FUZZ_SEED=<seed> replays every method's
 * inputs, with TIMETRAY_FUZZ_METHOD=<method> TIMETRAY_FUZZ_PATH=<path> only the counterexample
 * (each input starts from the same seeded state, so it replays alone; the method `http` is the
 * slice through the host). TIMETRAY_FUZZ_RUNS sets the inputs per method (a quarter for methods
 * that take none), TIMETRAY_FUZZ_HTTP_RUNS those over HTTP.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHost } from '../../electron/host/server';
import { BRIDGE_METHODS } from '../../shared/bridge-schemas';
import type { BridgeMethod, Envelope } from '../../shared/bridge';
import { fakeRendererDir } from '../helpers/raw-http';
import { ACCEPTED, judge, resolveRefs } from './bridge-fuzz-oracle';
import { payloads, VALID } from './bridge-fuzz-payloads';
import { openWorld, type World } from './bridge-fuzz-world';

const SEED = Number(process.env.TIMETRAY_FUZZ_SEED ?? Date.now() % 2 ** 31);
const ONLY = process.env.TIMETRAY_FUZZ_METHOD;
const PATH = process.env.TIMETRAY_FUZZ_PATH;
const RUNS = Number(process.env.TIMETRAY_FUZZ_RUNS ?? 100);
const HTTP_RUNS = Number(process.env.TIMETRAY_FUZZ_HTTP_RUNS ?? 150);
/** Far above any answer from loopback; a call still pending then is a hang. */
const CALL_LIMIT_MS = 5_000;

const METHODS = Object.keys(BRIDGE_METHODS) as BridgeMethod[];
const tried = new Map<string, number>();
let accepted = 0;
let w: World;

beforeAll(async () => {
  w = await openWorld();
});
afterAll(async () => {
  await w?.close();
  const total = [...tried.values()].reduce((a, b) => a + b, 0);
  console.log(`bridge fuzz (seed ${SEED}): ${total} inputs tried (${accepted} accepted, the rest refused), ${w?.sent.length ?? 0} requests made (${w?.sent.filter((s) => s.blocked).length ?? 0} to a host other than 127.0.0.1, refused unsent); per method ${JSON.stringify(Object.fromEntries(tried))}`);
});

function bounded<T>(p: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout;
  return Promise.race([p, new Promise<T>((_, reject) => (timer = setTimeout(() => reject(new Error(`${what}: no answer within ${CALL_LIMIT_MS} ms`)), CALL_LIMIT_MS)))])
    .finally(() => clearTimeout(timer));
}

/** Runs one generated input against the seeded world and judges it. */
async function check(method: BridgeMethod, raw: unknown, send: (args: unknown) => Promise<Envelope>, via = ''): Promise<void> {
  tried.set(via + method, (tried.get(via + method) ?? 0) + 1);
  await w.reset();
  const prompt = await w.runtime.api.dispatch('idle.pending', []);
  const args = resolveRefs(raw, w, prompt.ok ? (prompt.value as { id: string } | null)?.id ?? null : null);
  const sentFrom = w.sent.length;
  const r = await bounded(send(args), method);
  if (r.ok) accepted++;
  judge(method, args, r, w, sentFrom);
}

/** A method that takes no arguments has little to vary: a quarter of the budget. */
const takesNothing = (method: BridgeMethod) => BRIDGE_METHODS[method].safeParse([]).success && !BRIDGE_METHODS[method].safeParse(['x']).success;
const runsFor = (method: BridgeMethod) => (takesNothing(method) ? Math.ceil(RUNS / 4) : RUNS);
const params = (method: string, numRuns: number) => ({
  numRuns, seed: SEED, ...(PATH && ONLY === method ? { path: PATH } : {}),
});

it('every method of the contract has a payload generator and an acceptance check', () => {
  expect(Object.keys(VALID).sort()).toEqual([...METHODS].sort());
  expect(Object.keys(ACCEPTED).sort()).toEqual([...METHODS].sort());
});

describe('through the app API dispatcher', () => {
  for (const method of METHODS.filter((m) => !ONLY || m === ONLY)) {
    it(`${method}: a valid answer or a refusal naming field and rule that changed nothing`, async () => {
      await fc.assert(
        fc.asyncProperty(payloads(method), (raw) => check(method, raw, (args) => w.runtime.api.dispatch(method, args))),
        params(method, runsFor(method)),
      );
    }, 60_000);
  }
});

describe('through the browser host, with its secret', () => {
  let host: Awaited<ReturnType<typeof startHost>>;
  let secret: string;
  beforeAll(async () => {
    host = await startHost({ runtime: w.runtime, rendererDir: fakeRendererDir(w.dir) });
    secret = new URL(host.openUrl).hash.slice(1);
  });
  afterAll(() => host?.close());

  it(`${HTTP_RUNS} inputs over HTTP: a 200 with the same judgement, never a 5xx`, async () => {
    const input = fc.constantFrom(...METHODS).chain((method) => payloads(method).map((raw) => ({ method, raw })));
    await fc.assert(
      fc.asyncProperty(input, ({ method, raw }) => check(method, raw, async (args) => {
        const res = await fetch(new URL('/api/call', host.url), {
          method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Timetray-Token': secret }, body: JSON.stringify({ method, args }),
        });
        expect(res.status, `${method} over HTTP`).toBe(200);
        return (await res.json()) as Envelope;
      }, 'http:')),
      params('http', HTTP_RUNS),
    );
  }, 60_000);
});
