/**
 * Issue 11 c, as the user sees it: an entry typed to the second, synced to a server that rounds
 * (real core, real sync engine, fake server on loopback). The entry keeps what the user typed;
 * the window's list (over the bridge) and `timetray show` (the CLI's own code, a second core on the
 * same file as a CLI process would open) say what the server holds. The server's side is read from
 * the fake's store, never from our database.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { openCore } from '../../electron/core';
import { createAppApi, type AppApi } from '../../electron/core/app-api';
import { buildProgram } from '../../electron/cli/program';
import type { EntryView } from '../../shared/entry';
import { localDateOf, zonedInstant } from '../../shared/time';
import { world, ZONE, type World } from '../helpers/sync';

let w: World | null = null;
let api: AppApi | null = null;
afterEach(async () => {
  api?.close();
  api = null;
  await w?.done();
  w = null;
});

/** hh:mm:ss on a day two days back (inside the pull window), in the test's zone. */
function twoDaysAgo(at: World, h: number, m: number, s: number): number {
  const [y, mo, d] = localDateOf(at.clock.now() - 2 * 86_400_000, ZONE).split('-').map(Number) as [number, number, number];
  return zonedInstant(y, mo, d, h, m, ZONE) + s * 1000;
}

async function listed(id: string): Promise<EntryView> {
  const r = await api!.dispatch('entries.list', [{}]);
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  const e = (r.value as EntryView[]).find((x) => x.id === id);
  if (!e) throw new Error(`entries.list lacks ${id}`);
  return e;
}

async function timetray(dir: string, ...args: string[]): Promise<string> {
  let out = '';
  const { program, close } = buildProgram({
    out: (t) => (out += t), err: (t) => (out += t), env: { TIMETRAY_DATA_DIR: dir }, openCore: (d) => openCore({ dataDir: d, zone: ZONE }),
  });
  try {
    await program.parseAsync(args, { from: 'user' });
  } finally {
    close();
  }
  return out;
}

