/** The window's theme is a setting like the others: System by default, Light or Dark by choice, nothing else. */
import { afterEach, describe, expect, it } from 'vitest';
import { ValidationError } from '../../shared/errors';
import { testCore, type TestCore } from '../helpers/temp';

let t: TestCore;
afterEach(() => t?.done());

describe('theme setting', () => {
  it('follows the system until the user picks light or dark, and keeps the pick', () => {
    t = testCore();
    expect(t.core.settings.all().theme).toBe('system');
    t.core.settings.setMany({ theme: 'dark' });
    expect(t.core.settings.all().theme).toBe('dark');
    t.core.settings.setMany({ theme: null });
    expect(t.core.settings.all().theme).toBe('system');
  });

  it('refuses any other value, naming the field and the choices, and changes nothing', () => {
    t = testCore();
    t.core.settings.setMany({ theme: 'light' });
    let err: unknown;
    try {
      t.core.settings.setMany({ theme: 'sepia', tray_tick: 'second' });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ValidationError);
    expect((err as ValidationError).issues).toEqual([{ field: 'theme', rule: 'must be "system", "light" or "dark"' }]);
    expect(t.core.settings.all()).toMatchObject({ theme: 'light', tray_tick: 'minute' });
  });
});
