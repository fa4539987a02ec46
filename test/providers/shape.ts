/**
 * A fake provider as a table. Each provider file DECLARES its shape — paths, envelope, error
 * words, field rules, update verb, pagination kind, filters, context check, how its records read
 * in neutral terms — and `startFake` serves it: the record store, create (single or bulk, with
 * the shared 'bulk-partial' fault), get, update (replacing or partial), delete, lists, and the
 * other client's seeds, edits and deletions. The frame (server.ts) adds auth, faults, the log
 * and rate limiting.
 */
import type { Provider } from '../../shared/entry';
import { pageOf, type PageInfo, type Paging } from './pages';
import { firstProblem, kept, type Fields, type Problem } from './rules';
import { startFrame, type ApiRequest, type ApiResponse, type RateLimit, type RouteContext } from './server';
import { editOf, heldOrThrow, laterIso, nowIso, type FakeProvider, type Held, type RemoteEdit } from './types';

export type Rec = Record<string, unknown> & { id: string };
type Built<R> = { ok: true; rec: R } | { ok: false; res: ApiResponse };
/** A record made in the provider's web app, in neutral terms. */
export interface Seed { description: string; start: number; seconds: number; project_id: string }

/** A query filter: the value as sent → which records it keeps, or the rule it broke in words. */
export type Filter<R> = (value: string) => ((r: R) => boolean) | string;

export interface Kit<R> {
  store: ReadonlyMap<string, R>;
  /** One page of `all`, the way every list of this API pages; a refusal for a bad page parameter. */
  page<T>(all: T[], req: ApiRequest): { ok: true; items: T[]; info: PageInfo; headers?: Record<string, string> } | { ok: false; res: ApiResponse };
}

/** A route beside the entries (the pickers' catalogs, the org or tenant lookup). */
export interface Extra<R> { method: string; path: string | RegExp; answer(req: ApiRequest, kit: Kit<R>): ApiResponse }

export interface Shape<R extends Rec> {
  provider: Provider;
  /** What `accounts add` needs: the base URL's path after the server's address, and context ids. */
  account: { path?: string; context?: Readonly<Record<string, string>> };
  auth: {
    /** The API's 401 body. */
    unauthorized: unknown;
    /** Context the API checks on every call (a tenant header, an org override): a refusal, or null. */
    context?: (req: ApiRequest) => ApiResponse | null;
  };
  errors: {
    /** A refusal with a message in the API's envelope (404, 405, a malformed body). */
    plain(status: number, message: string): ApiResponse;
    /** A field that broke its rule. */
    invalid(p: Problem): ApiResponse;
    /** A query parameter that broke its rule (default: plain 400 `param words`). */
    query?(param: string, words: string): ApiResponse;
    /** The body of an injected 5xx/429. */
    failure(status: number): unknown;
    /** Headers on an injected or rate-limited answer (Moneybird's RateLimit-* on a 429). */
    failureHeaders?(status: number, resetAt?: number, retryAfter?: string): Record<string, string>;
  };
  /**
   * The API's documented rate limit. Enforced only when a start asks for it (`rateLimit: true`, or
   * a time-scaled limit of its own): tests move the client's clock, never the server's window.
   */
  rateLimit?: RateLimit;
  /** `.json` is optional on every path. */
  jsonSuffix?: boolean;
  entries: {
    /** The collection; an item is `{path}/{id}`. */
    path: string;
    /** What an id looks like in a path (default: any segment). */
    idPattern?: string;
    ids: () => string;
    /** The record's created/updated stamps, by name. */
    stamps: readonly [created: string, updated: string];
    /** Fields the server sets itself on create (owner, organisation). */
    constant?: () => Record<string, unknown>;
    fields: Fields;
    /** The key the entry sits under in a body (`time_entry`); absent: the body is the entry. */
    wrap?: string;
    /** Bulk create: the key of the array and its largest size. */
    bulk?: { key: string; max: number };
    createStatus: 200 | 201;
    /**
     * PUT or PATCH; `replace`: fields not sent are reset (Kukkingu), else kept; `only`: which
     * records may be updated at all (Voltasis 2.0.4: drafts), a refusal for the others.
     */
    update: { verb: 'PUT' | 'PATCH'; replace: boolean; only?: (r: R) => ApiResponse | null };
    /** What the server computes from what was sent (a duration from the end). */
    derive?: (r: R) => void;
    /** Rules across fields (the end after the start): a refusal, or null. */
    rule?: (r: R) => ApiResponse | null;
    list: {
      paging: Paging;
      filters?: Readonly<Record<string, Filter<R>>>;
      /** Query values assumed when absent (Moneybird's default period). */
      defaults?: Readonly<Record<string, string>>;
      order?: (a: R, b: R) => number;
    };
    envelope: {
      one(r: R, req: ApiRequest): unknown;
      list(rs: R[], info: PageInfo, req: ApiRequest): { body: unknown; headers?: Record<string, string> };
      /** A create's answer (default: `one` of the first); `cut` when the 'bulk-partial' fault dropped some. */
      created?(rs: R[], req: ApiRequest, cut: boolean): unknown;
    };
  };
  extra?: readonly Extra<R>[];
  /** How a record reads in neutral terms and how the provider's web app writes one. */
  neutral: {
    held(r: R): Omit<Held, 'id'>;
    /** The body its web app would send for a seed (checked by the same rules as a POST). */
    seed(s: Seed): Record<string, unknown>;
    /** Fields an edit elsewhere sets, by name, and how it sets a length the user typed there. */
    edit: { description: string; project_id: string; billable_ref?: string; seconds(r: R, s: number): void };
  };
}

