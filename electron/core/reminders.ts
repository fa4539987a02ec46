/** When to remind: pure rules over the settings, the clock and the user's time zone. */
import { TZDate } from '@date-fns/tz';
import type { Settings, WorkingHours } from '../../shared/bridge';

/**
 * Is `now` inside the working hours, read on the wall clock of `zone`? Reading the local weekday
 * and time (not adding offsets to UTC) keeps "09:00–17:00" at 09:00–17:00 local on both sides of
 * a DST change. The range is half-open: at `end` the day's work is over. Settings guarantee
 * `start < end` and zero-padded `HH:MM`, so the times compare as text.
 */
export function isWorkingTime(now: number, zone: string, wh: WorkingHours): boolean {
  const local = new TZDate(now, zone);
  const isoDay = ((local.getDay() + 6) % 7) + 1;
  if (!wh.days.includes(isoDay)) return false;
  const hhmm = `${String(local.getHours()).padStart(2, '0')}:${String(local.getMinutes()).padStart(2, '0')}`;
  return hhmm >= wh.start && hhmm < wh.end;
}

/**
 * The "no timer is running" reminder: on, in working time, no timer, and not reminded within the
 * interval. The distance is taken both ways: a clock set back by more than the interval must not
 * silence the reminder until the clock catches up again, while NTP's small steps change nothing.
 */
export function noTimerReminderDue(o: { now: number; zone: string; settings: Settings; running: boolean; lastRemindedAt: number | null }): boolean {
  if (!o.settings.remind_no_timer || o.running) return false;
  if (!isWorkingTime(o.now, o.zone, o.settings.working_hours)) return false;
  return o.lastRemindedAt === null || Math.abs(o.now - o.lastRemindedAt) >= o.settings.remind_every_minutes * 60_000;
}

/** A timer running for `limitMinutes` or longer (0 = never); same rule as the shell's copy. */
export function longTimerDue(startIso: string, now: number, limitMinutes: number): boolean {
  return limitMinutes > 0 && now - Date.parse(startIso) >= limitMinutes * 60_000;
}
