/**
 * The import directions of design.md, enforced: shared/ imports no code of ours and no Node
 * built-ins; electron/core/ never imports electron; renderer/ never reaches into electron/.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(__dirname, '..', '..');

function sources(dir: string): string[] {
  const abs = join(root, dir);
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (name === 'node_modules' || name === 'dist') continue;
      if (statSync(p).isDirectory()) walk(p);
      else if (/\.(ts|tsx|mts|cts)$/.test(name)) out.push(p);
    }
  };
  try {
    walk(abs);
  } catch {
    return [];
  }
  return out;
}

function imports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specs = [...text.matchAll(/(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|require\(\s*['"]([^'"]+)['"]\s*\)/g)];
  return specs.map((m) => m[1] ?? m[2] ?? m[3]!);
}

function violations(dir: string, bad: (spec: string, file: string) => boolean): string[] {
  return sources(dir).flatMap((f) => imports(f).filter((s) => bad(s, f)).map((s) => `${relative(root, f)} imports ${s}`));
}

describe('layering', () => {
  it('finds the sources it checks', () => {
    expect(sources('shared').length).toBeGreaterThan(3);
    expect(sources('electron/core').length).toBeGreaterThan(5);
  });
  it('shared/ imports only itself and libraries, never Node built-ins', () => {
    expect(violations('shared', (s) => s.startsWith('node:') || (s.startsWith('.') && !s.startsWith('./')) || s === 'electron')).toEqual([]);
  });
  it('electron/core/ never imports electron or anything above it', () => {
    expect(violations('electron/core', (s) => s === 'electron' || s.startsWith('electron/') || /^(\.\.\/)+(cli|shell|host)/.test(s) || s.includes('renderer'))).toEqual([]);
  });
  it('renderer/ never imports from electron/ nor Node (its build config aside)', () => {
    expect(sources('renderer/src').length).toBeGreaterThan(5);
    expect(violations('renderer/src', (s) => s === 'electron' || s.includes('/electron/') || s.startsWith('node:'))).toEqual([]);
  });
  it('Electron APIs are called only from the shell\'s wiring files, never from its pure parts', () => {
    // Types only in the pure parts: they run in plain Node under test.
    const wiring = /\/(main|preload|ipc-handlers|tray|global-shortcuts|safe-storage-secrets|power-idle)\.ts$/;
    const valueImports = sources('electron/shell')
      .filter((f) => !wiring.test(f))
      .filter((f) => /import\s+(?!type\b)[^'"]*from\s*['"]electron['"]/.test(readFileSync(f, 'utf8')));
    expect(valueImports).toEqual([]);
    expect(violations('electron/host', (s) => s === 'electron')).toEqual([]);
  });
});
