/**
 * The window in Chromium: navigation to the entries list painted, scrolling 10,000 rows (frames
 * over 16.7 ms counted) and the renderer's JS heap. Baseline: the same page on an empty database.
 */
import { chromium } from '@playwright/test';
import { spawn } from 'node:child_process';
import { round } from './stats';

async function host(hostJs: string, dataDir: string) {
  const proc = spawn(process.execPath, [hostJs, '--data-dir', dataDir, '--no-sync'], { stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, TZ: 'Europe/Amsterdam' } });
  const url = await new Promise<string>((resolve) => {
    let out = '';
    proc.stdout!.on('data', (d: Buffer) => {
      out += d;
      const m = /is at (\S+)/.exec(out);
      if (m) resolve(m[1]!);
    });
  });
  return { url, stop: () => proc.kill() };
}

export async function benchUi(hostJs: string, emptyDir: string, fullDir: string, rows: number) {
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--enable-precise-memory-info'] });
  try {
    const paint = async (dataDir: string, wantRows: boolean) => {
      const h = await host(hostJs, dataDir);
      const page = await browser.newPage({ viewport: { width: 900, height: 700 } });
      const times: number[] = [];
      for (let i = 0; i < 5; i++) {
        const t0 = Date.now();
        // The first load brings the secret in the fragment; the page keeps it for the tab, and a
        // URL differing only in its fragment would not reload the page.
        await page.goto(i === 0 ? h.url : h.url.split('#')[0]!);
        await page.waitForSelector(wantRows ? '[data-testid="entry"]' : 'text=No entries in these days yet.');
        await page.evaluate('new Promise((r) => requestAnimationFrame(() => r(null)))');
        times.push(Date.now() - t0);
      }
      return { page, stop: h.stop, ms: times.sort((a, b) => a - b)[2]! };
    };
    const empty = await paint(emptyDir, false);
    await empty.page.close();
    empty.stop();
    const full = await paint(fullDir, true);
    const shown = await full.page.getByTestId('entry').count();
    // Scroll the whole list in steps of 600 px, one step per frame, timing every frame.
    // Page code as text: this file is compiled for Node, without the DOM's types.
    const scroll = (await full.page.evaluate(`(async () => {
      const list = document.querySelector('[data-testid="entry-list"]');
      const frames = [];
      let last = performance.now();
      while (list.scrollTop + list.clientHeight < list.scrollHeight - 1) {
        list.scrollTop += 600;
        await new Promise((r) => requestAnimationFrame(() => r(null)));
        const now = performance.now();
        frames.push(now - last);
        last = now;
      }
      const mem = performance.memory;
      return { frames: frames.length, slow: frames.filter((f) => f > 16.7).length, worst: Math.max(...frames), heapMb: mem ? mem.usedJSHeapSize / 1e6 : null, height: list.scrollHeight };
    })()`)) as { frames: number; slow: number; worst: number; heapMb: number | null; height: number };
    await full.page.close();
    full.stop();
    return {
      rows, domRowsAtOnce: shown, paintMs: full.ms, emptyPaintMs: empty.ms, ratio: round(full.ms / empty.ms, 2),
      scroll: { ...scroll, worst: round(scroll.worst, 1), heapMb: scroll.heapMb === null ? null : round(scroll.heapMb, 1) },
    };
  } finally {
    await browser.close();
  }
}
