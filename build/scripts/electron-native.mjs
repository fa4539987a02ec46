// Builds better-sqlite3 for Electron into build/native/, beside (not over) the Node build that the
// CLI and the tests load from node_modules. `npm start` runs this once; the main process passes the
// result to better-sqlite3 as its nativeBinding. Needs Electron's headers (electronjs.org), so it
// works where Electron itself can be downloaded. Packaging does its own rebuild (electron-builder).
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const electronVersion = JSON.parse(readFileSync(join(root, 'node_modules/electron/package.json'), 'utf8')).version;
const sqliteVersion = JSON.parse(readFileSync(join(root, 'node_modules/better-sqlite3/package.json'), 'utf8')).version;
const outDir = join(root, 'build', 'native');
const out = join(outDir, 'better_sqlite3.node');
const stamp = join(outDir, `electron-${electronVersion}-sqlite-${sqliteVersion}`);

if (existsSync(out) && existsSync(stamp)) process.exit(0);
const work = join(outDir, 'src');
rmSync(work, { recursive: true, force: true });
mkdirSync(outDir, { recursive: true });
cpSync(join(root, 'node_modules/better-sqlite3'), work, { recursive: true });
console.log(`building better-sqlite3 ${sqliteVersion} for Electron ${electronVersion} (once)…`);
execFileSync(process.execPath, [join(root, 'node_modules/node-gyp/bin/node-gyp.js'), 'rebuild', '--release',
  `--target=${electronVersion}`, '--dist-url=https://electronjs.org/headers', '--runtime=electron'], { cwd: work, stdio: 'inherit' });
cpSync(join(work, 'build/Release/better_sqlite3.node'), out);
cpSync(out, stamp);
rmSync(work, { recursive: true, force: true });
