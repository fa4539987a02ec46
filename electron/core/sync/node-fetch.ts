/**
 * A fetch for Node built on node:http(s) with keep-alive agents. Node 20's global fetch (undici)
 * spends about 1 ms of CPU per request here, more than the rest of a push; node:http about a
 * quarter of that (bench/results.json: drain). It does only what http.ts asks of a fetch: method,
 * headers, a string body, an abort signal or a timeout, and status, headers and text back.
 * Electron passes `net.fetch` instead, which follows the system proxy.
 */
import { Agent as HttpAgent, request as httpRequest, type IncomingHttpHeaders, type IncomingMessage, type RequestOptions } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { urlToHttpOptions } from 'node:url';
import type { FetchLike, FetchResponse } from './http';

const agents = {
  'http:': new HttpAgent({ keepAlive: true, maxSockets: 16 }),
  'https:': new HttpsAgent({ keepAlive: true, maxSockets: 16 }),
};

type Target = Pick<RequestOptions, 'protocol' | 'hostname' | 'port' | 'path' | 'auth'>;

// A drain sends every request to one or two origins: parsing each whole URL again was a tenth of
// what a request allocated (bench: drain memory). Only a path a URL parser would leave as it is
// takes the shortcut (no fragment, quote, brace, backslash or raw non-ASCII).
const ORIGIN = /^https?:\/\/[^/?#\\@]+/i;
const PLAIN_PATH = /^\/[A-Za-z0-9\-._~!$&()*+,;=:@%/?|^[\]]*$/;
// Dot segments (also written %2e) are resolved and an empty query dropped: those go through URL.
const REWRITTEN = /\/\.\.?(?:[/?]|$)|%2e|\?$/i;
const origins = new Map<string, Target>();

function target(input: string): Target {
  const m = ORIGIN.exec(input);
  const path = m ? input.slice(m[0].length) : '';
  if (m && (path === '' || (PLAIN_PATH.test(path) && !REWRITTEN.test(path)))) {
    let origin = origins.get(m[0]);
    if (!origin) {
      const { protocol, hostname, port } = urlToHttpOptions(new URL(m[0]));
      origin = { protocol, hostname, port };
      if (origins.size < 64) origins.set(m[0], origin);
    }
    return { ...origin, path: path || '/' };
  }
  const u = new URL(input);
  if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new TypeError(`unsupported protocol ${u.protocol}`);
  return urlToHttpOptions(u);
}

function timeoutError(ms: number): Error {
  const e = new Error(`no answer within ${ms} ms`);
  e.name = 'TimeoutError';
  return e;
}

/** Out of the request's closure, so an answer kept (its headers, by the pacer) keeps no socket or request. */
function answer(status: number, headers: IncomingHttpHeaders, text: string): FetchResponse {
  return {
    ok: status >= 200 && status < 300,
    status,
    headers: { get: (name: string) => { const v = headers[name.toLowerCase()]; return v === undefined ? null : Array.isArray(v) ? v.join(', ') : v; } },
    text: async () => text,
  };
}

export const nodeFetch: FetchLike = (input, init) =>
  new Promise<FetchResponse>((resolve, reject) => {
    let options: RequestOptions;
    try {
      options = target(input);
    } catch (e) {
      return reject(e);
    }
    const https = options.protocol === 'https:';
    options.method = init.method ?? 'GET';
    // node:http copies these and sets Content-Length itself for a body given whole to end().
    options.headers = init.headers as Record<string, string> | undefined;
    options.agent = https ? agents['https:'] : agents['http:'];
    options.signal = init.signal ?? undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let timedOut: Error | undefined;
    const fail = (e: Error) => {
      clearTimeout(timer);
      reject(timedOut ?? e);
    };
    const req = (https ? httpsRequest : httpRequest)(options, (res: IncomingMessage) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('error', fail);
      res.on('end', () => {
        clearTimeout(timer);
        resolve(answer(res.statusCode ?? 0, res.headers, chunks.length === 1 ? chunks[0]!.toString('utf8') : Buffer.concat(chunks).toString('utf8')));
      });
    });
    req.on('error', (e: NodeJS.ErrnoException) => fail(Object.assign(new TypeError('fetch failed'), { cause: e })));
    const ms = init.timeoutMs;
    if (ms !== undefined && ms > 0) timer = setTimeout(() => req.destroy((timedOut = timeoutError(ms))), ms);
    req.end(typeof init.body === 'string' ? init.body : undefined);
  });
nodeFetch.honoursTimeout = true;
