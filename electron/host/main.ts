/**
 * `npm run host`: the app's window in any browser, over the real core. Prints the URL.
 * Options: --data-dir DIR (else $TIMETRAY_DATA_DIR, else the app's folder), --port N, --no-sync,
 * --test-hooks (simulated idle/power signals for the Playwright suite).
 */
import { homedir } from 'node:os';
import { join } from 'node:path';
import { startAppRuntime } from '../core/app-runtime';
import { resolveDataDir } from '../core/data-dir';
import { createMemorySecrets } from '../core/secrets';
import { startHost } from './server';
import { nodeFetch } from '../core/sync/node-fetch';

declare const TIMETRAY_VERSION: string;

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

async function main() {
  const dataDir = resolveDataDir(arg('--data-dir'), process.env, process.platform, homedir());
  const runtime = startAppRuntime({
    dataDir, host: 'browser', version: typeof TIMETRAY_VERSION === 'string' ? TIMETRAY_VERSION : 'dev',
    fetch: nodeFetch,
    // No system keychain outside Electron: typed tokens live only as long as this process.
    secrets: createMemorySecrets(), secretStorage: 'memory',
    sync: !process.argv.includes('--no-sync'),
  });
  const host = await startHost({
    runtime, rendererDir: join(__dirname, 'renderer'), port: Number(arg('--port') ?? 0), testHooks: process.argv.includes('--test-hooks'),
  });
  // The secret is in the fragment: only whoever reads this terminal can open a window that works.
  process.stdout.write(`Timetray is at ${host.openUrl}  (data: ${dataDir})\n`);
  const stop = async () => {
    await host.close();
    await runtime.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

main().catch((e) => {
  process.stderr.write(`timetray host: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
