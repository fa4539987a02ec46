/**
 * What a server that rounds actually holds of an entry, said on the entry when it differs from what
 * the user typed. The user's own seconds stay in the local entry; this only makes the server's
 * precision visible, so a report read on the server never looks like a silent edit. Pure: the
 * remote refs' merge bases (in the server's precision) come in, a short note goes out.
 */
import type { HeldAs, HeldRecord, Provider } from '../../shared/entry';
import { splitByLocalDay } from '../../shared/time';
import { descriptorOf } from './sync/connectors';
import { minutesOf } from './sync/connectors/common';

/** The qualifier after "holds …": how the server rounds what it is sent (capabilities.precision). */
const PRECISION_WORDS = { seconds: 'whole seconds', minutes: 'whole minutes', 'minutes-floor': 'minutes, rounded down' } as const;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

export interface HeldInput {
  provider: Provider;
  /** The entry as the user left it (epoch ms). */
  start: number;
  end: number;
  /** The entry's remote records on its account: piece '' or 'YYYY-MM-DD', and the merge base. */
  refs: readonly { piece: string; base: Record<string, unknown> }[];
  /** Where the user reads the note. */
  zone: string;
  /** The zone the entry was split into local days in (its start zone); defaults to `zone`. */
  dayZone?: string;
}

/** Null when the server holds exactly what the user typed, or when the bases do not say. */
export function heldAsOf(i: HeldInput): HeldAs | null {
  if (!i.refs.length) return null;
  return descriptorOf(i.provider).capabilities.timeOfDay ? heldSpan(i) : heldDays(i);
}

function heldSpan(i: HeldInput): HeldAs | null {
  // Whole-entry APIs have one record; a stray second ref says nothing about times.
  const ref = i.refs.find((r) => r.piece === '') ?? (i.refs.length === 1 ? i.refs[0]! : undefined);
  const start = instant(ref?.base.start);
  const end = instant(ref?.base.end);
  if (start === null || end === null) return null;
  const seconds = Math.round((end - start) / 1000);
  // A time-of-day API that keeps minutes (Voltasis's required duration_minutes) keeps the times as
  // sent but counts the entry in whole minutes: its reports add up that, not the times.
  const counted = descriptorOf(i.provider).capabilities.precision === 'minutes' ? minutesOf(seconds) * 60 : seconds;
  const moved = start !== i.start || end !== i.end;
  if (!moved && counted === Math.round((i.end - i.start) / 1000)) return null;
  const record: HeldRecord = { date: wall(start, i.zone).date, start: new Date(start).toISOString(), end: new Date(end).toISOString(), seconds: counted };
  const what = moved ? `${span(start, end, i.zone)}${counted !== seconds ? `, ${hours(counted)}` : ''}` : hours(counted);
  return said(i.provider, [record], what);
}

function heldDays(i: HeldInput): HeldAs | null {
  const records: HeldRecord[] = [];
  for (const r of [...i.refs].sort((a, b) => a.piece.localeCompare(b.piece))) {
    const seconds = r.base.duration;
    // An older base without a duration, or a piece that is no date: nothing to say, rather than a guess.
    if (typeof seconds !== 'number' || !Number.isFinite(seconds) || !/^\d{4}-\d{2}-\d{2}$/.test(r.piece)) return null;
    records.push({ date: r.piece, start: null, end: null, seconds });
  }
  const typed = splitByLocalDay(i.start, i.end, i.dayZone ?? i.zone);
  const same = typed.length === records.length && typed.every((p, k) => p.date === records[k]!.date && p.seconds === records[k]!.seconds);
  if (same) return null;
  const onlyDay = records.length === 1 && typed.length === 1 && typed[0]!.date === records[0]!.date;
  const what = onlyDay
    ? hours(records[0]!.seconds)
    : `${records.length} record${records.length === 1 ? '' : 's'}: ${records.map((r) => `${dayText(r.date)} ${hours(r.seconds)}`).join(', ')}`;
  return said(i.provider, records, what);
}

function said(provider: Provider, records: HeldRecord[], summary: string): HeldAs {
  return { provider, records, summary, note: `${descriptorOf(provider).name} holds ${summary}${qualifier(provider)}` };
}

function instant(v: unknown): number | null {
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  if (typeof v === 'string') {
    const t = Date.parse(v);
    return Number.isFinite(t) ? t : null;
  }
  return null;
}

function qualifier(p: Provider): string {
  return ` (${PRECISION_WORDS[descriptorOf(p).capabilities.precision]})`;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
/**
 * The local date and wall clock of an instant in one Intl call: a list of thousands of synced
 * entries builds these for each, and a TZDate per field was most of the cost of such a list.
 */
function wall(ms: number, zone: string): { date: string; clock: string; seconds: string } {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone: zone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' });
    formatters.set(zone, f);
  }
  // format() is several times faster than formatToParts(); the parts are the fallback should ICU word it otherwise.
  const m = /^(\d{2})\/(\d{2})\/(\d{4}), (\d{2}):(\d{2}):(\d{2})$/.exec(f.format(ms));
  if (m) return { date: `${m[3]}-${m[1]}-${m[2]}`, clock: `${m[4]}:${m[5]}`, seconds: m[6]! };
  const p: Record<string, string> = {};
  for (const x of f.formatToParts(ms)) p[x.type] = x.value;
  return { date: `${p.year}-${p.month}-${p.day}`, clock: `${p.hour}:${p.minute}`, seconds: p.second! };
}

function span(start: number, end: number, zone: string): string {
  // :SS where the server keeps seconds, so a floored time reads as the server shows it.
  const secs = start % 60_000 !== 0 || end % 60_000 !== 0;
  const a = wall(start, zone);
  const b = wall(end, zone);
  const at = (w: typeof a) => (secs ? `${w.clock}:${w.seconds}` : w.clock);
  if (a.date === b.date) return `${at(a)}–${at(b)}`;
  return `${dayText(a.date)} ${at(a)}–${dayText(b.date)} ${at(b)}`;
}

function dayText(date: string): string {
  const [, m, d] = date.split('-').map(Number) as [number, number, number];
  return `${d} ${MONTHS[m - 1]}`;
}

/** "1 h 31 min", "0 h 40 min", "1 h 30 min 30 s": the unit words keep it from reading as a clock time. */
function hours(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  const rest = s % 60;
  return `${Math.floor(s / 3600)} h ${Math.floor((s % 3600) / 60)} min${rest ? ` ${rest} s` : ''}`;
}
