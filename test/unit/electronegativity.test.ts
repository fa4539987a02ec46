/**
 * Electronegativity (Doyensec's Electron security scanner) over what goes into the Electron app:
 * electron/ and the renderer. Every finding must be triaged in build/electronegativity-triage.json
 * with a written reason; a new finding fails the build, and so does a triage entry left behind
 * after the code it excused has gone.
 */
import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, expect, it } from 'vitest';

const root = join(__dirname, '..', '..');
const triage = JSON.parse(readFileSync(join(root, 'build', 'electronegativity-triage.json'), 'utf8')) as {
  excluded_checks: { check: string; reason: string }[];
  findings: { check: string; file: string; at: string | null; verdict: string; reason: string }[];
};
const electronVersion = /^electronVersion:\s*(\S+)/m.exec(readFileSync(join(root, 'electron-builder.yml'), 'utf8'))![1]!;

interface Finding { check: string; file: string; line: number; column: number; sample: string | null; description: string }

// The scanner reads a folder: a copy holding just the app's sources, under their own paths.
const scanned = mkdtempSync(join(tmpdir(), 'timetray-electronegativity-'));
afterAll(() => rmSync(scanned, { recursive: true, force: true }));

it('every Electronegativity finding is triaged, and every triage entry still matches a finding', async () => {
  cpSync(join(root, 'electron'), join(scanned, 'electron'), { recursive: true });
  cpSync(join(root, 'renderer', 'src'), join(scanned, 'renderer', 'src'), { recursive: true });
  cpSync(join(root, 'renderer', 'index.html'), join(scanned, 'renderer', 'index.html'));
  const out = join(scanned, '..', `${scanned.split(/[\\/]/).pop()}-findings.json`);
  await promisify(execFile)(process.execPath, [
    join(root, 'test', 'helpers', 'electronegativity-scan.mjs'), scanned, electronVersion, out,
    triage.excluded_checks.map((c) => c.check).join(','),
  ], { cwd: root, timeout: 90_000 });
  const result = JSON.parse(readFileSync(out, 'utf8')) as { checks: number; errors: unknown[]; findings: Finding[] };
  rmSync(out, { force: true });

  // It ran its checks and read every file (a file it cannot parse is a finding nobody would see).
  expect(result.checks).toBeGreaterThan(30);
  expect(result.errors).toEqual([]);

  const lineOf = (f: Finding) => (f.file === 'N/A' ? '' : readFileSync(join(scanned, f.file), 'utf8').split('\n')[f.line - 1] ?? '');
  const matches = (t: (typeof triage.findings)[number], f: Finding) =>
    t.check === f.check && (t.file === f.file || (t.file === 'N/A' && f.file === 'N/A')) && (t.at === null || lineOf(f).includes(t.at));

  const untriaged = result.findings.filter((f) => !triage.findings.some((t) => matches(t, f)));
  expect(untriaged.map((f) => `${f.check} ${f.file}:${f.line}:${f.column} ${lineOf(f).trim()} — ${f.description}`), 'findings not in build/electronegativity-triage.json').toEqual([]);
  const stale = triage.findings.filter((t) => !result.findings.some((f) => matches(t, f)));
  expect(stale.map((t) => `${t.check} ${t.file} "${t.at}"`), 'triage entries that match no finding any more').toEqual([]);
  for (const t of [...triage.findings, ...triage.excluded_checks]) expect(t.reason.length, `${t.check}: a reason`).toBeGreaterThan(40);
}, 120_000);
