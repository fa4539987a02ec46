/**
 * The tray icon's pixels against golden images (test/fixtures/tray/*.png, looked at by a person
 * before they were checked in). TIMETRAY_UPDATE_GOLDENS=1 rewrites them after a deliberate design
 * change. Every icon, and a sheet of them enlarged on light and dark panels, is also written to
 * test-results/screenshots/.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { encodePng } from '../../electron/shell/png';
import { drawElapsedIcon, drawIdleIcon, drawTrayIcon, trayClockText, trayThemeFor, type Bitmap, type TraySize, type TrayTheme } from '../../electron/shell/tray-icon';
import { decodePng } from './png-read';

const root = join(__dirname, '..', '..');
const goldenDir = join(root, 'test', 'fixtures', 'tray');
const shotDir = join(root, 'test-results', 'screenshots');
const update = process.env.TIMETRAY_UPDATE_GOLDENS === '1';

const cases: { name: string; text: string | null }[] = [
  { name: 'idle', text: null },
  { name: 'elapsed-1-23', text: '1:23' },
  { name: 'elapsed-12-05', text: '12:05' },
];
const sizes: TraySize[] = [16, 32];
const themes: TrayTheme[] = ['light', 'dark'];
const variants = cases.flatMap((c) => sizes.flatMap((size) => themes.map((theme) => ({ ...c, size, theme, file: `${c.name}-${size}-${theme}.png` }))));

/** Pixels that differ, as "x,y" with both RGBA values, for a readable failure. */
function diff(a: Bitmap, b: Bitmap): string[] {
  if (a.width !== b.width || a.height !== b.height) return [`size ${a.width}×${a.height} vs ${b.width}×${b.height}`];
  const out: string[] = [];
  for (let i = 0; i < a.data.length; i += 4) {
    const pa = [...a.data.subarray(i, i + 4)].join(',');
    const pb = [...b.data.subarray(i, i + 4)].join(',');
    if (pa !== pb) out.push(`${(i / 4) % a.width},${Math.floor(i / 4 / a.width)}: ${pa} vs golden ${pb}`);
  }
  return out;
}

const alphaAt = (b: Bitmap, x: number, y: number) => b.data[(y * b.width + x) * 4 + 3]!;
const inkColumns = (b: Bitmap, rows: [number, number]) =>
  Array.from({ length: b.width }, (_, x) => x).filter((x) => Array.from({ length: rows[1] - rows[0] }, (_, i) => rows[0] + i).some((y) => alphaAt(b, x, y) > 0));

function writeSheet(): void {
  // Each icon enlarged to 128 px, on a light and on a dark panel, as a person checks legibility.
  const panels: Record<TrayTheme, [number, number, number]> = { light: [0xf0, 0xf0, 0xf0], dark: [0x2b, 0x2b, 0x2b] };
  const cell = 128;
  const cols = cases.length * sizes.length;
  const sheet: Bitmap = { width: cols * (cell + 8) + 8, height: themes.length * (cell + 8) + 8, data: new Uint8Array(0) };
  sheet.data = new Uint8Array(sheet.width * sheet.height * 4).fill(255);
  themes.forEach((theme, row) => {
    cases.forEach((c, ci) => sizes.forEach((size, si) => {
      const icon = drawTrayIcon(c.text, size, theme);
      const k = cell / size;
      const x0 = 8 + (ci * sizes.length + si) * (cell + 8);
      const y0 = 8 + row * (cell + 8);
      for (let y = 0; y < cell; y++) {
        for (let x = 0; x < cell; x++) {
          const s = (Math.floor(y / k) * size + Math.floor(x / k)) * 4;
          const a = icon.data[s + 3]! / 255;
          const o = ((y0 + y) * sheet.width + x0 + x) * 4;
          for (let ch = 0; ch < 3; ch++) sheet.data[o + ch] = Math.round(icon.data[s + ch]! * a + panels[theme][ch]! * (1 - a));
          sheet.data[o + 3] = 255;
        }
      }
    }));
  });
  writeFileSync(join(shotDir, 'tray-icons-sheet.png'), encodePng(sheet));
}

