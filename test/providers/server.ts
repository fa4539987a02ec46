/**
 * The frame every fake provider shares: a real HTTP server on 127.0.0.1, bearer-token auth, a log
 * of what it received, and fault injection. Each provider file supplies only its routes, its
 * validation and its envelopes, faithful to its seed (../shared/seeds/).
 *
 * Faults are queued and consumed in order by the requests they match:
 *   status        answer 500/503/429 (with Retry-After) without touching the store
 *   reset         handle the request (the store changes), then destroy the socket unanswered
 *   timeout       handle the request (the store changes), then never answer
 *   latency       answer normally after `ms`
 *   custom        provider-specific (e.g. Kantata's partial bulk), read by the route itself
 *
 * A rate limit, when declared, answers 429 (the provider's failure body and headers, Retry-After in
 * seconds) to any authenticated request past `requests` in the last `windowMs`: a sliding window,
 * time-scalable by a benchmark (Moneybird's 150 per 5 min as 150 per 3 s).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export interface ApiRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingMessage['headers'];
  body: unknown;
}

export interface ApiResponse {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export type Fault =
  | { kind: 'status'; status: number; retryAfter?: string; body?: unknown }
  | { kind: 'reset' }
  | { kind: 'timeout' }
  | { kind: 'latency'; ms: number }
  | { kind: 'custom'; name: string };

export interface FaultRule {
  fault: Fault;
  method?: string;
  /** Matched against the path without the query. */
  path?: RegExp;
  /** How many matching requests it affects (default 1). */
  times?: number;
}

export interface RateLimit {
  requests: number;
  windowMs: number;
}

export interface LogLine {
  method: string;
  path: string;
  status: number | 'reset' | 'timeout';
}

export interface FakeServer {
  readonly url: string;
  token: string;
  /** Everything that was asked, in order. */
  readonly log: LogLine[];
  /** TCP connections accepted so far (keep-alive shows as few). */
  readonly connections: number;
  /** The limit in force (null: none); a test or benchmark may set or lift it while serving. */
  rateLimit: RateLimit | null;
  inject(rule: FaultRule): void;
  clearFaults(): void;
  close(): Promise<void>;
}

export interface RouteContext {
  /** The custom fault consumed by this request, if any (e.g. 'bulk-partial'). */
  custom: string | null;
}

export type Route = (req: ApiRequest, ctx: RouteContext) => ApiResponse;

export interface FrameOptions {
  port?: number;
  token?: string;
  /** The provider's own 401 body. */
  unauthorized: () => unknown;
  /** The provider's own error body for a 5xx/429 fault. */
  failure: (status: number) => unknown;
  /**
   * Headers the provider adds to such an answer (Moneybird's RateLimit-* on a 429); `resetAt`
   * (epoch ms) when the frame's own rate limit refused it; `retryAfter` when a test's fault names
   * the wait, so the window's headers say the same as Retry-After in the test's own clock.
   */
  failureHeaders?: (status: number, resetAt?: number, retryAfter?: string) => Record<string, string>;
  rateLimit?: RateLimit;
  /** Extra auth checks (tenant/org context): a response refuses the request. */
  context?: (req: ApiRequest) => ApiResponse | null;
  route: Route;
}

const MAX_BODY = 5 * 1024 * 1024;