export interface FakeOptions {
  port?: number;
  /** true: enforce the shape's declared limit; a limit: enforce that one (a benchmark's time-scaled window). */
  rateLimit?: RateLimit | true;
}

export async function startFake<R extends Rec>(shape: Shape<R>, o: FakeOptions = {}): Promise<FakeProvider> {
  const store = new Map<string, R>();
  const e = shape.entries;
  const { plain, invalid } = shape.errors;
  const query = shape.errors.query ?? ((param: string, words: string) => plain(400, `${param} ${words}`));
  const kit: Kit<R> = { store, page: (all, req) => pageOf(e.list.paging, all, req, query) };
  const item = new RegExp(`^${escape(e.path)}(?:/(${e.idPattern ?? '[^/]+'}))?$`);
  const [created, updated] = e.stamps;

  /** Sent fields → a record to store, or the refusal. `base` is the record being updated. */
  function build(body: Record<string, unknown>, where: string, base: R | null): Built<R> {
    const partial = base !== null && !e.update.replace;
    const p = firstProblem(e.fields, body, partial, where);
    if (p) return { ok: false, res: invalid(p) };
    const next = { ...(base ?? e.constant?.()), ...kept(e.fields, body, !partial) } as R;
    e.derive?.(next);
    const refused = e.rule?.(next);
    return refused ? { ok: false, res: refused } : { ok: true, rec: next };
  }
  const insert = (next: R): R => {
    const r = { ...next, id: e.ids(), [created]: nowIso(), [updated]: nowIso() } as R;
    store.set(r.id, r);
    return r;
  };
  const objectOf = (b: unknown): b is Record<string, unknown> => !!b && typeof b === 'object' && !Array.isArray(b);

  /** The entries a POST or an update sends, with where each sits; a refusal when the body is not one. */
  function sent(body: unknown, bulkOk: boolean): { items: [unknown, string][]; bulk: boolean } | ApiResponse {
    if (!objectOf(body)) return plain(400, 'body must be a JSON object');
    if (e.bulk && bulkOk && Array.isArray(body[e.bulk.key])) {
      const list = body[e.bulk.key] as unknown[];
      if (!list.length) return plain(400, `${e.bulk.key} must not be empty`);
      if (list.length > e.bulk.max) return plain(422, `at most ${e.bulk.max} time entries can be created at once`);
      return { items: list.map((x, i) => [x, `${e.bulk!.key}[${i}]`]), bulk: true };
    }
    if (!e.wrap) return { items: [[body, 'body']], bulk: false };
    if (!objectOf(body[e.wrap])) return plain(400, `${e.wrap} is required`);
    return { items: [[body[e.wrap], e.wrap]], bulk: false };
  }

  function create(req: ApiRequest, ctx: RouteContext): ApiResponse {
    const s = sent(req.body, true);
    if ('status' in s) return s;
    // The whole bulk is checked first: one invalid object stores none of them.
    const built: R[] = [];
    for (const [x, where] of s.items) {
      if (!objectOf(x)) return plain(400, `${where} must be an object`);
      const r = build(x, where, null);
      if (!r.ok) return r.res;
      built.push(r.rec);
    }
    const cut = s.bulk && ctx.custom === 'bulk-partial';
    const recs = (cut ? built.slice(0, Math.ceil(built.length / 2)) : built).map(insert);
    return { status: e.createStatus, body: e.envelope.created ? e.envelope.created(recs, req, cut) : e.envelope.one(recs[0]!, req) };
  }

  function list(req: ApiRequest): ApiResponse {
    let all = [...store.values()];
    for (const [param, filter] of Object.entries(e.list.filters ?? {})) {
      const v = req.query.get(param) ?? e.list.defaults?.[param];
      if (v === undefined || v === null) continue;
      const keep = filter(v);
      if (typeof keep === 'string') return query(param, keep);
      all = all.filter(keep);
    }
    if (e.list.order) all.sort(e.list.order);
    const p = kit.page(all, req);
    if (!p.ok) return p.res;
    const out = e.envelope.list(p.items, p.info, req);
    return { status: 200, body: out.body, headers: { ...p.headers, ...out.headers } };
  }

  function route(req: ApiRequest, ctx: RouteContext): ApiResponse {
    const path = shape.jsonSuffix ? req.path.replace(/\.json$/, '') : req.path;
    const x = shape.extra?.find((r) => r.method === req.method && (typeof r.path === 'string' ? r.path === path : r.path.test(path)));
    if (x) return x.answer(req, kit);
    const m = item.exec(path);
    if (!m) return plain(404, `no route ${req.method} ${req.path}`);
    const id = m[1] && decodeURIComponent(m[1]);
    if (!id) {
      if (req.method === 'POST') return create(req, ctx);
      if (req.method === 'GET') return list(req);
      return plain(405, 'method not allowed');
    }
    const rec = store.get(id);
    if (!rec) return plain(404, `time entry ${id} not found`);
    if (req.method === 'GET') return { status: 200, body: e.envelope.one(rec, req) };
    if (req.method === e.update.verb) {
      const locked = e.update.only?.(rec);
      if (locked) return locked;
      const s = sent(req.body, false);
      if ('status' in s) return s;
      const [x, where] = s.items[0]!;
      if (!objectOf(x)) return plain(400, `${where} must be an object`);
      const next = build(x, where, rec);
      if (!next.ok) return next.res;
      Object.assign(rec, next.rec, { id: rec.id, [created]: rec[created], [updated]: nowIso() });
      return { status: 200, body: e.envelope.one(rec, req) };
    }
    if (req.method === 'DELETE') {
      store.delete(id);
      return { status: 204 };
    }
    return plain(405, 'method not allowed');
  }

  const frame = await startFrame({
    port: o.port,
    unauthorized: () => shape.auth.unauthorized,
    failure: shape.errors.failure,
    failureHeaders: shape.errors.failureHeaders,
    context: shape.auth.context,
    rateLimit: o.rateLimit === true ? shape.rateLimit : o.rateLimit,
    route,
  });
  const name = shape.provider;
  const n = shape.neutral;
  return Object.assign(frame, {
    provider: name,
    account: () => ({ base_url: `${frame.url}${shape.account.path ?? ''}`, context: { ...shape.account.context } }),
    held: (): Held[] => [...store.values()].map((r) => ({ id: r.id, ...n.held(r) })),
    seedRemote(s: Seed): string {
      const r = build(n.seed(s), 'body', null);
      if (!r.ok) throw new Error(`${name} fake: the seed breaks the API's rules: ${JSON.stringify(r.res.body)}`);
      return insert(r.rec).id;
    },
    editRemote(id: string, edit: string | RemoteEdit): void {
      const ed = editOf(edit);
      if (ed.billable_ref !== undefined && !n.edit.billable_ref) throw new Error(`${name} fake: billable_ref is a Kukkingu field; ${name} has none`);
      const r = heldOrThrow(store, id, name);
      const set = r as Record<string, unknown>;
      if (ed.description !== undefined) set[n.edit.description] = ed.description;
      if (ed.project_id !== undefined) set[n.edit.project_id] = ed.project_id;
      if (ed.billable_ref !== undefined) set[n.edit.billable_ref!] = ed.billable_ref;
      if (ed.seconds !== undefined) n.edit.seconds(r, ed.seconds);
      set[updated] = laterIso();
    },
    deleteRemote(id: string): void {
      heldOrThrow(store, id, name);
      store.delete(id);
    },
  });
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
