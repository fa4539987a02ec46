/**
 * The fakes' shared rate limit (test/providers/server.ts), which the paced bench relies on: off
 * unless a start asks (tests move the client's clock, never the server's window); when on, the
 * request past the limit gets the provider's own 429 (Moneybird: "Retry later" and RateLimit-*
 * headers, the reset as an epoch) without reaching the store, and the window lets requests through
 * again once it has moved on.
 */
import { afterEach, expect, it } from 'vitest';
import { startMoneybird, type MoneybirdFake } from '../providers/moneybird';

let server: MoneybirdFake | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

const list = (s: MoneybirdFake) => fetch(`${s.url}/api/v2/${s.account().context.administration}/time_entries.json`, { headers: { Authorization: `Bearer ${s.token}` } });

it('is off by default: 160 requests in a row, no 429', async () => {
  server = await startMoneybird();
  for (let i = 0; i < 160; i++) expect((await list(server)).status).toBe(200);
});

it("when asked, the request past the limit gets the provider's 429, and the window moving on lets requests through", async () => {
  server = await startMoneybird({ rateLimit: { requests: 3, windowMs: 400 } });
  const first = Date.now();
  for (let i = 0; i < 3; i++) expect((await list(server)).status).toBe(200);
  const refused = await list(server);
  expect(refused.status).toBe(429);
  expect(await refused.json()).toBe('Retry later');
  const reset = Number(refused.headers.get('RateLimit-Reset'));
  expect(reset * 1000).toBeGreaterThanOrEqual(Math.floor(first / 1000) * 1000);
  expect(reset * 1000).toBeLessThanOrEqual(Date.now() + 400);
  expect(refused.headers.get('Retry-After')).toBe(String(reset));
  expect(server.log.map((l) => l.status)).toEqual([200, 200, 200, 429]);
  // Bounded: the window is 400 ms; the first request out of it is let through.
  let status = 429;
  for (let i = 0; i < 50 && status === 429; i++) {
    await new Promise((r) => setTimeout(r, 20));
    status = (await list(server)).status;
  }
  expect(status).toBe(200);
});

it('the declared limit is the one the shape names (Moneybird: 150 per 5 minutes), and a running server can lift it', async () => {
  server = await startMoneybird({ rateLimit: true });
  expect(server.rateLimit).toEqual({ requests: 150, windowMs: 300_000 });
  server.rateLimit = { requests: 1, windowMs: 60_000 };
  expect((await list(server)).status).toBe(200);
  expect((await list(server)).status).toBe(429);
  server.rateLimit = null;
  expect((await list(server)).status).toBe(200);
});
