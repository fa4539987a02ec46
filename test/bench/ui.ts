/**
 * The window in Chromium, through the browser host (the same renderer Electron loads):
 *  - the list painted with a big database (100,000 entries over 3 years) against the empty one,
 *    and the renderer's JS heap in each;
 *  - scrolling 10,000 rows one 600 px step per frame, three passes from a fresh load, counting
 *    frames longer than 1.5× the median frame of a baseline page (a static list of as many rows,
 *    as tall, scrolled the same way), so headless vsync jitter is not counted as jank;
 *  - start-up: process start to the list painted (host + Chromium) against an empty page served
 *    by a bare Node server with the same browser launch.
 */
import { chromium, type Browser, type Page } from '@playwright/test';
import { spawn } from 'node:child_process';
import { median, round } from './stats';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

function serve(args: string[], dataDirEnv?: string) {
  const proc = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, TZ: 'Europe/Amsterdam', ...(dataDirEnv && { TIMETRAY_DATA_DIR: dataDirEnv }) } });
  const url = new Promise<string>((resolve, reject) => {
    let out = '';
    proc.stdout!.on('data', (d: Buffer) => {
      out += d;
      const m = /is at (\S+)/.exec(out);
      if (m) resolve(m[1]!);
    });
    proc.once('exit', (c) => reject(new Error(`server exited ${c}: ${out}`)));
  });
  return { url, stop: () => proc.kill() };
}
const host = (hostJs: string, dataDir: string) => serve([hostJs, '--data-dir', dataDir, '--no-sync']);
const EMPTY_SERVER = `require('node:http').createServer((q, s) => { s.writeHead(200, { 'content-type': 'text/html' }); s.end('<!doctype html><title>empty</title><p id="empty">empty</p>'); })
  .listen(0, '127.0.0.1', function () { console.log('Empty page is at http://127.0.0.1:' + this.address().port + '/'); });`;

const frame = 'new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => r(null))))';
const heapMb = async (page: Page) => round(((await page.evaluate('performance.memory ? performance.memory.usedJSHeapSize : 0')) as number) / 1e6, 1);

/** Navigation to the list painted, median of 5 loads in one tab. */
async function paint(browser: Browser, hostJs: string, dataDir: string, wantRows: boolean) {
  const h = host(hostJs, dataDir);
  const url = await h.url;
  const page = await browser.newPage({ viewport: { width: 900, height: 700 } });
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t0 = Date.now();
    // The first load brings the secret in the fragment; the page keeps it for the tab, and a
    // URL differing only in its fragment would not reload the page.
    await page.goto(i === 0 ? url : url.split('#')[0]!);
    await page.waitForSelector(wantRows ? '[data-testid="entry"]' : 'text=No entries in these days yet.');
    await page.evaluate(frame);
    times.push(Date.now() - t0);
  }
  return { page, stop: h.stop, ms: median(times) };
}

const SCROLL_PASSES = 3;

// Page code as text: this file is compiled for Node, without the DOM's types.
const SCROLL = `(async (sel) => {
  const list = document.querySelector(sel);
  const frames = [];
  await new Promise((r) => requestAnimationFrame(() => r(null)));
  let last = performance.now();
  while (list.scrollTop + list.clientHeight < list.scrollHeight - 1) {
    list.scrollTop += 600;
    await new Promise((r) => requestAnimationFrame(() => r(null)));
    const now = performance.now();
    frames.push(now - last);
    last = now;
  }
  return frames;
})`;