describe('what a rounding server holds, shown on the entry', () => {
  it('Moneybird: 09:00:37–10:31:07 stays as typed after sync; the note says the server holds 09:00–10:31', async () => {
    w = await world('moneybird');
    api = createAppApi({ core: w.core, host: 'browser', version: 'test', watchMs: 60_000 });
    const start = twoDaysAgo(w, 9, 0, 37);
    const end = twoDaysAgo(w, 10, 31, 7);
    const typed = { start: new Date(start).toISOString(), end: new Date(end).toISOString() };
    const e = w.core.entries.create({ description: 'rounded', ...typed, project_id: '101' });
    await w.drain();
    await w.sync(); // a second pull over the same record: a round trip must still change nothing

    const held = w.server.held();
    expect(held.map((h) => ({ start: h.start, seconds: h.seconds }))).toEqual([{ start: start - 37_000, seconds: 91 * 60 }]);
    const v = await listed(e.id);
    expect({ start: v.start, end: v.end, state: v.sync.state }).toEqual({ ...typed, state: 'synced' });
    expect(v.history_count).toBe(0);
    expect(v.held_as?.note).toBe('Moneybird holds 09:00–10:31 (minutes, rounded down)');

    const shown = await timetray(w.dir, 'show', e.id);
    expect(shown).toContain('09:00:37–10:31:07');
    expect(shown).toContain('on the server: Moneybird holds 09:00–10:31 (minutes, rounded down)');
    expect(JSON.parse(await timetray(w.dir, 'show', e.id, '--json')).held_as.note).toBe('Moneybird holds 09:00–10:31 (minutes, rounded down)');
    const line = (await timetray(w.dir, 'list')).split('\n').find((l) => l.startsWith(e.id));
    expect(line).toContain('09:00:37–10:31:07');
    expect(line).toContain('[acct:synced]  (held: 09:00–10:31)');

    // While an edit waits the server still holds the old record: no note about rounding until it is through.
    w.core.entries.edit(e.id, { description: 'rounded, renamed' });
    expect((await listed(e.id)).held_as).toBeNull();
    await w.drain();
    expect((await listed(e.id)).held_as?.note).toBe('Moneybird holds 09:00–10:31 (minutes, rounded down)');
  });

  it('Moneybird: an entry typed in whole minutes gets no note', async () => {
    w = await world('moneybird');
    api = createAppApi({ core: w.core, host: 'browser', version: 'test', watchMs: 60_000 });
    const e = w.core.entries.create({ description: 'whole', start: new Date(twoDaysAgo(w, 9, 0, 0)).toISOString(), end: new Date(twoDaysAgo(w, 10, 31, 0)).toISOString(), project_id: '101' });
    await w.drain();
    const v = await listed(e.id);
    expect(v.sync.state).toBe('synced');
    expect(v.held_as).toBeNull();
  });

  it('Kantata: 09:00:37–10:31:07 (1 h 30 min 30 s) is held as 91 whole minutes on its day', async () => {
    w = await world('kantata');
    api = createAppApi({ core: w.core, host: 'browser', version: 'test', watchMs: 60_000 });
    const typed = { start: new Date(twoDaysAgo(w, 9, 0, 37)).toISOString(), end: new Date(twoDaysAgo(w, 10, 31, 7)).toISOString() };
    const e = w.core.entries.create({ description: 'per day', ...typed, project_id: '101' });
    await w.drain();
    await w.sync();
    expect(w.server.held().map((h) => h.seconds)).toEqual([91 * 60]);
    const v = await listed(e.id);
    expect({ start: v.start, end: v.end, state: v.sync.state, history: v.history_count }).toEqual({ ...typed, state: 'synced', history: 0 });
    expect(v.held_as?.note).toBe('Kantata holds 1 h 31 min (whole minutes)');
  });

  it('Kantata: 23:19:40 to 01:20 the next day is two records, each in whole minutes, named by its day', async () => {
    w = await world('kantata');
    api = createAppApi({ core: w.core, host: 'browser', version: 'test', watchMs: 60_000 });
    const start = twoDaysAgo(w, 23, 19, 40);
    const end = twoDaysAgo(w, 23, 20, 0) + 2 * 3_600_000; // 01:20 the next day: Amsterdam's clock changes at 02:00 or 03:00, never in between
    const e = w.core.entries.create({ description: 'late', start: new Date(start).toISOString(), end: new Date(end).toISOString(), project_id: '101' });
    await w.drain();
    await w.sync();
    expect(w.server.held().map((h) => h.seconds).sort()).toEqual([40 * 60, 80 * 60]);
    const day = (ms: number) => new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', timeZone: ZONE }).format(ms);
    const v = await listed(e.id);
    expect(v.sync.state).toBe('synced');
    expect(v.held_as?.note).toBe(`Kantata holds 2 records: ${day(start)} 0 h 40 min, ${day(end)} 1 h 20 min (whole minutes)`);
  });

  it('Voltasis keeps 09:00:37–10:31:07 but counts it in whole minutes: 1 h 31 min', async () => {
    w = await world('voltasis');
    api = createAppApi({ core: w.core, host: 'browser', version: 'test', watchMs: 60_000 });
    const typed = { start: new Date(twoDaysAgo(w, 9, 0, 37)).toISOString(), end: new Date(twoDaysAgo(w, 10, 31, 7)).toISOString() };
    const e = w.core.entries.create({ description: 'minutes', ...typed, project_id: '101' });
    await w.drain();
    await w.sync();
    expect(w.server.held().map((h) => h.seconds)).toEqual([91 * 60]);
    const v = await listed(e.id);
    expect({ start: v.start, end: v.end, state: v.sync.state, history: v.history_count }).toEqual({ ...typed, state: 'synced', history: 0 });
    expect(v.held_as?.note).toBe('Voltasis holds 1 h 31 min (whole minutes)');
  });

  for (const provider of ['kukkingu', 'expensicat'] as const) {
    it(`${provider} keeps the seconds: 09:00:37–10:31:07 gets no note`, async () => {
      w = await world(provider);
      api = createAppApi({ core: w.core, host: 'browser', version: 'test', watchMs: 60_000 });
      const e = w.core.entries.create({ description: 'exact', start: new Date(twoDaysAgo(w, 9, 0, 37)).toISOString(), end: new Date(twoDaysAgo(w, 10, 31, 7)).toISOString(), project_id: '101' });
      await w.drain();
      await w.sync();
      expect(w.server.held().map((h) => h.seconds)).toEqual([5430]);
      const v = await listed(e.id);
      expect(v.sync.state).toBe('synced');
      expect(v.held_as).toBeNull();
    });
  }
});
