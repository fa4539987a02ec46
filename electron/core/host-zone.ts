/**
 * The host's IANA zone found the way ICU finds it — `TZ`, else where /etc/localtime points —
 * without loading ICU: the first Intl.DateTimeFormat of a process costs ~25 ms of CPU, a sixth of
 * a whole `timetray stop` (profiled). Null whenever it takes more than that look (Windows, a copied
 * /etc/localtime, a POSIX rule in TZ, a name tzdata does not hold): the caller then asks Intl.
 */
import { existsSync, readlinkSync } from 'node:fs';

const ZONE_NAME = /^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+){0,2}$/;
// How V8 reports these through Intl (its canonical form), so both paths give one name.
const UTC_NAMES = new Set(['UTC', 'Etc/UTC', 'GMT', 'Etc/GMT']);
const ZONEINFO = '/usr/share/zoneinfo';

function fromTz(tz: string): string | null {
  const name = tz.startsWith(':') ? tz.slice(1) : tz;
  return ZONE_NAME.test(name) && existsSync(`${ZONEINFO}/${name}`) ? name : null;
}

function fromLocaltime(): string | null {
  try {
    const link = readlinkSync('/etc/localtime');
    const at = link.lastIndexOf('zoneinfo/');
    return at < 0 ? null : link.slice(at + 'zoneinfo/'.length);
  } catch {
    return null;
  }
}

let seen: { tz: string | undefined; zone: string | null } | null = null;

export function hostZone(): string | null {
  if (process.platform === 'win32') return null;
  const tz = process.env.TZ;
  // Looked at once per TZ value: V8 and ICU read /etc/localtime once per process too, so a
  // change to it mid-run would otherwise part this name from the zone Date computes in.
  if (seen && seen.tz === tz) return seen.zone;
  const name = tz === undefined ? fromLocaltime() : fromTz(tz);
  const zone = !name || !ZONE_NAME.test(name) || /^(posix|right)\//.test(name) ? null : UTC_NAMES.has(name) ? 'UTC' : name;
  seen = { tz, zone };
  return zone;
}