describe('tray icon pixels', () => {
  it.each(variants)('$file matches its golden image', ({ text, size, theme, file }) => {
    const icon = drawTrayIcon(text, size, theme);
    mkdirSync(shotDir, { recursive: true });
    writeFileSync(join(shotDir, `tray-${file}`), encodePng(icon));
    const golden = join(goldenDir, file);
    if (update || !existsSync(golden)) {
      if (!update) throw new Error(`${golden} is missing: run with TIMETRAY_UPDATE_GOLDENS=1, look at it, and check it in`);
      writeFileSync(golden, encodePng(icon));
    }
    // The PNG round trip is part of what is checked: the shell hands nativeImage these bytes.
    expect(diff(decodePng(encodePng(icon)), decodePng(readFileSync(golden)))).toEqual([]);
  });

  it('writes a sheet of every icon enlarged on light and dark panels', () => {
    mkdirSync(shotDir, { recursive: true });
    writeSheet();
    expect(existsSync(join(shotDir, 'tray-icons-sheet.png'))).toBe(true);
  });

  it('h:mm in whole minutes; from 100 hours on, hours only', () => {
    expect(trayClockText(0)).toBe('0:00');
    expect(trayClockText(59)).toBe('0:00');
    expect(trayClockText(60)).toBe('0:01');
    expect(trayClockText(83 * 60 + 59)).toBe('1:23');
    expect(trayClockText(12 * 3600 + 5 * 60)).toBe('12:05');
    expect(trayClockText(99 * 3600 + 59 * 60 + 59)).toBe('99:59');
    expect(trayClockText(123 * 3600)).toBe('123h');
    expect(trayClockText(-5)).toBe('0:00');
  });

  it('every character of the text is inked inside 16 px, two-digit hours included', () => {
    // A narrow 1, the colon and two digits, a column of space between each, centred.
    expect(inkColumns(drawElapsedIcon('1:23', 16, 'light'), [3, 10])).toEqual([2, 3, 5, 7, 8, 9, 11, 12, 13]);
    expect(inkColumns(drawElapsedIcon('12:05', 16, 'light'), [3, 10])).toEqual([0, 1, 3, 4, 5, 7, 9, 10, 11, 13, 14, 15]);
    // 20:05 would be 17 columns: the colon gives up its gaps to fit, nothing is cut off.
    expect(inkColumns(drawElapsedIcon('20:05', 16, 'light'), [3, 10])).toEqual([0, 1, 2, 4, 5, 6, 7, 8, 9, 10, 12, 13, 14]);
    expect(() => drawElapsedIcon('1:2x', 16, 'light')).toThrow(/"x" cannot be drawn/);
  });

  it('@2x is @1x doubled, and the dark variant differs from the light one in colour only', () => {
    for (const text of ['1:23', '12:05']) {
      const one = drawElapsedIcon(text, 16, 'dark');
      const two = drawElapsedIcon(text, 32, 'dark');
      for (let y = 0; y < 32; y++) for (let x = 0; x < 32; x++) expect(alphaAt(two, x, y)).toBe(alphaAt(one, x >> 1, y >> 1));
    }
    for (const [a, b] of [[drawIdleIcon(16, 'light'), drawIdleIcon(16, 'dark')], [drawElapsedIcon('1:23', 32, 'light'), drawElapsedIcon('1:23', 32, 'dark')]] as const) {
      for (let i = 3; i < a.data.length; i += 4) expect(a.data[i]).toBe(b.data[i]);
      expect(Buffer.from(a.data).equals(Buffer.from(b.data))).toBe(false);
    }
  });

  it('the ink follows the panel: Windows\' taskbar theme, GNOME\'s always-dark top bar, else the system theme', () => {
    expect(trayThemeFor({ platform: 'win32', dark: false, systemDark: true })).toBe('dark');
    expect(trayThemeFor({ platform: 'win32', dark: true, systemDark: false })).toBe('light');
    expect(trayThemeFor({ platform: 'linux', desktop: 'ubuntu:GNOME', dark: false })).toBe('dark');
    expect(trayThemeFor({ platform: 'linux', desktop: 'KDE', dark: false })).toBe('light');
    expect(trayThemeFor({ platform: 'linux', desktop: 'KDE', dark: true })).toBe('dark');
    expect(trayThemeFor({ platform: 'linux', dark: false })).toBe('light');
  });
});
