/**
 * The renderer served from app://timetray/: requests go through the handler serveApp registers (a
 * recorded stand-in for Electron's protocol module), over real files in a temp folder.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { APP_PAGE, appPageUrl, registerAppScheme, serveApp } from '../../electron/shell/app-protocol';
import { APP_CSP, isTrustedSender } from '../../electron/shell/window-options';

const dir = mkdtempSync(join(tmpdir(), 'timetray-app-'));
const root = join(dir, 'renderer');
mkdirSync(join(root, 'assets'), { recursive: true });
writeFileSync(join(root, 'index.html'), '<!doctype html><title>Timetray</title>');
writeFileSync(join(root, 'assets', 'index-1.js'), 'console.log(1)');
writeFileSync(join(root, 'assets', 'notes.txt'), 'not part of the renderer');
writeFileSync(join(dir, 'secrets.json'), '{"acct":"token"}');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

type Handler = (r: Request) => Promise<Response>;
let handler: Handler | null = null;
serveApp({ handle: (scheme: string, h: Handler) => { expect(scheme).toBe('app'); handler = h; } } as never, root);
const get = async (url: string, method = 'GET') => {
  const r = await handler!(new Request(url, { method }));
  return { status: r.status, type: r.headers.get('content-type'), csp: r.headers.get('content-security-policy'), body: await r.text() };
};

describe('app:// protocol', () => {
  it('is registered as a standard, secure scheme before the app is ready', () => {
    const registered: unknown[] = [];
    registerAppScheme({ registerSchemesAsPrivileged: (s: unknown[]) => registered.push(...s) } as never);
    expect(registered).toEqual([{ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) }]);
  });

  it('serves the page with its CSP as a header, and the bundle with its type', async () => {
    expect(await get(appPageUrl('settings'))).toMatchObject({ status: 200, type: 'text/html; charset=utf-8', csp: APP_CSP });
    expect(await get('app://timetray/')).toMatchObject({ status: 200, body: '<!doctype html><title>Timetray</title>' });
    expect(await get('app://timetray/assets/index-1.js')).toMatchObject({ status: 200, type: 'text/javascript; charset=utf-8', csp: null, body: 'console.log(1)' });
  });

  it('serves nothing outside the renderer folder, from another host, or of another kind', async () => {
    for (const url of [
      'app://timetray/../secrets.json',
      'app://timetray/%2e%2e/secrets.json',
      'app://timetray/assets/%2e%2e%2f%2e%2e%2fsecrets.json',
      'app://timetray/assets/..%5c..%5csecrets.json',
      'app://timetray/index.html%00.js',
      'app://evil/index.html',
      'app://timetray/assets/notes.txt',
      'app://timetray/missing.js',
      'app://timetray/%E0%A4%A',
    ]) {
      const r = await get(url);
      expect(r.status, url).toBe(404);
      expect(r.body, url).not.toContain('token');
    }
    expect((await get(APP_PAGE, 'POST')).status).toBe(404);
  });

  it('the bridge answers only the app page on our host', () => {
    expect(isTrustedSender(appPageUrl('settings'), APP_PAGE)).toBe(true);
    expect(isTrustedSender('app://evil/index.html', APP_PAGE)).toBe(false);
    expect(isTrustedSender('file:///opt/Timetray/resources/app.asar/dist/renderer/index.html', APP_PAGE)).toBe(false);
    expect(isTrustedSender('https://timetray/index.html', APP_PAGE)).toBe(false);
  });

  it("the page's meta CSP is APP_CSP (but frame-ancestors, which a meta tag cannot carry): the header adds, never loosens", () => {
    const html = readFileSync(join(__dirname, '..', '..', 'renderer', 'index.html'), 'utf8');
    const meta = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)![1]!;
    const directives = (csp: string) => csp.split(';').map((d) => d.trim()).filter(Boolean).sort();
    expect(directives(meta)).toEqual(directives(APP_CSP).filter((d) => !d.startsWith('frame-ancestors')));
  });
});
