/** When to remind: pure rules over the settings, the clock and the user's time zone. */
import { TZDate } from '@date-fns/tz';
import type { Settings, WorkingHours } from '../../shared/bridge';

/** Is `now` inside the working hours, read on the wall clock of `zone` (so DST moves with it)? */
export function isWorkingTime(now: number, zone: string, wh: WorkingHours): boolean {
  const local = new TZDate(now, zone);
  const isoDay = ((local.getDay() + 6) % 7) + 1;
  if (!wh.days.includes(isoDay)) return false;
  const hhmm = `${String(local.getHours()).padStart(2, '0')}:${String(local.getMinutes()).padStart(2, '0')}`;
  return hhmm >= wh.start && hhmm < wh.end;
}

export function noTimerReminderDue(o: { now: number; zone: string; settings: Settings; running: boolean; lastRemindedAt: number | null }): boolean {
  if (!o.settings.remind_no_timer || o.running) return false;
  if (!isWorkingTime(o.now, o.zone, o.settings.working_hours)) return false;
  return o.lastRemindedAt === null || o.now - o.lastRemindedAt >= o.settings.remind_every_minutes * 60_000;
}

export function longTimerDue(startIso: string, now: number, limitMinutes: number): boolean {
  return limitMinutes > 0 && now - Date.parse(startIso) >= limitMinutes * 60_000;
}
