/**
 * The renderer is served from app://timetray/ rather than loaded from file://. A file:// page gets
 * privileges a browser never gives it (reading any local file, a null origin shared by every file);
 * with our own scheme the page has one origin of its own, its CSP's 'self' means only our files,
 * and the grantFileProtocolExtraPrivileges fuse can be off (electron-builder.yml).
 */
import type { Protocol } from 'electron';
import { readFile } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';
import { APP_CSP } from './window-options';

export const APP_SCHEME = 'app';
export const APP_HOST = 'timetray';
/** The page every window loads, and the only frame the bridge answers (ipc-handlers.ts). */
export const APP_PAGE = `${APP_SCHEME}://${APP_HOST}/index.html`;

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

/** The app page, opened on one of its views (#settings, #reports, #idle). */
export function appPageUrl(view?: string): string {
  return view ? `${APP_PAGE}#${encodeURIComponent(view)}` : APP_PAGE;
}

/**
 * The file under `root` that `url` names, with its content type; null for another host, a path
 * leaving `root` (also %-encoded), a NUL or backslash, or a kind of file the renderer does not have.
 */
export function appFileFor(url: string, root: string): { path: string; type: string } | null {
  let u: URL;
  let path: string;
  try {
    u = new URL(url);
    path = decodeURIComponent(u.pathname);
  } catch {
    return null;
  }
  if (u.protocol !== `${APP_SCHEME}:` || u.host !== APP_HOST || u.username || u.password) return null;
  if (path.includes('\0') || path.includes('\\')) return null;
  const base = resolve(root);
  const file = resolve(base, `.${path === '/' ? '/index.html' : path}`);
  if (!file.startsWith(base + sep)) return null;
  const type = TYPES[extname(file).toLowerCase()];
  return type ? { path: file, type } : null;
}

/** Before the app is ready: the scheme is standard (relative URLs, an origin) and secure. */
export function registerAppScheme(protocol: Pick<Protocol, 'registerSchemesAsPrivileged'>): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true } },
  ]);
}

/** Answers app:// requests from the files under `root`; the page itself carries the CSP as a header too. */
export function serveApp(protocol: Pick<Protocol, 'handle'>, root: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const found = appFileFor(request.url, root);
    if (!found || request.method !== 'GET') return new Response('not found', { status: 404 });
    let body: Buffer;
    try {
      body = await readFile(found.path);
    } catch {
      return new Response('not found', { status: 404 });
    }
    const headers: Record<string, string> = { 'content-type': found.type, 'x-content-type-options': 'nosniff' };
    if (found.type.startsWith('text/html')) headers['content-security-policy'] = APP_CSP;
    return new Response(new Uint8Array(body), { status: 200, headers });
  });
}
