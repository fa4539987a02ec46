/** Bundles a TypeScript fixture into one CommonJS file that plain `node` can run as a child. */
import { buildSync } from 'esbuild';
import { mkdirSync } from 'node:fs';
import { basename, join } from 'node:path';

const ROOT = join(__dirname, '..', '..');

export function bundleFixture(name: string): string {
  // Inside the repository so the child resolves better-sqlite3 from our node_modules.
  const outDir = join(ROOT, 'node_modules', '.cache', 'timetray-fixtures');
  mkdirSync(outDir, { recursive: true });
  const outfile = join(outDir, `${basename(name, '.ts')}-${process.pid}.cjs`);
  buildSync({
    entryPoints: [join(ROOT, 'test', 'fixtures', name)],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    external: ['better-sqlite3'],
    logLevel: 'warning',
  });
  return outfile;
}
