// Bundles the TypeScript entry points into single CommonJS files under dist/.
// One file per entry keeps the CLI's start-up to a single module read (no ESM loader, no
// resolution of hundreds of files), which is most of what `timetray start` costs.
import { build } from 'esbuild';
import { chmodSync, existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const nodeRequire = createRequire(import.meta.url);
const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

// `import { z } from 'zod'` hands over zod's whole namespace, so no bundler can drop what we
// never call: 800 KB of the CLI's 1.2 MB (every locale, JSON Schema in and out, the JIT). This
// namespace has everything but those (English messages come with the schemas themselves);
// every start of `timetray` compiles 500 KB less.
const ZOD = join(root, 'node_modules', 'zod', 'v4');
const zodSlim = {
  name: 'zod-slim',
  setup(b) {
    b.onResolve({ filter: /^zod$/ }, () => ({ path: 'zod', namespace: 'zod-slim' }));
    b.onResolve({ filter: /^zod-slim:parts$/ }, () => ({ path: 'parts', namespace: 'zod-slim' }));
    b.onLoad({ filter: /.*/, namespace: 'zod-slim' }, (a) => ({
      resolveDir: ZOD,
      loader: 'js',
      contents: a.path === 'zod-on-use' ? zodOnUseFacade : a.path === 'zod'
        ? "import * as z from 'zod-slim:parts';\nexport * from 'zod-slim:parts';\nexport { z, z as default };\n"
        : [
          "export * from './classic/schemas.js';", "export * from './classic/checks.js';", "export * from './classic/errors.js';",
          "export * from './classic/parse.js';", "export * from './classic/compat.js';",
          "export { globalRegistry, registry, config, $output, $input, $brand, clone, regexes, treeifyError, prettifyError, formatError, flattenError, TimePrecision, util, NEVER } from './core/index.js';",
          "export { ZodISODateTime, ZodISODate, ZodISOTime, ZodISODuration } from './classic/iso.js';",
          "export * as iso from './classic/iso.js';", "export * as coerce from './classic/coerce.js';",
        ].join('\n'),
    }));
  },
};

/**
 * Node built-ins that cost a `timetray status` more than the command uses them: commander loads
 * child_process (with net and stream) for subcommands we never spawn, and ids load crypto though
 * only a start makes an id; ~12 ms each at start-up (profiled). These stand in for the module and
 * require it on first use of any of its members.
 */
const LAZY_BUILTINS = /^(node:)?(child_process|crypto)$/;
const lazyBuiltins = {
  name: 'lazy-builtins',
  setup(b) {
    b.onResolve({ filter: LAZY_BUILTINS }, (a) =>
      a.namespace === 'lazy-builtin' ? { path: a.path, external: true } : { path: a.path.replace(/^node:/, ''), namespace: 'lazy-builtin' });
    b.onLoad({ filter: /.*/, namespace: 'lazy-builtin' }, (a) => ({
      loader: 'js',
      // A getter per member (the names as this Node has them): importing copies the names, and
      // only reading a member loads the module.
      contents: `let m;\nconst load = () => (m ??= require('node:${a.path}'));\nconst shim = {};\n` +
        `for (const k of ${JSON.stringify(Object.keys(nodeRequire(a.path)))}) Object.defineProperty(shim, k, { get: () => load()[k], enumerable: true });\n` +
        'module.exports = shim;\n',
    }));
  },
};

/**
 * zod itself, evaluated on first use (the CLI): `timetray stop` and `status` validate nothing
 * with it, and evaluating zod's classes was ~8 ms of every run. The schemas in shared/ are built
 * lazily too (shared/lazy.ts), so nothing touches `z` at load.
 */
const zodOnUse = {
  name: 'zod-on-use',
  setup(b) {
    b.onResolve({ filter: /^zod$/ }, () => ({ path: 'zod-on-use', namespace: 'zod-slim' }));
    b.onResolve({ filter: /^zod-slim:zod$/ }, () => ({ path: 'zod', namespace: 'zod-slim' }));
  },
};
const zodOnUseFacade = "let real;\nconst load = () => (real ??= require('zod-slim:zod').z);\n" +
  'export const z = new Proxy({}, { get: (_t, k) => load()[k], has: (_t, k) => k in load() });\nexport default z;\n';

/**
 * better-sqlite3 inside the CLI bundle: required from node_modules it resolved a dozen files of
 * its own and searched for its addon through `bindings` (~18 ms of a `timetray status`,
 * profiled). Its addon is found where its build puts it, by one resolve of its package; anywhere
 * else `bindings` searches as before, from that package's folder.
 */
const sqliteAddon = {
  name: 'sqlite-addon',
  setup(b) {
    b.onResolve({ filter: /^bindings$/ }, (a) =>
      a.namespace === 'sqlite-addon' ? undefined : { path: 'bindings', namespace: 'sqlite-addon' });
    b.onLoad({ filter: /.*/, namespace: 'sqlite-addon' }, () => ({
      loader: 'js',
      resolveDir: join(root, 'node_modules', 'better-sqlite3'),
      contents: [
        "const { existsSync } = require('node:fs');",
        "const { dirname, join } = require('node:path');",
        'module.exports = (name) => {',
        "  const moduleRoot = dirname(require.resolve('better-sqlite3/package.json'));",
        "  const built = join(moduleRoot, 'build', 'Release', name);",
        "  return existsSync(built) ? require(built) : require('bindings')({ bindings: name, module_root: moduleRoot });",
        '};',
      ].join('\n'),
    }));
  },
};

/**
 * @date-fns/tz, evaluated on first use (the CLI): at load it wraps every Date method, ~3 ms that
 * a `timetray status` with no timer running never needs. The CLI only constructs TZDates.
 */
const tzOnUse = {
  name: 'tz-on-use',
  setup(b) {
    b.onResolve({ filter: /^@date-fns\/tz$/ }, (a) => (a.namespace === 'tz-on-use' ? undefined : { path: 'tz', namespace: 'tz-on-use' }));
    b.onLoad({ filter: /.*/, namespace: 'tz-on-use' }, () => ({
      loader: 'js',
      resolveDir: root,
      contents: "let real;\nconst load = () => (real ??= require('@date-fns/tz').TZDate);\n" +
        'export const TZDate = new Proxy(function TZDate() {}, {\n' +
        '  construct: (_t, args) => Reflect.construct(load(), args),\n' +
        '  get: (_t, k) => load()[k],\n' +
        '});\n',
    }));
  },
};

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: 'linked',
  logLevel: 'warning',
  // Native and heavy optional modules stay outside the bundle and are loaded at run time.
  external: ['better-sqlite3', 'electron'],
  absWorkingDir: root,
  plugins: [zodSlim],
};

