// Bundles the TypeScript entry points into single CommonJS files under dist/.
// One file per entry keeps the CLI's start-up to a single module read (no ESM loader, no
// resolution of hundreds of files), which is most of what `timetray start` costs.
import { build } from 'esbuild';
import { chmodSync, existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

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
};

const entries = [
  { in: 'electron/cli/main.ts', out: 'dist/cli.cjs', banner: '#!/usr/bin/env node' },
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
