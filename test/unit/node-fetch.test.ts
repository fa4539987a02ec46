/**
 * nodeFetch takes a shortcut around URL parsing and AbortControllers (bench: drain memory): what
 * reaches the server must still be what the URL standard says, and a silent server still times out.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttp } from '../../electron/core/sync/http';
import { nodeFetch } from '../../electron/core/sync/node-fetch';

let server: Server;
let base = '';
const seen: { url: string; length: string | undefined; body: string }[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (c: string) => (body += c));
    req.on('end', () => {
      seen.push({ url: req.url!, length: req.headers['content-length'], body });
      if (req.url!.startsWith('/silent')) return; // never answers
      res.end('{}');
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => {
  server.closeAllConnections();
  server.close();
});

describe('nodeFetch', () => {
  const paths = [
    '/api/v1/time-entries/abc%2Fdef?page=2&per_page=100', '/a^b|c[d]?q=x;y,z@w:v!$&()*+', '', '/',
    '/a/../b', '/a/./b', '/a/%2e%2E/b', '/x?', "/q?name=it's", '/a b/ü?q=é', '/a#frag', '/back\\slash', '/{x}"<y>`',
  ];
  for (const path of paths) {
    it(`sends ${JSON.stringify(path)} as the URL standard writes it`, async () => {
      const u = new URL(base + path);
      const r = await nodeFetch(base + path, { method: 'GET' });
      expect(r.status).toBe(200);
      expect(seen.at(-1)!.url).toBe(u.pathname + u.search);
    });
  }

  it('sends a body whole with its length in bytes', async () => {
    const body = JSON.stringify({ description: 'Café — ünïcode' });
    await nodeFetch(`${base}/p`, { method: 'POST', body, headers: { 'Content-Type': 'application/json' } });
    expect(seen.at(-1)).toMatchObject({ body, length: String(Buffer.byteLength(body)) });
  });

  it('gives up on a server that never answers after timeoutMs, as http.ts says it', async () => {
    const http = createHttp({ fetch: nodeFetch, secrets: [], timeoutMs: 150 });
    const r = await http.request({ method: 'POST', url: `${base}/silent`, body: { a: 1 } });
    expect(r).toMatchObject({ ok: false, error: { class: 'transient', status: 0, message: 'POST http://127.0.0.1:' + base.split(':')[2] + '/silent: no answer within 150 ms' } });
  });

  it('still honours a signal (a fetch wrapped without honoursTimeout gets one)', async () => {
    const wrapped = (u: string, i: RequestInit) => nodeFetch(u, i);
    const http = createHttp({ fetch: wrapped, secrets: [], timeoutMs: 150 });
    const r = await http.request({ method: 'GET', url: `${base}/silent-too` });
    expect(r).toMatchObject({ ok: false, error: { status: 0, message: expect.stringContaining('no answer within 150 ms') } });
  });

  it('refuses a protocol it does not speak', async () => {
    await expect(nodeFetch('ftp://127.0.0.1/x', { method: 'GET' })).rejects.toThrow('unsupported protocol ftp:');
  });
});
