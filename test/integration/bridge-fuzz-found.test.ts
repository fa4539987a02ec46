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
