/** A Playwright fixture: a browser host on its own temp database, and the CLI on the same one. */
import { test as base, expect, type Page } from '@playwright/test';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cliAsync as runCliAsync } from '../helpers/cli';
import type { FakeProvider } from '../providers';

const ROOT = join(__dirname, '..', '..');
export const ZONE = 'Europe/Amsterdam';

export interface Host {
  /** The host's origin with a trailing slash; alone it grants nothing. */
  url: string;
  /** The per-run secret the host printed in its URL's fragment, as the user who started it sees it. */
  token: string;
  dataDir: string;
  /** Runs the real `timetray` binary on the host's database. */
  cli(...args: string[]): { code: number; stdout: string; stderr: string };
}

async function startHost(dataDir: string): Promise<{ url: string; token: string; proc: ChildProcess }> {
  const proc = spawn(process.execPath, [join(ROOT, 'dist', 'host.cjs'), '--data-dir', dataDir, '--no-sync', '--test-hooks'], {
    env: { ...process.env, TZ: ZONE }, stdio: ['ignore', 'pipe', 'pipe'],
  });
  const [url, token] = await new Promise<[string, string]>((resolve, reject) => {
    let out = '';
    const t = setTimeout(() => reject(new Error(`host did not start: ${out}`)), 10_000);
    proc.stdout!.on('data', (d: Buffer) => {
      out += d;
      const m = /is at (http:\/\/127\.0\.0\.1:\d+\/)#([\w-]+)/.exec(out);
      if (m) {
        clearTimeout(t);
        resolve([m[1]!, m[2]!]);
      }
    });
    proc.stderr!.on('data', (d: Buffer) => (out += d));
    proc.on('exit', (c) => reject(new Error(`host exited ${c}: ${out}`)));
  });
  return { url, token, proc };
}

export const test = base.extend<{ host: Host; app: Page }>({
  // Playwright reads a fixture's dependencies from its destructuring pattern: this one has none.
  // eslint-disable-next-line no-empty-pattern
  host: async ({}, use) => {
    const dataDir = mkdtempSync(join(tmpdir(), 'timetray-e2e-'));
    const { url, token, proc } = await startHost(dataDir);
    await use({
      url,
      token,
      dataDir,
      cli: (...args) => {
        const r = spawnSync(process.execPath, [join(ROOT, 'dist', 'cli.cjs'), ...args], {
          env: { ...process.env, TZ: ZONE, TIMETRAY_DATA_DIR: dataDir }, encoding: 'utf8',
        });
        return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
      },
    });
    proc.kill('SIGTERM');
    await new Promise((r) => proc.once('exit', r));
    rmSync(dataDir, { recursive: true, force: true });
  },
  app: async ({ page, host }, use) => {
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    // What the user does: open the URL the host printed, secret in the fragment.
    await page.goto(`${host.url}#${host.token}`);
    await expect(page.getByLabel('What are you working on?')).toBeVisible();
    await use(page);
    // A CSP violation or an uncaught error anywhere fails the test.
    expect(errors).toEqual([]);
  },
});

export { expect };

/** The entries the CLI sees: the database, not the screen. */
export function stored(host: Host): { id: string; description: string; start: string; end: string }[] {
  return JSON.parse(host.cli('list', '--json').stdout);
}

/** The CLI on the host's database without blocking this process: a fake server answering its sync lives here. */
export async function cliAsync(host: Host, env: Record<string, string>, ...args: string[]): Promise<{ code: number; out: string }> {
  const r = await runCliAsync(host.dataDir, args, env);
  return { code: r.code, out: r.stdout + r.stderr };
}

const SHOTS = join(ROOT, 'test-results', 'screenshots');
/** A full-page screenshot kept as test-results/screenshots/NAME.png for a human to look at. */
export async function shot(page: Page, name: string): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
}

/** Gives the host an account NAME on the fake Voltasis F, its token read from the variable TOKEN_ENV. */
export function addVoltasis(host: Host, name: string, f: FakeProvider, tokenEnv: string): void {
  const a = f.account();
  expect(host.cli('accounts', 'add', name, '--provider', 'voltasis', '--base-url', a.base_url, ...(a.context.org ? ['--org', a.context.org] : []), '--token-env', tokenEnv).code).toBe(0);
}

/** Where most specs start: account 'v' on FAKE (token in FAKE_TOKEN), one entry of 30 minutes made 90 minutes ago, synced there. */
export async function syncedOnV(host: Host, fake: FakeProvider, description: string): Promise<{ id: string }> {
  addVoltasis(host, 'v', fake, 'FAKE_TOKEN');
  const start = new Date(Date.now() - 90 * 60_000).toISOString();
  const e = JSON.parse(host.cli('add', description, '--start', start, '--duration', '30m', '--json').stdout);
  expect((await cliAsync(host, { FAKE_TOKEN: fake.token }, 'sync')).code).toBe(0);
  return e;
}
