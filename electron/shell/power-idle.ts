/**
 * Feeds the core's idle detection from powerMonitor: the system idle time every few seconds, and
 * suspend/resume and lock/unlock as they happen. The decision of what counts as "away" is the
 * core's (electron/core/idle-rules.ts); this file only observes.
 */
import { powerMonitor } from 'electron';
import { uptime } from 'node:os';
import { performance } from 'node:perf_hooks';
import type { IdleSignal } from '../../shared/idle';

export function watchIdle(feed: (s: IdleSignal) => void, sampleMs = 5_000): () => void {
  // boot: a clock that counts suspended time but not clock changes, so a clock set forwards is not
  // mistaken for a sleep (electron/core/idle-rules.ts ignores it where it runs slower than `mono`).
  const at = () => ({ wall: Date.now(), mono: performance.now(), boot: uptime() * 1000 });
  const timer = setInterval(() => feed({ kind: 'sample', ...at(), idleSeconds: powerMonitor.getSystemIdleTime() }), sampleMs);
  const events = [
    ['suspend', 'suspend'], ['resume', 'resume'], ['lock-screen', 'lock'], ['unlock-screen', 'unlock'],
  ] as const;
  const handlers = events.map(([event, kind]) => {
    const h = () => feed({ kind, ...at() });
    powerMonitor.on(event as 'suspend', h);
    return [event, h] as const;
  });
  return () => {
    clearInterval(timer);
    for (const [event, h] of handlers) powerMonitor.off(event as 'suspend', h);
  };
}