const entries = [
  // The binary is a small loader that runs the bundle through V8's code cache (electron/cli/launch.ts).
  { in: 'electron/cli/launch.ts', out: 'dist/cli.cjs', banner: '#!/usr/bin/env node' },
  // Without whitespace and comments: a third less to read and parse per run, and pure ASCII, so
  // V8 holds it as a one-byte string (a comment's '→' made it two-byte, twice the size). Local
  // names shortened too (538 → 389 KB, ~4 ms of every run on this machine): nothing the CLI
  // prints comes from a function's name, and a TIMETRAY_DEBUG stack maps back through the .map.
  {
    in: 'electron/cli/main.ts', out: 'dist/cli-main.cjs', plugins: [zodOnUse, tzOnUse, lazyBuiltins, sqliteAddon, zodSlim],
    external: ['electron', 'better-sqlite3/package.json'], minify: { minifyWhitespace: true, minifySyntax: true, minifyIdentifiers: true },
  },
  { in: 'electron/host/main.ts', out: 'dist/host.cjs' },
  { in: 'electron/shell/main.ts', out: 'dist/main.cjs' },
  // Sandboxed preloads may require only 'electron': everything else is bundled in.
  { in: 'electron/shell/preload.ts', out: 'dist/preload.cjs' },
];
const version = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version;

for (const e of entries) {
  if (!existsSync(join(root, e.in))) continue;
  await build({
    ...common,
    entryPoints: [e.in],
    outfile: e.out,
    banner: e.banner ? { js: e.banner } : undefined,
    plugins: e.plugins ?? common.plugins,
    external: e.external ?? common.external,
    ...e.minify,
    define: { TIMETRAY_VERSION: JSON.stringify(version) },
  });
  if (e.banner) chmodSync(join(root, e.out), 0o755);
}
