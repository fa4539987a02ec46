/**
 * Pacing for services that publish a request budget (Moneybird: 150 requests / 5 minutes): a
 * sliding-window log, so no window of `perMs` ever holds more than `requests` of our requests and
 * a backlog drains without a single 429. A burst up to the budget goes at once (a few edits are
 * not delayed); beyond it each request waits for the oldest one to leave the window.
 *
 * The server's answers refine the declared budget (`observe`): RateLimit-Policy (`150;w=300`,
 * IETF draft) gives the budget and window the server counts in, RateLimit-Limit the budget
 * alone; RateLimit-Remaining 0 with RateLimit-Reset (epoch seconds, or seconds from now) holds
 * every request until then, when our own requests cannot explain it (someone else spends the
 * budget). Each request is logged at the instant its answer came (not when it left): the server
 * counted it somewhere in between, so a window measured from the answer never ends early,
 * whatever the network's jitter.
 *
 * The server counts at a request's arrival, so its Remaining is weighed against our requests
 * still in the window when that request LEFT, not when its answer came: at a full budget, slots
 * free while every request is in flight, and a log pruned at the answer showed room the server
 * never had. Taking that Remaining 0 for someone else's spending held the drain until Reset,
 * rounded up to a whole second, in every window (the paced bench's 1.07–1.13× of the bound).
 *
 * Time comes from the injected clock and waits go through the injected sleep, so tests run a
 * long drain on a fake clock in milliseconds of real time.
 */

/** A service's published budget: at most `requests` in any `perMs`. */
export interface RateLimit {
  requests: number;
  perMs: number;
  /** The service's name as the user knows it, for "at Moneybird's 150 requests / 5 min". */
  service: string;
}

export type Sleep = (ms: number) => Promise<void>;

export const realSleep: Sleep = (ms) => new Promise((r) => setTimeout(r, ms));

export interface Pacer {
  readonly limit: RateLimit;
  /**
   * Waits until one more request fits the budget, then counts it as sent (true). false, without
   * waiting, when that is more than `maxWaitMs` away; also when a wait did not move the clock
   * (a test's frozen clock), so a pass never spins.
   */
  take(maxWaitMs?: number): Promise<boolean>;
  /** How many requests could start between now and `ms` from now. */
  slotsWithin(ms: number): number;
  /** When the next request may start (now, when the budget has room). */
  nextFreeAt(): number;
  /** Instants of the requests still inside the window (for drain estimates). */
  recent(): number[];
  /** Reads an answer's RateLimit-* headers: the budget the server counts in, and where it stands. */
  observe(headers: { get(name: string): string | null }): void;
}

/** `150;w=300` (RateLimit-Policy, IETF draft): the budget and its window in ms; null if unreadable. */
export function parsePolicy(v: string | null): { requests: number; perMs: number } | null {
  const m = v && /^\s*(\d+)\s*;(?:.*;)?\s*w\s*=\s*(\d+(?:\.\d+)?)/.exec(v.split(',')[0]!);
  if (!m) return null;
  const requests = Number(m[1]);
  const perMs = Number(m[2]) * 1000;
  return requests > 0 && perMs > 0 ? { requests, perMs } : null;
}

/** Longer than any request waits for its answer (http.ts times out at 30 s): a departure older is a request that got none. */
const ANSWER_WITHIN_MS = 120_000;

