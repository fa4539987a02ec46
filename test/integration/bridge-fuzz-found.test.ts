/**
 * What the bridge fuzz (bridge-fuzz.test.ts) found, each pinned by the input that showed it, over
 * the real app API on a real core: the refusal names a field and a rule and changes nothing, or
 * what is accepted is kept exactly as sent.
 */
import { afterEach, expect, it } from 'vitest';
import { createAppApi, type AppApi } from '../../electron/core/app-api';
import { testCore, type TestCore } from '../helpers/temp';

let t: TestCore;
let api: AppApi;
afterEach(() => {
  api?.close();
  t?.done();
});
const setup = () => {
  t = testCore();
  api = createAppApi({ core: t.core, host: 'browser', version: 'test', watchMs: 60_000 });
};
const table = (name: string) => t.core.db.prepare(`SELECT * FROM ${name}`).all();

it('fuzz found: a settings key that is empty or only spaces is refused under a field that can be read', async () => {
  setup();
  for (const key of ['', '  ']) {
    const r = await api.dispatch('settings.set', [{ tray_tick: 'second', [key]: 'no-such-id' }]);
    expect(r).toMatchObject({ ok: false, error: { name: 'ValidationError', issues: [{ field: JSON.stringify(key), rule: 'is not a setting' }] } });
  }
  expect(table('settings')).toEqual([]);
});

it('fuzz found: text with a lone surrogate was stored altered (SQLite keeps UTF-8, so it came back as U+FFFD); it is refused naming the field', async () => {
  setup();
  const span = { start: '2026-01-14T08:00:00Z', end: '2026-01-14T09:00:00Z' };
  const inputs: [string, unknown[], string][] = [
    ['entries.create', [{ ...span, description: '|Smk:\ud885 5I' }], 'description'],
    ['entries.create', [{ ...span, tags: ['ok', 'x\udfff'] }], 'tags.1'],
    ['entries.create', [{ ...span, project_id: 'p\ud800' }], 'project_id'],
    ['timer.start', [{ description: '\udc00' }], 'description'],
    ['accounts.add', [{ name: 'v', provider: 'voltasis', base_url: 'http://127.0.0.1:9/a\ud800' }], 'base_url'],
    ['accounts.add', [{ name: 'v', provider: 'voltasis', base_url: 'http://127.0.0.1:9', context: { org: 'o\ud800' } }], 'context.org'],
  ];
  for (const [method, args, field] of inputs) {
    const r = await api.dispatch(method, args);
    expect(r, `${method} ${field}`).toMatchObject({ ok: false, error: { name: 'ValidationError', issues: [{ field, rule: expect.stringMatching(/surrogate/) }] } });
  }
  expect([table('entries'), table('running_timer'), table('accounts')]).toEqual([[], [], []]);
  // Paired surrogates are a character like any other and are kept as typed.
  const ok = await api.dispatch('entries.create', [{ ...span, description: 'focus 😀', tags: ['🍅'] }]);
  expect(ok).toMatchObject({ ok: true, value: { description: 'focus 😀', tags: ['🍅'] } });
  expect(t.core.entries.list()[0]).toMatchObject({ description: 'focus 😀', tags: ['🍅'] });
});

it('fuzz found: resetting a shortcut with null threw a TypeError (the conflict check read null as a shortcut); it resets it', async () => {
  setup();
  await api.dispatch('settings.set', [{ shortcut_toggle: 'Ctrl+Shift+F5', shortcut_open: 'Alt+Space' }]);
  const r = await api.dispatch('settings.set', [{ shortcut_toggle: null, tray_tick: 'second' }]);
  expect(r).toMatchObject({ ok: true, value: { shortcut_toggle: 'CommandOrControl+Alt+T', shortcut_open: 'Alt+Space', tray_tick: 'second' } });
  // A reset that would clash with the other shortcut is refused like any clash, naming it.
  await api.dispatch('settings.set', [{ shortcut_open: 'CommandOrControl+Alt+T', shortcut_toggle: 'Ctrl+Shift+F5' }]);
  const before = table('settings');
  const clash = await api.dispatch('settings.set', [{ shortcut_toggle: null }]);
  expect(clash).toMatchObject({ ok: false, error: { name: 'ValidationError', issues: [{ field: expect.stringMatching(/^shortcut_/) }] } });
  expect(table('settings')).toEqual(before);
});

it('fuzz found: undo of a delete (entries.restore) wrote an entry under any id it was given; only a Timetray id is taken', async () => {
  setup();
  const span = { description: 'x', start: '2026-01-14T08:00:00Z', end: '2026-01-14T09:00:00Z' };
  for (const id of ['hasOwnProperty', '../../etc/passwd', '\u0000', '01kb0000000000000000000000', '01KB00000000000000000000000']) {
    const r = await api.dispatch('entries.restore', [{ id, ...span }]);
    expect(r, JSON.stringify(id)).toMatchObject({ ok: false, error: { name: 'ValidationError', issues: [{ field: 'id', rule: expect.stringMatching(/Timetray id/) }] } });
  }
  expect(table('entries')).toEqual([]);
  // The real undo: an entry deleted here comes back under its own id.
  const made = await api.dispatch('entries.create', [span]);
  if (!made.ok) throw new Error(made.error.message);
  const gone = await api.dispatch('entries.remove', [(made.value as { id: string }).id]);
  if (!gone.ok) throw new Error(gone.error.message);
  expect(await api.dispatch('entries.restore', [gone.value])).toMatchObject({ ok: true, value: { id: (made.value as { id: string }).id, description: 'x' } });
});
