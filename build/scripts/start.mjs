// `npm start`: builds, then opens the tray app in Electron where Electron can run here. Where it
// cannot (npm could not download its binary, so the optional dependency was dropped or left without
// one; no display; better-sqlite3 not buildable for it), it says why in one line and serves the same
// window through the browser host instead, which prints its URL. Arguments after `--` go to either.
//   TIMETRAY_NO_ELECTRON=1      take the browser path even where Electron is installed
//   TIMETRAY_START_NO_BUILD=1   skip the build (the tests run this after `npm run build`)
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const require = createRequire(join(root, 'package.json'));
const args = process.argv.slice(2);

function run(command, argv) {
  const r = spawnSync(command, argv, { cwd: root, stdio: 'inherit' });
  return r.status === 0;
}

function build() {
  if (process.env.TIMETRAY_START_NO_BUILD === '1') return;
  // Under `npm start`, npm says where it lives; run that same npm with this same node.
  const ok = process.env.npm_execpath
    ? run(process.execPath, [process.env.npm_execpath, 'run', 'build'])
    : spawnSync('npm run build', { cwd: root, stdio: 'inherit', shell: true }).status === 0;
  if (!ok) {
    console.error('npm start: the build failed (above); nothing was started');
    process.exit(1);
  }
}

/** Electron's binary, or why it cannot be used here. */
function findElectron() {
  if (process.env.TIMETRAY_NO_ELECTRON === '1') return { why: 'TIMETRAY_NO_ELECTRON=1 is set' };
  try {
    require.resolve('electron');
  } catch {
    return { why: 'Electron is not installed here (its binary could not be downloaded, so npm skipped it)' };
  }
  let binary;
  try {
    // The package's main is the path of the binary its postinstall downloaded; it throws without one.
    binary = require('electron');
  } catch {
    return { why: 'Electron is installed without its binary (the download failed)' };
  }
  if (typeof binary !== 'string' || !existsSync(binary)) return { why: `Electron's binary is missing (${binary})` };
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    return { why: 'there is no display here for Electron (neither DISPLAY nor WAYLAND_DISPLAY is set)' };
  }
  return { binary };
}

/** Runs `command` as the app, passing Ctrl-C and kill on to it, and exits with its status. */
function hand(command, argv) {
  const child = spawn(command, argv, { cwd: root, stdio: 'inherit' });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

function serveInBrowser(why) {
  console.log(`${why}; serving the same window in your browser instead:`);
  hand(process.execPath, [join(root, 'dist', 'host.cjs'), ...args]);
}

build();
const electron = findElectron();
if (!electron.binary) {
  serveInBrowser(electron.why);
} else if (!run(process.execPath, [join(root, 'build', 'scripts', 'electron-native.mjs')])) {
  serveInBrowser('better-sqlite3 could not be built for Electron (above)');
} else {
  hand(electron.binary, ['.', ...args]);
}
