/**
 * Reading what servers answer (../shared/spec/real-apis.md): 18-digit ids kept digit for digit,
 * every error envelope in words naming the field, Link headers, a 429 that gives only RateLimit-Reset.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { errorText, nextLink } from '../../electron/core/sync/connectors/common';
import { createHttp, parseBody } from '../../electron/core/sync/http';

describe('parseBody', () => {
  it('keeps integers beyond 2^53 as their digits, wherever they stand', () => {
    expect(parseBody('{"id":474244184804427350,"user_id":17664945013327,"ids":[400000000000000001,-400000000000000002]}'))
      .toEqual({ id: '474244184804427350', user_id: 17664945013327, ids: ['400000000000000001', '-400000000000000002'] });
  });
  it('leaves strings, decimals and exponents as JSON reads them', () => {
    const text = '{"a":"474244184804427350 \\" 474244184804427351","b":12345678901234567.5,"c":1e20,"d":[9007199254740991]}';
    expect(parseBody(text)).toEqual(JSON.parse(text));
  });
  it('a bare JSON string, text that is not JSON, and nothing', () => {
    expect(parseBody('"Retry later"')).toBe('Retry later');
    expect(parseBody('<html>Bad gateway</html>')).toBe('<html>Bad gateway</html>');
    expect(parseBody('')).toBeUndefined();
  });
});

describe('errorText', () => {
  it('Moneybird\'s 422: an object of field → messages, with details', () => {
    expect(errorText({
      error: { ended_at: ['cannot be before the start time'], description: ["can't be blank"] },
      details: { ended_at: [{ error: 'ended_at_before_started_at' }], description: [{ error: 'blank' }] },
    })).toBe("ended_at: cannot be before the start time; description: can't be blank");
  });
  it('Moneybird\'s 402 and other symbolic errors keep their text and code', () => {
    expect(errorText({ error: 'creating time entries is limited', symbolic: { administration: 'limit_reached' } }))
      .toBe('creating time entries is limited ({"administration":"limit_reached"})');
  });
  it('Kantata\'s errors, with the field where the message does not say it', () => {
    expect(errorText({ errors: [{ type: 'validation', message: "can't be blank", field: 'notes' }, { type: 'validation', message: 'story_id is invalid', field: 'story_id' }] }))
      .toBe("notes: can't be blank; story_id is invalid");
  });
  it('a bare string is its own message', () => expect(errorText('Retry later')).toBe('Retry later'));
});

describe('nextLink', () => {
  const origin = 'https://moneybird.com/api/v2';
  it('finds rel="next" among several links, relative or absolute', () => {
    expect(nextLink('<https://moneybird.com/api/v2/1/time_entries.json?page=3>; rel="next", <https://moneybird.com/api/v2/1/time_entries.json?page=1>; rel="prev"', origin))
      .toBe('https://moneybird.com/api/v2/1/time_entries.json?page=3');
    expect(nextLink('</api/v2/1/time_entries.json?page=2&per_page=100>; rel="last next"', origin)).toBe('https://moneybird.com/api/v2/1/time_entries.json?page=2&per_page=100');
  });
  it('no next link: the last page', () => {
    expect(nextLink('<https://moneybird.com/x?page=1>; rel="prev"', origin)).toBeNull();
    expect(nextLink(null, origin)).toBeNull();
  });
  it('never follows a link to another host (the token would go with it)', () => {
    const r = nextLink('<https://evil.example/steal?page=2>; rel="next"', origin);
    expect(r).toBeInstanceOf(Error);
    expect((r as Error).message).toMatch(/another host \(evil\.example\)/);
  });
});

describe('a 429 with RateLimit-Reset and no Retry-After', () => {
  it('waits until the reset epoch', async () => {
    const now = Date.parse('2026-03-02T12:00:00Z');
    const server = createServer((_req, res) => {
      res.writeHead(429, { 'Content-Type': 'application/json', 'RateLimit-Limit': '150', 'RateLimit-Remaining': '0', 'RateLimit-Reset': String(now / 1000 + 120) });
      res.end('"Retry later"');
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    try {
      const http = createHttp({ fetch: (u, i) => fetch(u, i), secrets: [], now: () => now });
      const r = await http.request({ method: 'GET', url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/x`, errorMessage: errorText });
      expect(r).toMatchObject({ ok: false, error: { class: 'transient', status: 429, message: '429: Retry later', retryAfterMs: 120_000 } });
    } finally {
      server.close();
    }
  });
});
