/**
 * The browser host: the REAL renderer (the Vite build) served on 127.0.0.1, talking to the REAL
 * core through the same bridge contract Electron's preload exposes, over HTTP (calls) and a
 * Server-Sent Events stream (changes). For machines where Electron cannot start, and for the
 * Playwright suite. It runs the same app runtime as the Electron main process; it holds no logic
 * of its own.
 *
 * Only the user who started it may call it: it listens on loopback, checks the Host header first
 * (no DNS rebinding), and every API request must carry the per-run secret in a header. The secret
 * is printed to that user's terminal in the URL's fragment, which a browser never sends, so GET `/`
 * grants nothing to another process or OS user that can reach the port.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';
import type { IdleSignal } from '../../shared/idle';
import type { AppRuntime } from '../core/app-runtime';

export const CSP = [
  "default-src 'self'", "script-src 'self'", "style-src 'self'", "img-src 'self' data:",
  "connect-src 'self'", "font-src 'self'", "object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'", "form-action 'none'",
].join('; ');

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml', '.png': 'image/png', '.ico': 'image/x-icon', '.json': 'application/json', '.map': 'application/json',
};
const MAX_BODY = 1024 * 1024;
export const TOKEN_HEADER = 'x-timetray-token';

export interface HostOptions {
  runtime: AppRuntime;
  /** The Vite build of renderer/ (dist/renderer). */
  rendererDir: string;
  port?: number;
  /**
   * Accepts simulated power/idle signals at POST /api/test/idle (still token-checked): the host
   * has no powerMonitor, and the Playwright suite needs to be able to come back from being away.
   */
  testHooks?: boolean;
}

/** A request the host refuses; the boundary turns it into its status, never a crash. */
class Refused extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
  }
}

export async function startHost(o: HostOptions) {
  const token = randomBytes(24).toString('base64url');
  const tokenBytes = Buffer.from(token);
  const streams = new Set<ServerResponse>();
  const unsubscribe = o.runtime.api.subscribe((e) => {
    const line = `data: ${JSON.stringify(e)}\n\n`;
    for (const s of streams) s.write(line);
  });
  let port = 0;

  const security = {
    'Content-Security-Policy': CSP, 'X-Content-Type-Options': 'nosniff', 'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Resource-Policy': 'same-origin',
  };
  const send = (res: ServerResponse, status: number, body: string | Buffer, type = 'text/plain; charset=utf-8') => {
    res.writeHead(status, { ...security, 'Content-Type': type, 'Cache-Control': 'no-store' });
    res.end(body);
  };

  // Constant time, so the secret cannot be guessed byte by byte from how fast a refusal comes.
  const authorised = (req: IncomingMessage) => {
    const given = req.headers[TOKEN_HEADER];
    if (typeof given !== 'string') return false;
    const b = Buffer.from(given);
    return b.length === tokenBytes.length && timingSafeEqual(b, tokenBytes);
  };

  async function serveFile(res: ServerResponse, path: string) {
    let decoded: string;
    try {
      decoded = decodeURIComponent(path === '/' ? '/index.html' : path);
    } catch {
      throw new Refused(400, 'bad percent-encoding in the path');
    }
    const rel = normalize(decoded).replace(/^([/\\])+/, '');
    const file = join(o.rendererDir, rel);
    if (!file.startsWith(o.rendererDir + sep) || decoded.includes('\0')) throw new Refused(404, 'not found');
    let body: Buffer;
    try {
      body = await readFile(file);
    } catch {
      throw new Refused(404, 'not found');
    }
    send(res, 200, body, TYPES[extname(file)] ?? 'application/octet-stream');
  }

  /** The body as JSON; `null` and other non-objects are values like any other, for the caller to judge. */
  async function readJson(req: IncomingMessage): Promise<unknown> {
    if (!authorised(req)) throw new Refused(403, 'forbidden');
    if (!String(req.headers['content-type'] ?? '').startsWith('application/json')) throw new Refused(415, 'JSON only');
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const c of req) {
      size += (c as Buffer).length;
      if (size > MAX_BODY) throw new Refused(413, 'too large');
      chunks.push(c as Buffer);
    }
    try {
      return JSON.parse(Buffer.concat(chunks).toString('utf8'));
    } catch {
      throw new Refused(400, 'bad JSON');
    }
  }

  async function call(req: IncomingMessage, res: ServerResponse) {
    const msg = await readJson(req);
    if (typeof msg !== 'object' || msg === null || Array.isArray(msg)) throw new Refused(400, 'body: an object {method, args}');
    const { method, args } = msg as { method?: unknown; args?: unknown };
    const envelope = await o.runtime.api.dispatch(method, args);
    send(res, 200, JSON.stringify(envelope), 'application/json');
  }

  async function idle(req: IncomingMessage, res: ServerResponse) {
    const signals = await readJson(req);
    if (!Array.isArray(signals)) throw new Refused(400, 'body: an array of idle signals');
    let prompts: unknown[];
    try {
      prompts = signals.map((sig) => o.runtime.idleSignal(sig as IdleSignal));
    } catch (e) {
      throw new Refused(400, e instanceof Error ? e.message : 'bad signal');
    }
    send(res, 200, JSON.stringify(prompts.filter(Boolean)), 'application/json');
  }

  function events(req: IncomingMessage, res: ServerResponse) {
    if (!authorised(req)) throw new Refused(403, 'forbidden');
    res.writeHead(200, { ...security, 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store', Connection: 'keep-alive' });
    res.write(': connected\n\n');
    streams.add(res);
    req.on('close', () => streams.delete(res));
  }

  async function route(req: IncomingMessage, res: ServerResponse) {
    // Before anything reads the target: a rebinding page must learn nothing, not even a parse error.
    if (req.headers.host !== `127.0.0.1:${port}` && req.headers.host !== `localhost:${port}`) throw new Refused(421, 'wrong host');
    const target = req.url ?? '/';
    if (!target.startsWith('/')) throw new Refused(400, 'the request target must be a path');
    let pathname: string;
    try {
      pathname = new URL(target, 'http://127.0.0.1').pathname;
    } catch {
      throw new Refused(400, 'bad request target');
    }
    if (req.method === 'POST' && pathname === '/api/call') return call(req, res);
    if (o.testHooks && req.method === 'POST' && pathname === '/api/test/idle') return idle(req, res);
    if (req.method === 'GET' && pathname === '/api/events') return events(req, res);
    if (req.method === 'GET') return serveFile(res, pathname);
    throw new Refused(405, 'method not allowed');
  }

  // The one boundary: whatever a request does, it gets an answer and the host keeps serving.
  const server = createServer((req, res) => {
    const fail = (e: unknown) => {
      if (res.headersSent) return void res.destroy();
      if (e instanceof Refused) return send(res, e.status, e.message);
      send(res, 500, 'error');
    };
    try {
      route(req, res).catch(fail);
    } catch (e) {
      fail(e);
    }
  });
  // Bytes that are not HTTP at all never reach the handler; answer them and drop the connection.
  server.on('clientError', (_e, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
    else socket.destroy();
  });
  await new Promise<void>((resolve) => server.listen(o.port ?? 0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
  const url = `http://127.0.0.1:${port}/`;

  return {
    url,
    /** What to open: the secret rides in the fragment, read by the page and never sent to the server. */
    openUrl: `${url}#${token}`,
    async close() {
      unsubscribe();
      for (const s of streams) s.end();
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}
