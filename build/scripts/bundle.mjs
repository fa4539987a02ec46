// Bundles the TypeScript entry points into single CommonJS files under dist/.
// One file per entry keeps the CLI's start-up to a single module read (no ESM loader, no
// resolution of hundreds of files), which is most of what `timetray start` costs.
import { build } from 'esbuild';
import { chmodSync, existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

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
      contents: a.path === 'zod'
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
  { in: 'electron/cli/main.ts', out: 'dist/cli-main.cjs' },
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
    define: { TIMETRAY_VERSION: JSON.stringify(version) },
  });
  if (e.banner) chmodSync(join(root, e.out), 0o755);
}