export async function benchUi(hostJs: string, emptyDir: string, bigDir: string, scrollDir: string, rows: number) {
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--enable-precise-memory-info'] });
  try {
    const empty = await paint(browser, hostJs, emptyDir, false);
    const emptyHeapMb = await heapMb(empty.page);
    await empty.page.close();
    empty.stop();
    const big = await paint(browser, hostJs, bigDir, true);
    const bigHeapMb = await heapMb(big.page);
    await big.page.close();
    big.stop();

    const list = await paint(browser, hostJs, scrollDir, true);
    const shown = await list.page.getByTestId('entry').count();
    const size = (await list.page.evaluate('(() => { const l = document.querySelector(\'[data-testid="entry-list"]\'); return { h: l.scrollHeight, ch: l.clientHeight, w: l.clientWidth }; })()')) as { h: number; ch: number; w: number };
    // Three passes, each from a fresh load, all their frames counted: one pass read 1.6% and 2.9%
    // an hour apart on the same build; passes of one run read 3.1%, 2.7% and 4.8%.
    const ours: number[] = [];
    for (let pass = 0; pass < SCROLL_PASSES; pass++) {
      if (pass > 0) {
        await list.page.reload();
        await list.page.waitForSelector('[data-testid="entry"]');
        await list.page.evaluate(frame);
      }
      ours.push(...((await list.page.evaluate(`${SCROLL}('[data-testid="entry-list"]')`)) as number[]));
    }
    const scrollHeap = await heapMb(list.page);
    await list.page.close();
    list.stop();

    // The baseline: as many static rows, the same total height, in a box of the list's size.
    const base = await browser.newPage({ viewport: { width: 900, height: 700 } });
    const rowPx = size.h / rows;
    await base.setContent(`<!doctype html><div id="list" style="height:${size.ch}px;width:${size.w}px;overflow-y:auto">${
      Array.from({ length: rows }, (_, i) => `<div style="height:${rowPx}px;display:flex;gap:8px;border-bottom:1px solid #ddd"><span>entry ${i}</span><span>p${i % 20}</span><span>0:15</span></div>`).join('')}</div>`);
    const baseline: number[] = [];
    for (let pass = 0; pass < SCROLL_PASSES; pass++) {
      await base.evaluate("document.querySelector('#list').scrollTop = 0");
      await base.evaluate(frame);
      baseline.push(...((await base.evaluate(`${SCROLL}('#list')`)) as number[]));
    }
    await base.close();

    const threshold = 1.5 * median(baseline);
    const dropped = ours.filter((f) => f > threshold).length;
    return {
      rows, domRowsAtOnce: shown, paintMs: big.ms, emptyPaintMs: empty.ms, ratio: round(big.ms / empty.ms, 2), heapMb: bigHeapMb, emptyHeapMb,
      scroll: {
        frames: ours.length, dropped, droppedShare: round(dropped / Math.max(1, ours.length), 3), worst: round(Math.max(...ours), 1), threshold: round(threshold, 1),
        baselineMedian: round(median(baseline), 1), baselineFrames: baseline.length, baselineDropped: baseline.filter((f) => f > threshold).length, heapMb: scrollHeap,
      },
    };
  } finally {
    await browser.close();
  }
}

/** Process start to first paint: a server process and a fresh Chromium, each run. */
async function coldStart(args: string[], selector: string): Promise<number> {
  const t0 = Date.now();
  const s = serve(args);
  const browser = await chromium.launch({ executablePath: CHROMIUM });
  try {
    const page = await browser.newPage({ viewport: { width: 900, height: 700 } });
    await page.goto(await s.url);
    await page.waitForSelector(selector);
    await page.evaluate(frame);
    return Date.now() - t0;
  } finally {
    await browser.close();
    s.stop();
  }
}

export async function benchStartup(hostJs: string, bigDir: string, runs = 5) {
  const ours: number[] = [];
  const bare: number[] = [];
  for (let i = 0; i < runs; i++) {
    ours.push(await coldStart([hostJs, '--data-dir', bigDir, '--no-sync'], '[data-testid="entry"]'));
    bare.push(await coldStart(['-e', EMPTY_SERVER], '#empty'));
  }
  return { oursMs: median(ours), bareMs: median(bare), ratio: round(median(ours) / median(bare), 2), runs };
}
