/** Small statistics for the bench table. */
export function percentile(xs: readonly number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  if (!s.length) return NaN;
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))]!;
}
export const median = (xs: readonly number[]) => percentile(xs, 50);
export const round = (x: number, d = 3) => Math.round(x * 10 ** d) / 10 ** d;

/** Runs `fn` n times, returning each run's wall time in ms. */
export function timeEach(n: number, fn: (i: number) => void, before?: (i: number) => void): number[] {
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    before?.(i);
    const t = process.hrtime.bigint();
    fn(i);
    out.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  return out;
}

export interface Row {
  bench: string;
  ours: string;
  baseline: string;
  ratio: number;
  target: string;
  met: boolean | null;
}