export function createPacer(declared: RateLimit, now: () => number, sleep: Sleep = realSleep): Pacer {
  const limit: RateLimit = { ...declared };
  /** Our requests' instants (departure, then answer), oldest first: those in the window, and older ones a departure still needs. */
  let sent: number[] = [];
  /** How many logged requests have had their answer (their instant moved to it), oldest first. */
  let answered = 0;
  /** When each request still without an answer left, oldest first. */
  const departures: number[] = [];
  /** The server said its budget is spent until this instant. */
  let spentUntil = 0;
  const prune = () => {
    const t = now();
    // A request that never got an answer (timeout, reset) is never observed.
    while (departures.length && departures[0]! <= t - ANSWER_WITHIN_MS) departures.shift();
    // Kept back to the oldest departure still unanswered: observe weighs its answer against them.
    const horizon = Math.min(t, departures[0] ?? t);
    // A clock set back must not leave requests "in the future" that hold the budget for hours.
    const kept = sent.map((s) => Math.min(s, t)).filter((s) => s + limit.perMs > horizon);
    answered = Math.max(0, answered - (sent.length - kept.length));
    sent = kept;
    return t;
  };
  const inWindow = (t: number) => sent.filter((s) => s + limit.perMs > t);
  const nextFreeAt = () => {
    const t = prune();
    // Answer instants can overtake later departures: the window is counted over them sorted.
    const log = inWindow(t).sort((a, b) => a - b);
    const byLog = log.length < limit.requests ? t : log[log.length - limit.requests]! + limit.perMs;
    return spentUntil > t && spentUntil - t <= limit.perMs ? Math.max(byLog, spentUntil) : byLog;
  };
  return {
    limit,
    observe(headers) {
      const t = now();
      const policy = parsePolicy(headers.get('ratelimit-policy'));
      const budget = Number(headers.get('ratelimit-limit'));
      if (policy) Object.assign(limit, policy);
      else if (Number.isSafeInteger(budget) && budget > 0) limit.requests = budget;
      // Answers come back about in the order requests left: this one's is the oldest unanswered.
      if (answered < sent.length) sent[answered++] = t;
      const left = departures.shift() ?? t;
      const remaining = headers.get('ratelimit-remaining');
      const reset = Number(headers.get('ratelimit-reset'));
      // Spent while fewer of ours than the budget were in the window as this request left:
      // someone else spends it too (another process on the account). Reset is in whole seconds,
      // so it is used only then, not at every full window.
      const ours = sent.filter((s) => s + limit.perMs > left).length;
      prune();
      if (remaining !== null && Number(remaining) <= 0 && ours < limit.requests && Number.isFinite(reset) && reset > 0) {
        spentUntil = reset > 1e9 ? reset * 1000 : t + reset * 1000;
      }
    },
    async take(maxWaitMs = Infinity) {
      // Bounded: each wait ends when the oldest request in the window leaves it.
      let still = 0;
      for (let i = 0; i < 1_000; i++) {
        const at = nextFreeAt();
        const t = now();
        if (at <= t) {
          sent.push(t);
          departures.push(t);
          return true;
        }
        if (at - t > maxWaitMs) return false;
        await sleep(at - t);
        // A clock that never moves (a test's frozen clock) gives up; a timer that fired a
        // millisecond before Date.now() moved (Node's timers run on another clock) waits again:
        // giving up there failed the request as 'not sent yet' (paced bench: a retry and a lookup).
        still = now() === t ? still + 1 : 0;
        if (still >= 3) return false;
      }
      return false;
    },
    slotsWithin(ms: number) {
      const t = prune();
      return Math.max(0, limit.requests - inWindow(t + ms).length);
    },
    nextFreeAt,
    recent: () => inWindow(prune()),
  };
}

/**
 * How long `requests` more requests take under `limit`, given the instants already in the window:
 * the start of the last one, as the pacer would schedule them.
 */
export function drainMs(limit: RateLimit, requests: number, recent: readonly number[], at: number): number {
  if (requests <= 0) return 0;
  const log = recent.filter((s) => s + limit.perMs > at).sort((a, b) => a - b);
  let last = at;
  for (let i = 0; i < requests; i++) {
    const t = log.length < limit.requests ? at : Math.max(at, log[log.length - limit.requests]! + limit.perMs);
    log.push(t);
    last = t;
  }
  return last - at;
}

/** "about 10 min to send 400 changes at Moneybird's 150 requests / 5 min". */
export function drainText(limit: RateLimit, changes: number, ms: number): string {
  const budget = `${limit.service}'s ${limit.requests} requests / ${formatSpan(limit.perMs)}`;
  const what = `${changes} change${changes === 1 ? '' : 's'}`;
  if (ms < 60_000) return `${what} go within ${budget}`;
  return `about ${formatSpan(ms)} to send ${what} at ${budget}`;
}

function formatSpan(ms: number): string {
  const min = Math.ceil(ms / 60_000);
  return min < 60 ? `${min} min` : `${Math.floor(min / 60)} h ${min % 60} min`;
}
