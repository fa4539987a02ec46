/**
 * What `npm run dist` will do, read from electron-builder.yml (packaging cannot run here): the
 * security fuses, the Electron version, and what of node_modules goes into app.asar, judged with
 * electron-builder's own file matcher.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(__dirname, '..', '..');
const require = createRequire(join(root, 'package.json'));
const yaml = require('js-yaml') as { load(text: string): unknown };
const config = yaml.load(readFileSync(join(root, 'electron-builder.yml'), 'utf8')) as {
  electronVersion?: string; electronFuses?: Record<string, unknown>; files?: unknown[];
};

/** The fuses Timetray ships with, and why (README "Electron security checklist"). */
const REQUIRED_FUSES: Record<string, boolean> = {
  runAsNode: false, // ELECTRON_RUN_AS_NODE would make the signed binary a Node interpreter
  enableCookieEncryption: true,
  enableNodeOptionsEnvironmentVariable: false, // NODE_OPTIONS=--require … would inject code
  enableNodeCliInspectArguments: false, // --inspect / SIGUSR1 would attach a debugger
  enableEmbeddedAsarIntegrityValidation: true,
  onlyLoadAppFromAsar: true, // with integrity: no app folder beside app.asar is loaded instead
  loadBrowserProcessSpecificV8Snapshot: false,
  grantFileProtocolExtraPrivileges: false, // the renderer comes from app://timetray/, not file://
};

describe('electron-builder.yml', () => {
  it('sets every security fuse to its required value', () => {
    expect(config.electronFuses).toEqual(REQUIRED_FUSES);
  });

  it("names only fuses electron-builder's own schema knows (a misspelt key would be ignored)", () => {
    const scheme = JSON.parse(readFileSync(require.resolve('app-builder-lib/scheme.json'), 'utf8'));
    expect(scheme.properties.electronFuses).toBeTruthy();
    const known = Object.keys(scheme.definitions.FuseOptionsV1.properties);
    expect(Object.keys(config.electronFuses ?? {}).filter((k) => !known.includes(k))).toEqual([]);
    // And every fuse the schema offers is decided here, not left to Electron's default.
    expect(known.filter((k) => k !== 'resetAdHocDarwinSignature' && !(k in REQUIRED_FUSES))).toEqual([]);
  });

  it('pins the installed Electron version, inside package.json\'s range', () => {
    const installed = JSON.parse(readFileSync(join(root, 'node_modules', 'electron', 'package.json'), 'utf8')).version as string;
    const range = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).optionalDependencies.electron as string;
    expect(config.electronVersion).toBe(installed);
    const [maj, min, pat] = installed.split('.').map(Number);
    const [rmaj, rmin, rpat] = range.replace(/^\^/, '').split('.').map(Number);
    expect(range.startsWith('^') && maj === rmaj && (min! > rmin! || (min === rmin && pat! >= rpat!))).toBe(true);
  });

  it('packs better-sqlite3 and its loader from node_modules, never electron nor what only electron needs', () => {
    const { FileMatcher } = require('app-builder-lib/out/fileMatcher.js');
    // As electron-builder's getNodeModuleFileMatcher builds it: everything, minus the excludes of `files`.
    const excludes = (config.files ?? []).filter((p): p is string => typeof p === 'string' && p.startsWith('!'));
    const filter = new FileMatcher(root, '/app', (s: string) => s, ['**/*', ...excludes]).createFilter();
    const file = { isDirectory: () => false };
    const packed = (pkg: string) => filter(join(root, 'node_modules', pkg, 'package.json'), file) as boolean;

    // What the bundles still require at run time: build/scripts/bundle.mjs's externals, but electron.
    const bundle = readFileSync(join(root, 'build', 'scripts', 'bundle.mjs'), 'utf8');
    const externals = JSON.parse(/external:\s*(\[[^\]]*\])/.exec(bundle)![1]!.replace(/'/g, '"')) as string[];
    expect(externals).toContain('electron');
    const needed = closure(externals.filter((e) => e !== 'electron'));
    // better-sqlite3 loads its .node through bindings at run time (prebuild-install only installs it).
    expect(needed.has('bindings') && needed.has('file-uri-to-path')).toBe(true);
    for (const pkg of ['better-sqlite3', 'bindings', 'file-uri-to-path']) expect(packed(pkg), pkg).toBe(true);
    expect(filter(join(root, 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node'), file)).toBe(true);

    const electronOnly = [...closure(['electron'])].filter((p) => !needed.has(p));
    expect(electronOnly).toContain('@electron/get');
    expect(electronOnly.filter(packed)).toEqual([]);
    expect(filter(join(root, 'node_modules', 'electron', 'dist', 'electron'), file)).toBe(false);
    // Libraries already inside dist/*.cjs are not packed a second time either.
    for (const pkg of ['react', 'zod', 'commander']) expect(packed(pkg), pkg).toBe(false);
  });
});

/** A package and everything it depends on, as installed. */
function closure(names: string[]): Set<string> {
  const seen = new Set<string>();
  const todo = [...names];
  while (todo.length) {
    const name = todo.pop()!;
    const pj = join(root, 'node_modules', name, 'package.json');
    if (seen.has(name) || !existsSync(pj)) continue;
    seen.add(name);
    const p = JSON.parse(readFileSync(pj, 'utf8'));
    todo.push(...Object.keys({ ...p.dependencies, ...p.optionalDependencies }));
  }
  return seen;
}
