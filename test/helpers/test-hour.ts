/**
 * Where the sync tests' clocks start: the start of this hour, so entries fall in the days a pull
 * lists. TIMETRAY_TEST_UTC_HOUR=21 starts them at 21:00 UTC today instead — the tests move their
 * clocks on by hours, and a check that reads "today" after that breaks only in the evening; the
 * variable lets any hour be tried on purpose instead of by the time CI happens to run.
 */
export function testHourStart(): number {
  const now = Date.now();
  const hour = process.env.TIMETRAY_TEST_UTC_HOUR;
  if (hour === undefined || hour === '') return now - (now % 3_600_000);
  const h = Number(hour);
  if (!Number.isInteger(h) || h < 0 || h > 23) throw new Error(`TIMETRAY_TEST_UTC_HOUR: must be a whole hour 0–23, got "${hour}"`);
  return now - (now % 86_400_000) + h * 3_600_000;
}