export async function startFrame(o: FrameOptions): Promise<FakeServer> {
  const rules: (FaultRule & { left: number })[] = [];
  const log: LogLine[] = [];
  const sockets = new Set<Socket>();
  const held = new Set<ServerResponse>();
  const state = { token: o.token ?? 'test-token-0123456789', rateLimit: o.rateLimit ?? null };
  /** When each request the limit let through arrived, oldest first. */
  const admitted: number[] = [];
  /** Epoch ms at which a request may go again, or null when this one is within the limit. */
  const limited = (): number | null => {
    const l = state.rateLimit;
    if (!l) return null;
    const now = Date.now();
    while (admitted.length && admitted[0]! <= now - l.windowMs) admitted.shift();
    if (admitted.length >= l.requests) return admitted[0]! + l.windowMs;
    admitted.push(now);
    return null;
  };

  /**
   * While a limit is in force every answer says where the window stands, as Moneybird's 429 does
   * (RateLimit-Limit, -Remaining, -Reset in epoch seconds: when the oldest counted request leaves
   * the window), plus the IETF draft's RateLimit-Policy naming the window itself (`150;w=300`):
   * a client can pace to a time-scaled server from its answers alone.
   */
  const budgetHeaders = (): Record<string, string> => {
    const l = state.rateLimit;
    if (!l) return {};
    const resetAt = admitted.length ? admitted[0]! + l.windowMs : Date.now();
    return {
      'RateLimit-Limit': String(l.requests), 'RateLimit-Remaining': String(Math.max(0, l.requests - admitted.length)),
      'RateLimit-Reset': String(Math.ceil(resetAt / 1000)), 'RateLimit-Policy': `${l.requests};w=${l.windowMs / 1000}`,
    };
  };

  const take = (method: string, path: string): Fault | null => {
    const i = rules.findIndex((r) => (!r.method || r.method === method) && (!r.path || r.path.test(path)));
    if (i < 0) return null;
    const r = rules[i]!;
    if (--r.left <= 0) rules.splice(i, 1);
    return r.fault;
  };

  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size <= MAX_BODY) chunks.push(c);
    });
    req.on('end', () => {
      const u = new URL(req.url ?? '/', 'http://127.0.0.1');
      const method = req.method ?? 'GET';
      const send = (r: ApiResponse) => {
        log.push({ method, path: u.pathname, status: r.status });
        const text = r.body === undefined ? '' : toJson(r.body);
        res.writeHead(r.status, { ...(text && { 'Content-Type': 'application/json' }), ...budgetHeaders(), ...r.headers });
        res.end(text);
      };
      if (size > MAX_BODY) return send({ status: 413, body: o.failure(413) });
      let body: unknown;
      const raw = Buffer.concat(chunks).toString('utf8');
      if (raw.length) {
        if (!String(req.headers['content-type'] ?? '').includes('application/json')) {
          return send({ status: 415, body: o.failure(415) });
        }
        try {
          body = JSON.parse(raw);
        } catch {
          return send({ status: 400, body: o.failure(400) });
        }
      }
      const api: ApiRequest = { method, path: u.pathname, query: u.searchParams, headers: req.headers, body };

      const fault = take(method, u.pathname);
      if (fault?.kind === 'status') {
        return send({
          status: fault.status,
          body: fault.body ?? o.failure(fault.status),
          headers: { ...o.failureHeaders?.(fault.status, undefined, fault.retryAfter), ...(fault.retryAfter !== undefined && { 'Retry-After': fault.retryAfter }) },
        });
      }
      if (req.headers.authorization !== `Bearer ${state.token}`) return send({ status: 401, body: o.unauthorized() });
      const resetAt = limited();
      if (resetAt !== null) {
        const wait = String(Math.max(1, Math.ceil((resetAt - Date.now()) / 1000)));
        return send({ status: 429, body: o.failure(429), headers: { 'Retry-After': wait, ...o.failureHeaders?.(429, resetAt) } });
      }
      const refusal = o.context?.(api);
      if (refusal) return send(refusal);

      const answer = () => {
        let r: ApiResponse;
        try {
          r = o.route(api, { custom: fault?.kind === 'custom' ? fault.name : null });
        } catch (e) {
          r = { status: 500, body: o.failure(500) };
          console.error(e);
        }
        if (fault?.kind === 'timeout') {
          // Stored, then silence until the client gives up.
          log.push({ method, path: u.pathname, status: 'timeout' });
          held.add(res);
          res.on('close', () => held.delete(res));
          return;
        }
        if (fault?.kind === 'reset') {
          // The store has changed; the client never hears of it.
          log.push({ method, path: u.pathname, status: 'reset' });
          req.socket.destroy();
          return;
        }
        send(r);
      };
      if (fault?.kind === 'latency') setTimeout(answer, fault.ms);
      else answer();
    });
  });
  let connections = 0;
  server.on('connection', (s) => {
    connections++;
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  // Longer than undici's 1 s safety margin, or every request would open a new connection.
  server.keepAliveTimeout = 10_000;
  await new Promise<void>((resolve) => server.listen(o.port ?? 0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    get token() {
      return state.token;
    },
    set token(t: string) {
      state.token = t;
    },
    log,
    get connections() {
      return connections;
    },
    get rateLimit() {
      return state.rateLimit;
    },
    set rateLimit(l: RateLimit | null) {
      state.rateLimit = l;
      admitted.length = 0;
    },
    inject(rule) {
      rules.push({ ...rule, left: rule.times ?? 1 });
    },
    clearFaults() {
      rules.length = 0;
    },
    close() {
      for (const r of held) r.destroy();
      for (const s of sockets) s.destroy();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

/**
 * JSON as a server writes it: a bigint becomes a bare number literal with every digit, the way an
 * API that sends 18-digit ids as numbers does (JSON.stringify alone cannot write one).
 */
export function toJson(body: unknown): string {
  return JSON.stringify(body, (_k, v) => (typeof v === 'bigint' ? `\u0000bigint:${v}` : v))
    .replace(/"\\u0000bigint:(-?\d+)"/g, '$1');
}

/** Ids the way each API spells them: a prefix and a counter, unique per server. */
export function idMaker(prefix: string) {
  let n = 0;
  return () => `${prefix}${(++n).toString(36).padStart(8, '0')}`;
}

export const isDate = (v: unknown): v is string =>
  typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) &&
  new Date(`${v}T00:00:00Z`).toISOString().slice(0, 10) === v;

export const isIso = (v: unknown): v is string =>
  typeof v === 'string' && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/.test(v) && Number.isFinite(Date.parse(v));
