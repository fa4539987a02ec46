/**
 * A time of day as people type it into a form, in either hour cycle: `9:30`, `09:30`, `9.30`,
 * `0930`, `9`, `21:30`, `9:30 pm`, `9pm`, `12 am` (midnight). The form shows it back in the
 * locale's own format, so whichever way it was typed, the list and the input agree.
 */
export type ClockInput = { ok: true; hour: number; minute: number } | { ok: false; rule: string };

const RULE = 'Type a time like 9:30, 21:30 or 9:30 pm';
const CLOCK = /^(\d{1,2})(?:[:.h]?(\d{2}))?\s*(?:([ap])\.?\s*m?\.?)?$/i;

export function parseClockInput(text: string): ClockInput {
  const t = text.trim().replace(/\u202f|\u00a0/g, ' ');
  const m = CLOCK.exec(t);
  if (!m) return { ok: false, rule: RULE };
  let hour = +m[1]!;
  const minute = m[2] === undefined ? 0 : +m[2];
  const half = m[3]?.toLowerCase();
  if (minute > 59) return { ok: false, rule: RULE };
  if (half) {
    if (hour < 1 || hour > 12) return { ok: false, rule: RULE };
    hour = (hour % 12) + (half === 'p' ? 12 : 0);
  } else if (hour > 23) return { ok: false, rule: RULE };
  return { ok: true, hour, minute };
}
