/**
 * The tray icon's pixels, drawn from the state alone (no Electron): Linux and Windows trays show
 * no text beside the icon (setTitle is macOS-only, electron#4742), so the running time goes into
 * the image itself as h:mm, in a 3×7 bitmap font that stays sharp at 16 px. @2x is the same grid
 * doubled, so both scale factors show the same shapes. Pixels are RGBA, straight alpha.
 */

export type TrayTheme = 'light' | 'dark';
export type TraySize = 16 | 32;

export interface Bitmap {
  width: number;
  height: number;
  /** RGBA, row by row from the top. */
  data: Uint8Array;
}

type Rgb = readonly [number, number, number];

/** Ink for a light panel and for a dark one; the accent marks a running timer. */
export const TRAY_COLOURS: Record<TrayTheme, { ink: Rgb; accent: Rgb }> = {
  light: { ink: [0x20, 0x21, 0x24], accent: [0x0a, 0x7d, 0x55] },
  dark: { ink: [0xf1, 0xf3, 0xf4], accent: [0x3d, 0xdc, 0x97] },
};

const GLYPHS: Record<string, readonly string[]> = {
  '0': ['###', '#.#', '#.#', '#.#', '#.#', '#.#', '###'],
  // Narrow, as on clocks: "12:05" then fits 16 px with the colon's gaps kept.
  '1': ['.#', '##', '.#', '.#', '.#', '.#', '.#'],
  '2': ['###', '..#', '..#', '###', '#..', '#..', '###'],
  '3': ['###', '..#', '..#', '###', '..#', '..#', '###'],
  '4': ['#.#', '#.#', '#.#', '###', '..#', '..#', '..#'],
  '5': ['###', '#..', '#..', '###', '..#', '..#', '###'],
  '6': ['###', '#..', '#..', '###', '#.#', '#.#', '###'],
  '7': ['###', '..#', '..#', '..#', '.#.', '.#.', '.#.'],
  '8': ['###', '#.#', '#.#', '###', '#.#', '#.#', '###'],
  '9': ['###', '#.#', '#.#', '###', '..#', '..#', '###'],
  ':': ['.', '#', '.', '.', '.', '#', '.'],
  h: ['#..', '#..', '#..', '###', '#.#', '#.#', '#.#'],
};
/** The layout on the 16 px grid: text rows 3–9, the running bar on rows 12–13. */
const TEXT_TOP = 3;
const BAR_TOP = 12;
const BAR_ROWS = 2;

/**
 * What the icon says for a timer that has run `seconds`: h:mm, whole minutes (the icon changes
 * once a minute). From 100 hours on, h:mm no longer fits 16 px and "123h" is shown instead.
 */
export function trayClockText(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  if (h >= 100) return `${Math.min(h, 999)}h`;
  return `${h}:${String(m).padStart(2, '0')}`;
}

function blank(size: number): Bitmap {
  return { width: size, height: size, data: new Uint8Array(size * size * 4) };
}

function fill(b: Bitmap, x: number, y: number, c: Rgb, alpha = 255): void {
  if (x < 0 || y < 0 || x >= b.width || y >= b.height) return;
  const o = (y * b.width + x) * 4;
  b.data[o] = c[0];
  b.data[o + 1] = c[1];
  b.data[o + 2] = c[2];
  b.data[o + 3] = alpha;
}

/** Each character's left edge on the 16 px grid; the colon loses its gaps when the text is too wide. */
function layout(text: string): { xs: number[]; width: number } {
  for (const colonGap of [1, 0]) {
    const xs: number[] = [];
    let x = 0;
    [...text].forEach((ch, i) => {
      const next = text[i + 1];
      xs.push(x);
      x += GLYPHS[ch]![0]!.length;
      if (next !== undefined) x += ch === ':' || next === ':' ? colonGap : 1;
    });
    if (x <= 16 || colonGap === 0) return { xs, width: x };
  }
  throw new Error('unreachable');
}

/** The running timer's icon: `text` (from trayClockText) above a bar in the accent colour. */
export function drawElapsedIcon(text: string, size: TraySize, theme: TrayTheme): Bitmap {
  for (const ch of text) if (!GLYPHS[ch]) throw new Error(`text: "${ch}" cannot be drawn (digits, ":" and "h" only)`);
  const { ink, accent } = TRAY_COLOURS[theme];
  const scale = size / 16;
  const b = blank(size);
  const { xs, width } = layout(text);
  const left = Math.floor((16 - width) / 2);
  const plot = (gx: number, gy: number, c: Rgb) => {
    for (let dy = 0; dy < scale; dy++) for (let dx = 0; dx < scale; dx++) fill(b, gx * scale + dx, gy * scale + dy, c);
  };
  [...text].forEach((ch, i) => {
    GLYPHS[ch]!.forEach((row, gy) => {
      for (let gx = 0; gx < row.length; gx++) if (row[gx] === '#') plot(left + xs[i]! + gx, TEXT_TOP + gy, ink);
    });
  });
  for (let gy = BAR_TOP; gy < BAR_TOP + BAR_ROWS; gy++) for (let gx = left; gx < left + width; gx++) plot(gx, gy, accent);
  return b;
}

/** Inside the clock face (ring, two hands, hub), in units of the icon's side. */
function onClockFace(u: number, v: number): boolean {
  const dx = u - 0.5;
  const dy = v - 0.5;
  const d2 = dx * dx + dy * dy;
  const ring = d2 <= 0.45 * 0.45 && d2 >= 0.33 * 0.33;
  const minuteHand = Math.abs(dx) <= 0.055 && dy <= 0 && dy >= -0.25;
  const hourHand = Math.abs(dy) <= 0.055 && dx >= 0 && dx <= 0.19;
  return ring || minuteHand || hourHand;
}

/** No timer running: a clock face, its edges smoothed by 4×4 samples per pixel. */
export function drawIdleIcon(size: TraySize, theme: TrayTheme): Bitmap {
  const { ink } = TRAY_COLOURS[theme];
  const b = blank(size);
  const n = 4;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      let hits = 0;
      for (let sy = 0; sy < n; sy++) {
        for (let sx = 0; sx < n; sx++) if (onClockFace((x + (sx + 0.5) / n) / size, (y + (sy + 0.5) / n) / size)) hits++;
      }
      if (hits) fill(b, x, y, ink, Math.round((hits * 255) / (n * n)));
    }
  }
  return b;
}

/**
 * Which ink the tray needs: the panel's colours, which are not always the app's. Windows can have
 * a dark taskbar under light apps (shouldUseDarkColorsForSystemIntegratedUI says which); GNOME
 * Shell's top bar is dark in its light style too; elsewhere the system theme decides.
 */
export function trayThemeFor(o: { platform: string; desktop?: string; dark: boolean; systemDark?: boolean }): TrayTheme {
  if (o.platform === 'win32' && o.systemDark !== undefined) return o.systemDark ? 'dark' : 'light';
  if (o.platform === 'linux' && /(^|:)GNOME(:|$)/i.test(o.desktop ?? '')) return 'dark';
  return o.dark ? 'dark' : 'light';
}

/** The icon for a state: null text is the idle clock face. */
export function drawTrayIcon(text: string | null, size: TraySize, theme: TrayTheme): Bitmap {
  return text === null ? drawIdleIcon(size, theme) : drawElapsedIcon(text, size, theme);
}
