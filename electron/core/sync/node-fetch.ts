/**
 * A fetch for Node built on node:http(s) with keep-alive agents. Node 20's global fetch (undici)
 * spends about 1 ms of CPU per request here, more than the rest of a push; node:http about a
 * quarter of that (bench/results.json: drain). It does only what http.ts asks of a fetch: method,
 * headers, a string body, an abort signal, and status, headers and text back. Electron passes
 * `net.fetch` instead, which follows the system proxy.
 */
import { Agent as HttpAgent, request as httpRequest, type IncomingMessage } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import type { FetchLike, FetchResponse } from './http';

const agents = {
  'http:': new HttpAgent({ keepAlive: true, maxSockets: 16 }),
  'https:': new HttpsAgent({ keepAlive: true, maxSockets: 16 }),
};

export const nodeFetch: FetchLike = (input, init) =>
  new Promise<FetchResponse>((resolve, reject) => {
    const url = new URL(input);
    const proto = url.protocol as 'http:' | 'https:';
    if (proto !== 'http:' && proto !== 'https:') return reject(new TypeError(`unsupported protocol ${url.protocol}`));
    const body = typeof init.body === 'string' ? Buffer.from(init.body) : undefined;
    const headers: Record<string, string> = { ...(init.headers as Record<string, string> | undefined) };
    if (body) headers['Content-Length'] = String(body.length);
    const req = (proto === 'https:' ? httpsRequest : httpRequest)(url, { method: init.method ?? 'GET', headers, agent: agents[proto], signal: init.signal ?? undefined }, (res: IncomingMessage) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('error', reject);
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        const status = res.statusCode ?? 0;
        resolve({
          ok: status >= 200 && status < 300,
          status,
          headers: { get: (name: string) => { const v = res.headers[name.toLowerCase()]; return v === undefined ? null : Array.isArray(v) ? v.join(', ') : v; } },
          text: async () => text,
        });
      });
    });
    req.on('error', (e: NodeJS.ErrnoException) => reject(Object.assign(new TypeError('fetch failed'), { cause: e })));
    req.end(body);
  });
