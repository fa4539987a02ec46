/**
 * `npm start` where Electron cannot run (build/scripts/start.mjs): one line says why, then the
 * browser host serves the window at the URL it prints, and stops when start.mjs is stopped.
 * Runs after `npm run build` (as `npm test` does): it starts dist/host.cjs, skipping the build.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/temp';

const root = join(__dirname, '..', '..');
const START = join(root, 'build', 'scripts', 'start.mjs');

/** Whether Electron could really start here (then only the switch takes the browser path). */
function electronUsable(): boolean {
  try {
    const binary = createRequire(join(root, 'package.json'))('electron') as unknown;
    return typeof binary === 'string' && existsSync(binary);
  } catch {
    return false;
  }
}

let child: ChildProcess | null = null;
let dir: ReturnType<typeof tempDir> | null = null;
afterEach(() => {
  // A failed test leaves start.mjs and the host it started: end its whole process group.
  if (child?.pid && child.exitCode === null) process.kill(-child.pid, 'SIGKILL');
  child = null;
  dir?.cleanup();
  dir = null;
});

async function startWithoutElectron(env: Record<string, string>) {
  expect(existsSync(join(root, 'dist', 'host.cjs')), 'dist/host.cjs: run `npm run build` first').toBe(true);
  dir = tempDir('timetray-start-');
  const { npm_execpath: _npm, ...inherited } = process.env;
  child = spawn(process.execPath, [START, '--no-sync'], {
    cwd: root, env: { ...inherited, TIMETRAY_START_NO_BUILD: '1', TIMETRAY_DATA_DIR: dir.dir, ...env }, stdio: ['ignore', 'pipe', 'pipe'], detached: true,
  });
  let out = '';
  let err = '';
  child.stdout!.on('data', (b: Buffer) => (out += b.toString()));
  child.stderr!.on('data', (b: Buffer) => (err += b.toString()));
  for (let waited = 0; !/Timetray is at (\S+)/.test(out); waited += 50) {
    if (waited > 15_000 || child.exitCode !== null) throw new Error(`no URL printed (exit ${child.exitCode}):\n${out}\n${err}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  return { lines: out.split('\n'), url: new URL(/Timetray is at (\S+)/.exec(out)![1]!) };
}

async function expectHostAnswers(url: URL) {
  const page = await fetch(new URL('/', url));
  expect(page.status).toBe(200);
  expect(await page.text()).toMatch(/<html/i);
  // The printed URL carries the secret that lets this user's window call the app.
  const call = await fetch(new URL('/api/call', url), {
    method: 'POST', headers: { 'content-type': 'application/json', 'x-timetray-token': url.hash.slice(1) },
    body: JSON.stringify({ method: 'timer.status', args: [] }),
  });
  expect(await call.json()).toEqual({ ok: true, value: null });
}

async function stopAndWait() {
  const exited = new Promise<number | null>((r) => child!.once('exit', (code) => r(code)));
  child!.kill('SIGTERM');
  expect(await exited).toBe(0);
}

describe('npm start without Electron', () => {
  it('TIMETRAY_NO_ELECTRON=1: says why in one line, serves the window at the printed URL, stops with start.mjs', async () => {
    const { lines, url } = await startWithoutElectron({ TIMETRAY_NO_ELECTRON: '1' });
    expect(lines[0]).toBe('TIMETRAY_NO_ELECTRON=1 is set; serving the same window in your browser instead:');
    expect(url.hostname).toBe('127.0.0.1');
    await expectHostAnswers(url);
    await stopAndWait();
    await expect(fetch(new URL('/', url))).rejects.toThrow();
  });

  it.skipIf(electronUsable())('where Electron\'s binary could not be downloaded (this machine), no switch is needed', async () => {
    const { lines, url } = await startWithoutElectron({});
    expect(lines[0]).toMatch(/^Electron is (not installed here|installed without its binary) \(.+\); serving the same window in your browser instead:$/);
    await expectHostAnswers(url);
    await stopAndWait();
  });
});
