/** Error classes, Retry-After in every form servers send, backoff bounds, and secrets kept out of messages. */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { backoffDelay } from '../../electron/core/sync/backoff';
import { classifyStatus, parseRetryAfter, redact, RETRY_AFTER_CAP_MS } from '../../electron/core/sync/errors';
import { createHttp } from '../../electron/core/sync/http';

describe('classifyStatus', () => {
  it.each([
    [500, 'transient'], [502, 'transient'], [503, 'transient'], [429, 'transient'], [408, 'transient'],
    [401, 'auth'], [403, 'auth'], [400, 'refused'], [404, 'refused'], [409, 'refused'], [422, 'refused'],
  ])('%i is %s', (status, cls) => expect(classifyStatus(status)).toBe(cls));
});

describe('parseRetryAfter', () => {
  const now = Date.parse('2026-01-15T12:00:00Z');
  it('reads delta-seconds', () => expect(parseRetryAfter('120', now)).toBe(120_000));
  it('reads an HTTP date', () => expect(parseRetryAfter('Thu, 15 Jan 2026 12:01:00 GMT', now)).toBe(60_000));
  it('reads Moneybird\'s epoch seconds', () => expect(parseRetryAfter(String(now / 1000 + 90), now)).toBe(90_000));
  it('caps what a server asks', () => expect(parseRetryAfter('999999', now)).toBe(RETRY_AFTER_CAP_MS));
  it('never goes negative, and ignores garbage', () => {
    expect(parseRetryAfter(String(now / 1000 - 50), now)).toBe(0);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter(null, now)).toBeUndefined();
  });
});

describe('backoffDelay', () => {
  it('grows exponentially to the cap and never below the floor, whatever the jitter', () => {
    const p = { minMs: 1000, maxMs: 15 * 60_000 };
    expect(backoffDelay(1, { ...p, random: () => 1 })).toBe(1000);
    expect(backoffDelay(4, { ...p, random: () => 1 })).toBe(8000);
    expect(backoffDelay(50, { ...p, random: () => 1 })).toBe(15 * 60_000);
    expect(backoffDelay(6, { ...p, random: () => 0 })).toBe(1000);
  });
});

describe('secrets', () => {
  it('redact removes the token and any bearer value', () => {
    expect(redact('Authorization: Bearer abcdefghijkl and abcdefghijkl', ['abcdefghijkl'])).not.toContain('abcdefghijkl');
    expect(redact('Bearer zzzzzzzzzzzz', [])).toBe('Bearer [redacted]');
  });

  it('an error from a server that echoes the token never carries it', async () => {
    const token = 'sk_live_0123456789abcdef';
    const server = createServer((req, res) => {
      res.writeHead(400, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ error: `bad token ${req.headers.authorization}`, echo: req.url }));
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    try {
      const http = createHttp({ fetch: (u, i) => fetch(u, i), secrets: [token] });
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/x?api_key=${token}`;
      const r = await http.request({ method: 'GET', url, headers: { Authorization: `Bearer ${token}` }, errorMessage: (b) => (b as { error: string }).error });
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.error.class).toBe('refused');
        expect(r.error.message).toMatch(/^400: bad token Bearer \[redacted\]/);
        expect(JSON.stringify(r.error)).not.toContain(token);
      }
      const down = await createHttp({ fetch: (u, i) => fetch(u, i), secrets: [token] })
        .request({ method: 'GET', url: `http://127.0.0.1:1/${token}` });
      expect(down.ok || down.error.message.includes(token)).toBe(false);
      if (!down.ok) expect(down.error).toMatchObject({ class: 'transient', status: 0 });
    } finally {
      server.close();
    }
  });
});
