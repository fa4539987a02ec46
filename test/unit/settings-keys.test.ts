/** Setting names come from the renderer and the CLI: only the app's own keys, never what every object inherits. */
import { afterEach, describe, expect, it } from 'vitest';
import { createAppApi, type AppApi } from '../../electron/core/app-api';
import { ValidationError } from '../../shared/errors';
import { testCore, type TestCore } from '../helpers/temp';

let t: TestCore;
let api: AppApi | undefined;
afterEach(() => {
  api?.close();
  api = undefined;
  t?.done();
});

const rows = () => t.core.db.prepare('SELECT key, value FROM settings ORDER BY key').all();

describe('setting names', () => {
  for (const key of ['constructor', '__proto__', 'toString', 'hasOwnProperty']) {
    it(`settings.set(${JSON.stringify(key)}) is refused naming the key, and nothing changes`, () => {
      t = testCore();
      t.core.settings.set('tray_tick', 'second');
      const before = rows();
      let err: unknown;
      try {
        t.core.settings.set(key as never, 5);
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(ValidationError);
      expect((err as ValidationError).issues).toEqual([{ field: 'key', rule: expect.stringContaining(key) }]);
      expect(rows()).toEqual(before);
      expect(t.core.settings.all().tray_tick).toBe('second');
    });
  }

  it('a bridge save with a constructor or __proto__ key is refused naming it, and nothing changes', async () => {
    t = testCore();
    api = createAppApi({ core: t.core, host: 'browser', version: 'test', watchMs: 20 });
    const before = rows();
    // JSON.parse makes __proto__ an own key, as a payload arriving over the wire would have it.
    for (const patch of [{ constructor: 5, tray_tick: 'second' }, JSON.parse('{"__proto__": {"x": 1}, "tray_tick": "second"}')]) {
      const r = await api.dispatch('settings.set', [patch]);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.issues).toContainEqual({ field: expect.stringMatching(/constructor|__proto__/), rule: expect.any(String) });
    }
    expect(rows()).toEqual(before);
    expect(t.core.settings.all().tray_tick).toBe('minute');
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });

  it('setMany refuses constructor and __proto__ keys even when called directly', () => {
    t = testCore();
    const before = rows();
    for (const patch of [{ constructor: 5 }, JSON.parse('{"__proto__": 5}')]) {
      let err: unknown;
      try {
        t.core.settings.setMany(patch);
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(ValidationError);
      expect((err as ValidationError).issues).toContainEqual({ field: Object.keys(patch)[0], rule: 'is not a setting' });
    }
    expect(rows()).toEqual(before);
  });
});
