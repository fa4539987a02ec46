/**
 * The one way the sync layer talks HTTP: JSON in and out, a timeout on every request, errors
 * classified (errors.ts), and secrets kept out of every message. `fetch` is injected: Electron
 * passes `net.fetch` (system proxy), Node the global one, loaded only when a sync runs.
 */
import { classifyStatus, parseRetryAfter, redact, type SyncError } from './errors';

/** What http.ts needs of a fetch's answer: global fetch, Electron's net.fetch and nodeFetch all give it. */
export interface FetchResponse {
  ok: boolean;
  status: number;
  headers: { get(name: string): string | null };
  text(): Promise<string>;
}

/** `timeoutMs` is honoured only by a fetch that says so (`honoursTimeout`); the others get a signal. */
export type FetchInit = RequestInit & { timeoutMs?: number };

export type FetchLike = ((input: string, init: FetchInit) => Promise<FetchResponse>) & {
  /**
   * Ends a request still unanswered after `init.timeoutMs` itself, rejecting with an error named
   * 'TimeoutError'. An AbortController, its signal and the listeners node:http hangs on it were
   * a third of what a request allocated (bench: drain memory); Electron's net.fetch needs one.
   */
  honoursTimeout?: boolean;
};

export interface HttpOptions {
  fetch: FetchLike;
  /** Per-request limit. */
  timeoutMs?: number;
  /** Values to scrub from any text that leaves this module (tokens). */
  secrets: readonly string[];
  now?: () => number;
  /**
   * Runs before each request, outside its timeout: waits for the account's pacer, or refuses the
   * request unsent with the error returned (an account held by a server's Retry-After).
   */
  gate?: () => Promise<SyncError | null>;
  /** Sees every error answer: a 429 holds the whole account, in every process on the file. */
  onError?: (error: SyncError) => void;
  /** Sees the headers of every answer, as it arrives (the pacer reads the server's RateLimit-*). */
  onAnswer?: (headers: FetchResponse['headers']) => void;
}

export interface HttpRequest {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  url: string;
  headers?: Record<string, string>;
  body?: unknown;
  /** Pull the server's own message out of its error envelope. */
  errorMessage?: (body: unknown) => string | undefined;
}

export type HttpResult<T = unknown> =
  | { ok: true; status: number; body: T; headers?: FetchResponse['headers'] }
  | { ok: false; error: SyncError; body?: unknown };

export interface Http {
  request<T = unknown>(req: HttpRequest): Promise<HttpResult<T>>;
}

export function createHttp(options: HttpOptions): Http {
  const timeoutMs = options.timeoutMs ?? 30_000;
  const now = options.now ?? Date.now;
  const scrub = (s: string) => redact(s, options.secrets);
  const deadlineInFetch = options.fetch.honoursTimeout === true;

  const raw = {
    async send<T>(req: HttpRequest): Promise<HttpResult<T>> {
      const controller = deadlineInFetch ? null : new AbortController();
      const timer = controller && setTimeout(() => controller.abort(), timeoutMs);
      // Only an error names the request: scrubbing every URL was CPU spent on each success.
      const where = () => `${req.method} ${scrub(stripQuery(req.url))}`;
      // Built in place, not spread: this runs for every request of a drain (bench: drain memory).
      const headers: Record<string, string> = { Accept: 'application/json' };
      if (req.body !== undefined) headers['Content-Type'] = 'application/json';
      if (req.headers) Object.assign(headers, req.headers);
      let res: FetchResponse;
      let text: string;
      try {
        res = await options.fetch(req.url, {
          method: req.method,
          headers,
          body: req.body === undefined ? undefined : JSON.stringify(req.body),
          signal: controller?.signal,
          timeoutMs: controller ? undefined : timeoutMs,
        });
        options.onAnswer?.(res.headers);
        text = await res.text();
      } catch (e) {
        const timedOut = controller ? controller.signal.aborted : (e as Error).name === 'TimeoutError';
        const cause = (e as { cause?: { code?: string } }).cause?.code ?? (e as Error).message;
        return {
          ok: false,
          error: {
            class: 'transient',
            status: 0,
            message: scrub(timedOut ? `${where()}: no answer within ${timeoutMs} ms` : `${where()}: network error (${cause})`),
          },
        };
      } finally {
        if (timer) clearTimeout(timer);
      }
      const body = parseBody(text);
      if (res.ok) return { ok: true, status: res.status, body: body as T, headers: res.headers };
      const serverSays = req.errorMessage?.(body) ?? (typeof body === 'string' ? body.slice(0, 300) : undefined);
      const cls = classifyStatus(res.status);
      return {
        ok: false,
        body,
        error: {
          class: cls,
          status: res.status,
          message: scrub(`${res.status}${serverSays ? `: ${serverSays}` : ` from ${where()}`}`),
          ...(cls === 'transient' && { retryAfterMs: retryAfter(res, now()) }),
        },
      };
    },
  };

  return {
    async request<T>(req: HttpRequest): Promise<HttpResult<T>> {
      const refused = await options.gate?.();
      if (refused) return { ok: false, error: refused };
      const r = await raw.send<T>(req);
      if (!r.ok) options.onError?.(r.error);
      return r;
    },
  };
}

/**
 * JSON, with integers beyond 2^53 kept as their digits in a string: once read as a number,
 * Moneybird's 18-digit ids (real-apis.md) are already another id. Not JSON: the text itself (a
 * proxy's HTML page, a plain-text 429).
 */
export function parseBody(text: string): unknown {
  if (!text.length) return undefined;
  try {
    return JSON.parse(quoteBigIntegers(text));
  } catch {
    return text;
  }
}

const NUMBER = /-?\d+(\.\d+)?([eE][+-]?\d+)?/y;

/** Wraps every unsafe integer literal outside strings in quotes; leaves all else as written. */
function quoteBigIntegers(json: string): string {
  if (!/\d{16}/.test(json)) return json;
  let out = '';
  let last = 0;
  let inString = false;
  for (let i = 0; i < json.length; i++) {
    const c = json[i]!;
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '-' || (c >= '0' && c <= '9')) {
      NUMBER.lastIndex = i;
      const m = NUMBER.exec(json);
      if (!m) continue;
      const literal = m[0];
      if (!m[1] && !m[2] && !Number.isSafeInteger(Number(literal))) {
        out += `${json.slice(last, i)}"${literal}"`;
        last = i + literal.length;
      }
      i += literal.length - 1;
    }
  }
  return out + json.slice(last);
}

/**
 * Retry-After (delta seconds, HTTP date or Moneybird's epoch); failing that, a 429's
 * RateLimit-Reset, which Moneybird gives in epoch seconds (real-apis.md).
 */
function retryAfter(res: FetchResponse, now: number): number | undefined {
  const given = parseRetryAfter(res.headers.get('retry-after'), now);
  if (given !== undefined || res.status !== 429) return given;
  const reset = res.headers.get('ratelimit-reset');
  return reset && /^\d{10,}$/.test(reset.trim()) ? parseRetryAfter(reset, now) : undefined;
}

function stripQuery(url: string): string {
  const i = url.indexOf('?');
  return i < 0 ? url : url.slice(0, i);
}
