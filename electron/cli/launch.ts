/**
 * The `timetray` binary's first module. Compiling the 700 KB CLI bundle was the largest single
 * cost of a whole `timetray start` (profiled: ~60 ms of ~250 ms), and Node 20 has no built-in
 * compile cache, so this loads the bundle through V8's code cache: the bytecode of the first run
 * is kept in the user's cache folder and reused while the bundle is byte-for-byte the same file.
 * Any failure to read or write the cache falls back to a plain compile: the cache only saves time.
 */
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { Script } from 'node:vm';
import { quickCommand } from './command-word';

declare const TIMETRAY_VERSION: string;

const bundle = join(__dirname, 'cli-main.cjs');
const source = readFileSync(bundle, 'utf8');
const st = statSync(bundle);
// Per user, never a shared /tmp: V8 trusts cached bytecode it accepts.
const dir = join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'timetray');
// The cache holds what the run that wrote it compiled: a start compiles zod, a status never does.
const key = `${TIMETRAY_VERSION}-${process.versions.v8}-${st.size}-${Math.floor(st.mtimeMs)}`;
const cacheFile = join(dir, `cli-${key}-${quickCommand(process.argv.slice(2)) ?? 'other'}.v8`);
let cachedData: Buffer | undefined;
try {
  cachedData = readFileSync(cacheFile);
} catch {
  cachedData = undefined;
}
const script = new Script(Module.wrap(source), { filename: bundle, cachedData });
const fresh = cachedData === undefined || script.cachedDataRejected === true;
if (fresh) {
  // After the command ran, so the functions it compiled lazily are in the cache as well.
  process.once('beforeExit', () => {
    try {
      mkdirSync(dir, { recursive: true, mode: 0o700 });
      const tmp = `${cacheFile}.${process.pid}`;
      writeFileSync(tmp, script.createCachedData(), { mode: 0o600 });
      renameSync(tmp, cacheFile);
      // Each build of the bundle has its own key: drop the caches of earlier builds.
      for (const f of readdirSync(dir)) if (f.startsWith('cli-') && !f.startsWith(`cli-${key}-`)) rmSync(join(dir, f), { force: true });
    } catch {
      // A read-only home: every run compiles, as it would without this file.
    }
  });
}
const mod = new Module(bundle, module);
mod.filename = bundle;
script.runInThisContext()(mod.exports, createRequire(bundle), mod, bundle, __dirname);
