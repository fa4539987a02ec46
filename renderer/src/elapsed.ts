/** A running time as a clock reads it: 0:00:06, 1:05:00, 26:00:00 (hours never wrap). */
export function elapsedClock(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  const two = (n: number) => String(n).padStart(2, '0');
  return `${Math.floor(s / 3600)}:${two(Math.floor((s % 3600) / 60))}:${two(s % 60)}`;
}
