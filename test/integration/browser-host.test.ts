/**
 * The browser host as an attacker on this machine meets it (issue 12, findings 2 and 3): raw bytes
 * on a socket, and a GET of / by someone who never saw the terminal the host printed its URL to.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startAppRuntime, type AppRuntime } from '../../electron/core/app-runtime';
import { nodeFetch } from '../../electron/core/sync/node-fetch';
import { startHost } from '../../electron/host/server';
import { dbFingerprint, fakeRendererDir, rawRequest, requestBytes } from '../helpers/raw-http';
import { tempDir } from '../helpers/temp';

let dir: ReturnType<typeof tempDir>;
let runtime: AppRuntime;
let host: Awaited<ReturnType<typeof startHost>>;
let port: number;
let secret: string;

beforeEach(async () => {
  dir = tempDir();
  runtime = startAppRuntime({ dataDir: dir.dir, host: 'browser', version: 'test', fetch: nodeFetch, sync: false });
  host = await startHost({ runtime, rendererDir: fakeRendererDir(dir.dir) });
  port = Number(new URL(host.url).port);
  // What the user who started it has: the URL it printed.
  secret = new URL(host.openUrl).hash.slice(1);
});
afterEach(async () => {
  await host.close();
  await runtime.close();
  dir.cleanup();
});

const hostHeader = () => ({ Host: `127.0.0.1:${port}` });
const startTimer = (headers: Record<string, string>, body = JSON.stringify({ method: 'timer.start', args: [{ description: 'x' }] })) =>
  rawRequest(port, requestBytes('POST', '/api/call', { ...hostHeader(), 'Content-Type': 'application/json', ...headers }, body));
const stillServing = async () => expect((await rawRequest(port, requestBytes('GET', '/', hostHeader()))).status).toBe(200);

describe('one boundary around all request parsing', () => {
  it('GET /% is a 400 and the host answers the next request', async () => {
    expect((await rawRequest(port, requestBytes('GET', '/%', hostHeader()))).status).toBe(400);
    expect((await rawRequest(port, requestBytes('GET', '/%E0%A4%A', hostHeader()))).status).toBe(400);
    await stillServing();
  });

  it('a raw absolute-form target GET http://[/ is a 4xx and the host answers the next request', async () => {
    const r = await rawRequest(port, requestBytes('GET', 'http://[/', hostHeader()));
    expect(r.status).toBeGreaterThanOrEqual(400);
    expect(r.status).toBeLessThan(500);
    await stillServing();
  });

  it('the Host check comes before the target is read: a rebinding name learns nothing, not even a parse error', async () => {
    expect((await rawRequest(port, requestBytes('GET', '/%', { Host: `evil.example:${port}` }))).status).toBe(421);
    expect((await rawRequest(port, requestBytes('GET', 'http://[/', { Host: `evil.example:${port}` }))).status).toBe(421);
  });

  it('a JSON body of null (or an array, or a number) is answered 400 and starts nothing', async () => {
    for (const body of ['null', '[]', '7', '"timer.start"']) {
      expect((await startTimer({ 'X-Timetray-Token': secret }, body)).status).toBe(400);
    }
    await expect(runtime.api.dispatch('timer.status', [])).resolves.toMatchObject({ ok: true, value: null });
    await stillServing();
  });

  it('bytes that are not HTTP get a 400 and the next request is answered', async () => {
    expect((await rawRequest(port, 'HELLO\r\n\r\n')).status).toBe(400);
    await stillServing();
  });
});

describe('access only for the user who started it', () => {
  it('GET / does not carry the secret, and the secret is only in the printed URL\'s fragment', async () => {
    const page = await fetch(host.url);
    expect(page.status).toBe(200);
    expect(await page.text()).not.toContain(secret);
    expect(secret.length).toBeGreaterThanOrEqual(32);
    expect(host.openUrl).toBe(`${host.url}#${secret}`);
  });

  it('the API refuses without the secret, with a wrong one of the same length, and in the query; the database is unchanged', async () => {
    const before = dbFingerprint(runtime.core.db);
    const wrong = secret.slice(0, -1) + (secret.endsWith('A') ? 'B' : 'A');
    expect((await startTimer({})).status).toBe(403);
    expect((await startTimer({ 'X-Timetray-Token': wrong })).status).toBe(403);
    expect((await startTimer({ 'X-Timetray-Token': secret.slice(1) })).status).toBe(403);
    expect((await rawRequest(port, requestBytes('POST', `/api/call?token=${secret}`, { ...hostHeader(), 'Content-Type': 'application/json' }, '{"method":"timer.start","args":[{}]}'))).status).toBe(403);
    expect(dbFingerprint(runtime.core.db)).toBe(before);
    // The same request with the secret does what it says: the refusals above were about the secret alone.
    expect((await startTimer({ 'X-Timetray-Token': secret })).status).toBe(200);
    expect(await runtime.api.dispatch('timer.status', [])).toMatchObject({ ok: true, value: { description: 'x' } });
  });

  it('the event stream wants the secret in the header, not the query', async () => {
    expect((await rawRequest(port, requestBytes('GET', `/api/events?token=${secret}`, hostHeader()))).status).toBe(403);
    expect((await rawRequest(port, requestBytes('GET', '/api/events', hostHeader()))).status).toBe(403);
    const r = await rawRequest(port, requestBytes('GET', '/api/events', { ...hostHeader(), 'X-Timetray-Token': secret }));
    expect(r.status).toBe(200);
    expect(r.head).toContain('text/event-stream');
  });
});
