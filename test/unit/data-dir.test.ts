import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultDataDir, resolveDataDir } from '../../electron/core/data-dir';

describe('data folder', () => {
  it('is where Electron puts the app\'s userData on each platform', () => {
    expect(defaultDataDir('linux', {}, '/home/u')).toBe(join('/home/u', '.config', 'Timetray'));
    expect(defaultDataDir('linux', { XDG_CONFIG_HOME: '/x' }, '/home/u')).toBe(join('/x', 'Timetray'));
    expect(defaultDataDir('darwin', {}, '/Users/u')).toBe(join('/Users/u', 'Library', 'Application Support', 'Timetray'));
    expect(defaultDataDir('win32', { APPDATA: 'C:\\Users\\u\\AppData\\Roaming' }, 'C:\\Users\\u')).toBe(join('C:\\Users\\u\\AppData\\Roaming', 'Timetray'));
  });
  it('takes --data-dir, then $TIMETRAY_DATA_DIR, then the default', () => {
    expect(resolveDataDir('/flag', { TIMETRAY_DATA_DIR: '/env' }, 'linux', '/h')).toBe('/flag');
    expect(resolveDataDir(undefined, { TIMETRAY_DATA_DIR: '/env' }, 'linux', '/h')).toBe('/env');
    expect(resolveDataDir(undefined, {}, 'linux', '/h')).toBe(join('/h', '.config', 'Timetray'));
  });
});
