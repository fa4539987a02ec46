/**
 * The browser host: the REAL renderer (the Vite build) served on 127.0.0.1, talking to the REAL
 * core through the same bridge contract Electron's preload exposes, over HTTP (calls) and
 * Server-Sent Events (changes). For machines where Electron cannot start, and for the Playwright
 * suite. It runs the same app runtime as the Electron main process; it holds no logic of its own.
 *
 * Only this machine's pages may call it: it listens on loopback, checks the Host header (no DNS
 * rebinding) and requires a per-run token that only a page it served can read.
 */
import { randomBytes } from 'node:crypto';
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

export async function startHost(o: HostOptions) {
  const token = randomBytes(24).toString('base64url');
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

  async function serveFile(res: ServerResponse, path: string) {
    const rel = normalize(decodeURIComponent(path === '/' ? '/index.html' : path)).replace(/^([/\\])+/, '');
    const file = join(o.rendererDir, rel);
    if (!file.startsWith(o.rendererDir + sep)) return send(res, 404, 'not found');
    try {
      let body: Buffer | string = await readFile(file);
      if (rel === 'index.html') {
        body = body.toString('utf8').replace('<head>', `<head><meta name="timetray-host-token" content="${token}">`);
      }
      send(res, 200, body, TYPES[extname(file)] ?? 'application/octet-stream');
    } catch {
      send(res, 404, 'not found');
    }
  }

  async function readJson(req: IncomingMessage, res: ServerResponse): Promise<unknown> {
    if (req.headers['x-timetray-token'] !== token) return send(res, 403, 'forbidden');
    if (!String(req.headers['content-type'] ?? '').startsWith('application/json')) return send(res, 415, 'JSON only');
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const c of req) {
      size += (c as Buffer).length;
      if (size > MAX_BODY) return send(res, 413, 'too large');
      chunks.push(c as Buffer);
    }
    try {
      return JSON.parse(Buffer.concat(chunks).toString('utf8'));
    } catch {
      return send(res, 400, 'bad JSON');
    }
  }

  async function call(req: IncomingMessage, res: ServerResponse) {
    const msg = (await readJson(req, res)) as { method?: unknown; args?: unknown } | undefined;
    if (!msg || res.writableEnded) return;
    const envelope = await o.runtime.api.dispatch(msg.method, msg.args);
    send(res, 200, JSON.stringify(envelope), 'application/json');
  }

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (req.headers.host !== `127.0.0.1:${port}` && req.headers.host !== `localhost:${port}`) return send(res, 421, 'wrong host');
    if (req.method === 'POST' && url.pathname === '/api/call') return void call(req, res).catch(() => send(res, 500, 'error'));
    if (o.testHooks && req.method === 'POST' && url.pathname === '/api/test/idle') {
      return void readJson(req, res).then((signals) => {
        if (res.writableEnded) return;
        if (!Array.isArray(signals)) return send(res, 400, 'an array of idle signals');
        const prompts = signals.map((sig) => o.runtime.idleSignal(sig as IdleSignal));
        send(res, 200, JSON.stringify(prompts.filter(Boolean)), 'application/json');
      }).catch((e: unknown) => send(res, 400, e instanceof Error ? e.message : 'bad signal'));
    }
    if (req.method === 'GET' && url.pathname === '/api/events') {
      if (url.searchParams.get('token') !== token) return send(res, 403, 'forbidden');
      res.writeHead(200, { ...security, 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store', Connection: 'keep-alive' });
      res.write(': connected\n\n');
      streams.add(res);
      req.on('close', () => streams.delete(res));
      return;
    }
    if (req.method === 'GET') return void serveFile(res, url.pathname);
    send(res, 405, 'method not allowed');
  });
  await new Promise<void>((resolve) => server.listen(o.port ?? 0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;

  return {
    url: `http://127.0.0.1:${port}/`,
    async close() {
      unsubscribe();
      for (const s of streams) s.end();
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}
