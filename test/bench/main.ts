/**
 * `npm run bench`: every figure beside its baseline, measured in the same run on this machine.
 * Writes bench/results.json and prints a table. Options: --quick (smaller counts, for a smoke run).
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROVIDERS } from '../../shared/entry';
import { benchCli } from './cli';
import { benchDrain, type DrainResult } from './drain';
import { benchFirstView, seedBig } from './firstview';
import { round, type Row } from './stats';
import { benchStartStop } from './startstop';
import { benchUi } from './ui';

const ROOT = process.env.TIMETRAY_ROOT!;
const quick = process.argv.includes('--quick');
const only = process.argv.find((a) => a.startsWith('--only='))?.slice(7);
const want = (name: string) => !only || only.split(',').includes(name);

async function main() {
  // On the real disk, not a tmpfs: fsync must cost what it costs for users.
  const work = join(ROOT, 'bench', '.work');
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  const results: Record<string, unknown> = { machine: { node: process.version, cpus: (await import('node:os')).cpus().length, when: new Date().toISOString() } };
  const rows: Row[] = [];
  const log = (s: string) => process.stderr.write(`bench: ${s}\n`);

  if (want('startstop')) {
    log('start/stop…');
    const s = benchStartStop(work, quick ? 400 : 2000);
    results.startStop = s.result;
    rows.push(s.row);
  }

  if (want('drain')) {
    const n = Number(process.argv.find((a) => a.startsWith('--n='))?.slice(4) ?? (quick ? 1000 : 10_000));
    const drains: DrainResult[] = [];
    const pick = process.argv.find((a) => a.startsWith('--providers='))?.slice(12).split(',');
    for (const p of PROVIDERS.filter((x) => !pick || pick.includes(x))) {
      log(`drain ${n} → ${p}…`);
      const d = await benchDrain(work, join(__dirname, 'provider-child.cjs'), p, n);
      drains.push(d);
      const target = p === 'kantata' ? 3 : 1.5;
      rows.push({
        bench: `drain ${n} → ${p}`,
        ours: `${d.ours.perSecond}/s (${d.ours.seconds} s), stall ≤ ${d.maxEventLoopStallMs} ms; CPU/entry: us ${d.ours.clientCpuMsPerEntry} ms, server ${d.ours.serverCpuMsPerEntry} ms`,
        baseline: `bare POST loop ${d.bare.perSecond}/s; CPU/entry: client ${d.bare.clientCpuMsPerEntry} ms, server ${d.bare.serverCpuMsPerEntry} ms`, ratio: d.ratio, target: `≥ ${target}×, stall ≤ 50 ms`,
        met: d.ratio >= target && d.maxEventLoopStallMs <= 50,
      });
    }
    results.drain = { perProvider: drains };
    if (drains.some((d) => d.provider === 'voltasis') && !process.argv.includes('--no-memory')) {
      log(`drain ${n * 10} → voltasis (memory)…`);
      const big = await benchDrain(work, join(__dirname, 'provider-child.cjs'), 'voltasis', n * 10, false);
      const small = drains.find((d) => d.provider === 'voltasis')!;
      rows.push({
        bench: `drain memory: ${n} vs ${n * 10} queued`, ours: `RSS growth ${big.rssGrowthMb} MB (peak ${big.peakRssMb} MB)`,
        baseline: `${n}: growth ${small.rssGrowthMb} MB (peak ${small.peakRssMb} MB)`, ratio: round(big.rssGrowthMb / Math.max(1, small.rssGrowthMb), 2),
        target: 'flat (≈ 1×)', met: big.rssGrowthMb <= small.rssGrowthMb + 30,
      });
      results.drain = { perProvider: drains, memory: { small, big } };
    }
  }

  if (want('concurrency')) {
    // How many requests in flight per account: the engine's default is chosen from this.
    const n = quick ? 1000 : 3000;
    const perLevel: Record<number, number> = {};
    for (const c of [1, 2, 4, 8, 16]) {
      log(`drain ${n} → voltasis at concurrency ${c}…`);
      perLevel[c] = (await benchDrain(work, join(__dirname, 'provider-child.cjs'), 'voltasis', n, false, c)).ours.perSecond;
    }
    results.concurrency = perLevel;
    rows.push({ bench: `drain ${n} → voltasis by concurrency`, ours: Object.entries(perLevel).map(([c, v]) => `${c}: ${v}/s`).join(', '), baseline: 'concurrency 1', ratio: round(Math.max(...Object.values(perLevel)) / perLevel[1]!, 2), target: 'report', met: null });
  }

  if (want('firstview')) {
    const n = quick ? 20_000 : 100_000;
    log(`seeding ${n} entries over 3 years…`);
    const dir = seedBig(work, n, 3);
    const f = benchFirstView(dir);
    results.firstView = { entries: n, ...f };
    rows.push({ bench: `open + migrate check, ${n} entries`, ours: `${f.open} ms`, baseline: `bare open ${f.bareOpen} ms`, ratio: f.openRatio, target: 'report', met: null });
    rows.push({ bench: `today + week with day totals, ${n} entries`, ours: `${f.query} ms (${f.rows} rows)`, baseline: `bare SELECT ${f.bare} ms`, ratio: f.ratio, target: 'report', met: null });
  }

  if (want('ui')) {
    log('UI in Chromium…');
    const rowsN = quick ? 2000 : 10_000;
    // All within the window's default 14 days, so the list holds every one of them.
    const full = seedBig(work, rowsN, 13 / 365, Date.now() - 60_000);
    const empty = join(work, 'ui-empty');
    const u = await benchUi(join(ROOT, 'dist', 'host.cjs'), empty, full, rowsN);
    results.ui = u;
    rows.push({ bench: `window: ${rowsN} entries painted`, ours: `${u.paintMs} ms`, baseline: `empty database ${u.emptyPaintMs} ms`, ratio: u.ratio, target: 'report', met: null });
    rows.push({ bench: `window: scroll ${rowsN} rows`, ours: `${u.scroll.slow} of ${u.scroll.frames} frames > 16.7 ms (worst ${u.scroll.worst} ms), heap ${u.scroll.heapMb} MB, ${u.domRowsAtOnce} rows in DOM`, baseline: '—', ratio: round(u.scroll.slow / Math.max(1, u.scroll.frames), 3), target: 'few slow frames', met: u.scroll.slow / Math.max(1, u.scroll.frames) < 0.05 });
  }

  if (want('cli')) {
    log('CLI processes…');
    const c = benchCli(work, join(ROOT, 'dist', 'cli.cjs'), quick ? 10 : 30);
    results.cli = c;
    rows.push({ bench: 'CLI start/stop (whole process)', ours: `${c.ours} ms`, baseline: `node -e 0: ${c.node} ms`, ratio: c.ratioNode, target: '≤ 2×', met: c.ratioNode <= 2 });
    if (c.timew !== null) rows.push({ bench: 'CLI start/stop vs Timewarrior', ours: `${c.ours} ms`, baseline: `timew: ${c.timew} ms`, ratio: c.ratioTimew!, target: 'report', met: null });
  }

  results.table = rows;
  mkdirSync(join(ROOT, 'bench'), { recursive: true });
  writeFileSync(join(ROOT, 'bench', 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
  rmSync(work, { recursive: true, force: true });
  const cols: (keyof Row)[] = ['bench', 'ours', 'baseline', 'ratio', 'target', 'met'];
  const cell = (r: Row, k: keyof Row) => (k === 'met' ? (r.met === null ? '—' : r.met ? 'yes' : 'NO') : k === 'ratio' ? `${r.ratio}×` : String(r[k]));
  console.log(`| ${cols.join(' | ')} |\n|${cols.map(() => '---').join('|')}|`);
  for (const r of rows) console.log(`| ${cols.map((k) => cell(r, k)).join(' | ')} |`);
  console.log('\nwritten: bench/results.json');
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
