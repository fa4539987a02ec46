/** Raw bytes to the browser host, as an attacker's socket would send them: no client library tidying the request. */
import { createHash } from 'node:crypto';
import { connect } from 'node:net';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Database } from '../../electron/core/db';

/** Sends BYTES and resolves with the status code of the answer (the stream stays open for an event stream, so the status line is enough). */
export function rawRequest(port: number, bytes: Buffer | string, timeoutMs = 3000): Promise<{ status: number; head: string }> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let got = '';
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error(`no answer within ${timeoutMs} ms to ${JSON.stringify(String(bytes).slice(0, 120))}`));
    }, timeoutMs);
    socket.on('data', (d) => {
      got += d.toString('latin1');
      const end = got.indexOf('\r\n\r\n');
      if (end < 0) return;
      clearTimeout(timer);
      socket.destroy();
      resolve({ status: Number(/^HTTP\/1\.[01] (\d{3})/.exec(got)?.[1] ?? 0), head: got.slice(0, end) });
    });
    socket.on('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    socket.on('close', () => {
      clearTimeout(timer);
      reject(new Error(`connection closed without an answer: ${JSON.stringify(got.slice(0, 200))}`));
    });
    socket.write(bytes);
  });
}

/** A request's bytes with a correct Content-Length. */
export function requestBytes(method: string, target: string, headers: Record<string, string>, body = ''): Buffer {
  const b = Buffer.from(body, 'utf8');
  const lines = [`${method} ${target} HTTP/1.1`, ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`), 'Connection: close'];
  if (b.length || method === 'POST') lines.push(`Content-Length: ${b.length}`);
  return Buffer.concat([Buffer.from(lines.join('\r\n') + '\r\n\r\n', 'utf8'), b]);
}

/** Every table's rows, hashed: equal before and after means the request changed nothing. */
export function dbFingerprint(db: Database): string {
  const h = createHash('sha256');
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[];
  for (const { name } of tables) h.update(name).update(JSON.stringify(db.prepare(`SELECT * FROM "${name}"`).all()));
  return h.digest('hex');
}

/** A stand-in for the Vite build: the host serves whatever index.html it is given. */
export function fakeRendererDir(root: string): string {
  const dir = join(root, 'renderer');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'index.html'), '<!doctype html><html><head><title>Timetray</title></head><body></body></html>');
  return dir;
}
