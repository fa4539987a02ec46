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

export type FetchLike = (input: string, init: RequestInit) => Promise<FetchResponse>;

export interface HttpOptions {
  fetch: FetchLike;
  /** Per-request limit. */
  timeoutMs?: number;
  /** Values to scrub from any text that leaves this module (tokens). */
  secrets: readonly string[];
  now?: () => number;
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
  | { ok: true; status: number; body: T }
  | { ok: false; error: SyncError; body?: unknown };

export interface Http {
  request<T = unknown>(req: HttpRequest): Promise<HttpResult<T>>;
}

export function createHttp(options: HttpOptions): Http {
  const timeoutMs = options.timeoutMs ?? 30_000;
  const now = options.now ?? Date.now;
  const scrub = (s: string) => redact(s, options.secrets);

  return {
    async request<T>(req: HttpRequest): Promise<HttpResult<T>> {
      const controller = new AbortController();
      const timer = setTimeout(() => controller.abort(), timeoutMs);
      const where = `${req.method} ${scrub(stripQuery(req.url))}`;
      let res: FetchResponse;
      let text: string;
      try {
        res = await options.fetch(req.url, {
          method: req.method,
          headers: {
            Accept: 'application/json',
            ...(req.body !== undefined && { 'Content-Type': 'application/json' }),
            ...req.headers,
          },
          body: req.body === undefined ? undefined : JSON.stringify(req.body),
          signal: controller.signal,
        });
        text = await res.text();
      } catch (e) {
        const timedOut = controller.signal.aborted;
        const cause = (e as { cause?: { code?: string } }).cause?.code ?? (e as Error).message;
        return {
          ok: false,
          error: {
            class: 'transient',
            status: 0,
            message: scrub(timedOut ? `${where}: no answer within ${timeoutMs} ms` : `${where}: network error (${cause})`),
          },
        };
      } finally {
        clearTimeout(timer);
      }
      let body: unknown = undefined;
      if (text.length) {
        try {
          body = JSON.parse(text);
        } catch {
          body = text;
        }
      }
      if (res.ok) return { ok: true, status: res.status, body: body as T };
      const serverSays = req.errorMessage?.(body) ?? (typeof body === 'string' ? body.slice(0, 300) : undefined);
      const cls = classifyStatus(res.status);
      return {
        ok: false,
        body,
        error: {
          class: cls,
          status: res.status,
          message: scrub(`${res.status}${serverSays ? `: ${serverSays}` : ` from ${where}`}`),
          ...(cls === 'transient' && { retryAfterMs: parseRetryAfter(res.headers.get('retry-after'), now()) }),
        },
      };
    },
  };
}

function stripQuery(url: string): string {
  const i = url.indexOf('?');
  return i < 0 ? url : url.slice(0, i);
}
