/**
 * The host's zone without Intl, and Date's local time standing in for TZDate in that zone: the
 * oracle for the name is what ICU itself reports under the same TZ, and for every time
 * computation the answer TZDate gives for the named zone (the path every other zone takes).
 */
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { lstatSync } from 'node:fs';
import { systemZone } from '../../electron/core/clock';
import { hostZone } from '../../electron/core/host-zone';
import { localClockOf, localDateOf, setDateZone, zonedInstant } from '../../shared/time';

const saved = process.env.TZ;
afterEach(() => {
  if (saved === undefined) delete process.env.TZ;
  else process.env.TZ = saved;
  setDateZone(null);
});
const icuZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;
/** The zone ICU takes a name for: ICU keeps older names canonical (Asia/Calcutta for Asia/Kolkata). */
const icuNames = (name: string | null) => name && new Intl.DateTimeFormat('en', { timeZone: name }).resolvedOptions().timeZone;

// Zones with half-hour and 45-minute offsets, a 30-minute DST shift, southern summers, and
// Casablanca's Ramadan switches.
const ZONES = ['Europe/Amsterdam', 'America/New_York', 'Australia/Lord_Howe', 'Asia/Kathmandu', 'Pacific/Chatham',
  'America/St_Johns', 'America/Sao_Paulo', 'Africa/Casablanca', 'Asia/Kolkata', 'UTC'];

describe('hostZone', () => {
  it.each(ZONES)('TZ=%s names the zone ICU reports', (zone) => {
    process.env.TZ = zone;
    expect(icuNames(hostZone())).toBe(icuZone());
  });

  it('Etc/UTC and GMT read as UTC, as Intl says; a leading colon is POSIX for a file name', () => {
    for (const tz of ['Etc/UTC', 'GMT', 'Etc/GMT']) {
      process.env.TZ = tz;
      expect(hostZone()).toBe(icuZone());
    }
    process.env.TZ = ':Europe/Paris';
    expect(hostZone()).toBe('Europe/Paris');
  });

  it('gives up (the caller asks Intl) on what it cannot name with certainty', () => {
    for (const tz of ['', 'CET-1CEST,M3.5.0,M10.5.0/3', 'EST5EDT,M3.2.0,M11.1.0', 'Not/AZone', '../../etc/passwd',
      'posix/Europe/Amsterdam', 'right/Europe/Amsterdam', 'Europe/Amsterdam/../../x']) {
      process.env.TZ = tz;
      expect(hostZone(), JSON.stringify(tz)).toBeNull();
    }
  });

  it('without TZ, follows /etc/localtime to the zone ICU reports', () => {
    delete process.env.TZ;
    let linked = false;
    try {
      linked = lstatSync('/etc/localtime').isSymbolicLink();
    } catch { /* no /etc/localtime: hostZone gives up below */ }
    expect(icuNames(hostZone())).toBe(linked ? icuZone() : null);
  });
});

describe("Date's local time for the host zone", () => {
  const seed = Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31);
  // 1970–2100: the years TZDate and Date must agree on (both read ICU's rules).
  const instant = fc.integer({ min: 0, max: Date.UTC(2100, 0, 1) });
  const wall = fc.record({
    y: fc.integer({ min: 1970, max: 2099 }), month: fc.integer({ min: 1, max: 12 }), d: fc.integer({ min: 1, max: 28 }),
    h: fc.integer({ min: 0, max: 23 }), mi: fc.constantFrom(0, 1, 15, 29, 30, 45, 59),
  });

  it.each(ZONES)('in %s: every date, clock and wall-clock instant equals TZDate’s (seeded; FUZZ_SEED replays)', (zone) => {
    process.env.TZ = zone;
    expect(systemZone()).toBe(zone);
    const viaTzDate = (f: () => unknown) => {
      setDateZone(null);
      try {
        return f();
      } finally {
        systemZone();
      }
    };
    fc.assert(fc.property(instant, wall, (ms, w) => {
      expect(localDateOf(ms, zone)).toBe(viaTzDate(() => localDateOf(ms, zone)));
      expect(localClockOf(ms, zone)).toBe(viaTzDate(() => localClockOf(ms, zone)));
      const at = zonedInstant(w.y, w.month, w.d, w.h, w.mi, zone);
      expect(at).toBe(viaTzDate(() => zonedInstant(w.y, w.month, w.d, w.h, w.mi, zone)));
    }), { numRuns: 300, seed });
  });

  it('the DST edges themselves: skipped times move forward, repeated ones take the first', () => {
    process.env.TZ = 'Europe/Amsterdam';
    systemZone();
    // 2026-03-29 02:30 does not exist in Amsterdam; 2026-10-25 02:30 happens twice.
    expect(new Date(zonedInstant(2026, 3, 29, 2, 30, 'Europe/Amsterdam')).toISOString()).toBe('2026-03-29T01:30:00.000Z');
    expect(new Date(zonedInstant(2026, 10, 25, 2, 30, 'Europe/Amsterdam')).toISOString()).toBe('2026-10-25T00:30:00.000Z');
  });

  it('a process whose TZ changed after its zone was read never answers in the old zone', () => {
    process.env.TZ = 'UTC';
    systemZone();
    process.env.TZ = 'Pacific/Kiritimati';
    // 2026-01-01T20:00Z is already Jan 2 in Kiritimati (+14): in UTC it is still Jan 1.
    expect(localDateOf(Date.UTC(2026, 0, 1, 20), 'UTC')).toBe('2026-01-01');
    expect(localClockOf(Date.UTC(2026, 0, 1, 20), 'UTC')).toBe('20:00');
  });
});
