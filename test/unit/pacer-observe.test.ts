/**
 * The pacer learns the budget from the server's answers (issue 15): a server counting 150 per 5 s
 * (a time-scaled Moneybird) is paced at that scale, though Moneybird declares 150 per 5 minutes;
 * a server whose budget someone else spent holds our requests until its reset.
 */
import { expect, it } from 'vitest';
import { createPacer, parsePolicy } from '../../electron/core/sync/pacer';

const MONEYBIRD = { requests: 150, perMs: 5 * 60_000, service: 'Moneybird' };
const headers = (h: Record<string, string>) => ({ get: (n: string) => h[n.toLowerCase()] ?? null });

function clocked() {
  let t = 1_700_000_000_000;
  return { now: () => t, move: (ms: number) => (t += ms) };
}

it('reads RateLimit-Policy as budget and window, and refuses what is not one', () => {
  expect(parsePolicy('150;w=300')).toEqual({ requests: 150, perMs: 300_000 });
  expect(parsePolicy('150;w=5, 1000;w=3600')).toEqual({ requests: 150, perMs: 5000 });
  expect(parsePolicy('150')).toBeNull();
  expect(parsePolicy('0;w=5')).toBeNull();
  expect(parsePolicy(null)).toBeNull();
});

it('a full window waits for the window the server names, counted from the answers', async () => {
  const c = clocked();
  const p = createPacer(MONEYBIRD, c.now, async (ms) => void c.move(ms));
  for (let i = 0; i < 150; i++) expect(await p.take(0)).toBe(true);
  // Without the server's word: the declared 5 minutes.
  expect(p.nextFreeAt() - c.now()).toBe(300_000);
  c.move(40);
  for (let i = 0; i < 150; i++) p.observe(headers({ 'ratelimit-limit': '150', 'ratelimit-remaining': String(149 - i), 'ratelimit-policy': '150;w=5' }));
  const answeredAt = c.now();
  expect(p.limit.perMs).toBe(5000);
  expect(p.nextFreeAt()).toBe(answeredAt + 5000);
  expect(await p.take(0)).toBe(false);
  expect(await p.take()).toBe(true);
  expect(c.now()).toBe(answeredAt + 5000);
});

it('the server spent while our log has room: nothing goes before its reset', async () => {
  const c = clocked();
  const p = createPacer(MONEYBIRD, c.now, async (ms) => void c.move(ms));
  expect(await p.take()).toBe(true);
  const reset = Math.ceil(c.now() / 1000) + 4;
  p.observe(headers({ 'ratelimit-limit': '150', 'ratelimit-remaining': '0', 'ratelimit-reset': String(reset), 'ratelimit-policy': '150;w=5' }));
  expect(p.nextFreeAt()).toBe(reset * 1000);
  expect(await p.take(1000)).toBe(false);
});

it('at a full budget, a Remaining 0 our own requests explain holds nothing: the freed slots go at once', async () => {
  const c = clocked();
  const t0 = c.now();
  const p = createPacer(MONEYBIRD, c.now, async (ms) => void c.move(ms));
  const answer = (remaining: number) =>
    p.observe(headers({ 'ratelimit-limit': '150', 'ratelimit-remaining': String(remaining), 'ratelimit-policy': '150;w=5', 'ratelimit-reset': String(Math.ceil((t0 + 1 + 5000) / 1000)) }));
  // A first window sent one request a millisecond, each answered at once.
  for (let i = 0; i < 150; i++) {
    expect(await p.take(0)).toBe(true);
    answer(149 - i);
    if (i < 149) c.move(1);
  }
  // Five seconds on, four requests take the four slots freed one by one, and are all in flight.
  c.move(5000 - 149);
  for (let i = 0; i < 4; i++) {
    expect(await p.take()).toBe(true);
    c.move(1);
  }
  // The first answer comes 10 ms after it left; six more of the first window's slots have freed since.
  c.move(6);
  expect(c.now()).toBe(t0 + 5010);
  // The server counted 150 at its arrival (149 of the first window and itself): it says 0 left.
  answer(0);
  expect(p.nextFreeAt()).toBe(t0 + 5010);
  // Someone else's spending still holds: one of ours in the window, and the server says 0.
  const q = createPacer(MONEYBIRD, c.now, async (ms) => void c.move(ms));
  expect(await q.take()).toBe(true);
  q.observe(headers({ 'ratelimit-remaining': '0', 'ratelimit-reset': String(Math.ceil(c.now() / 1000) + 2), 'ratelimit-policy': '150;w=5' }));
  expect(q.nextFreeAt()).toBe((Math.ceil(c.now() / 1000) + 2) * 1000);
});

it('a wait whose timer fires before the clock moved waits again instead of giving the request up', async () => {
  const c = clocked();
  let early = 1;
  // Node's timers run on their own clock: the first wake-up comes while Date.now() still reads the same.
  const p = createPacer({ requests: 1, perMs: 5000, service: 'Moneybird' }, c.now, async (ms) => void (early-- > 0 ? undefined : c.move(ms)));
  expect(await p.take()).toBe(true);
  const due = p.nextFreeAt();
  expect(await p.take()).toBe(true);
  expect(c.now()).toBe(due);
  // A clock that never moves still gives up, so a pass never spins.
  const frozen = createPacer({ requests: 1, perMs: 5000, service: 'Moneybird' }, c.now, async () => undefined);
  expect(await frozen.take()).toBe(true);
  expect(await frozen.take()).toBe(false);
});
