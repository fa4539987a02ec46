/**
 * Moneybird (seed 004): {base}/api/v2/{administration}/time_entries[/{id}].json, Bearer token.
 * Create {time_entry: {user_id, started_at, ended_at, description, contact_id?, project_id?,
 * billable?, paused_duration?}} → 201, the times rounded DOWN to whole minutes with at least one
 * minute between them (else 422). PATCH partial → 200, DELETE → 204. Lists are bare arrays; any
 * filter replaces the defaults (period:this_year, running entries excluded). per_page ≤ 100.
 * 18-digit ids, as strings. Errors {error, symbolic}. Its 429 carries Retry-After as an epoch.
 * Beyond the seed, as ../shared/spec/real-apis.md reads Moneybird's OpenAPI (v2-20251223): `.json`
 * optional; user_id and administration_id answered as numbers; 422 with `error` as an object of
 * field → messages plus `details`; lists paged by a Link header (rel="next"/"prev"); a 429 whose
 * body is the bare string "Retry later" with RateLimit-* headers; 402 (LIMIT_REACHED) for a test
 * to inject. `numericIds` answers every id as a bare 18-digit number, as a client must survive.
 * The pickers' lists: {administration}/projects.json ({id, name, state}; filter state, active by
 * default) and contacts.json ({id, company_name, firstname, lastname}), bare-array pages.
 */
import { isIso, startFrame, type ApiRequest, type ApiResponse } from './server';
import { editOf, heldOrThrow, laterIso, noBillableRef, nowIso, type FakeProvider, type Held, type RemoteEdit } from './types';

const ADMIN = '123456789012345678';
/** The spec's own example user id: a number below 2^53, answered as one. */
const USER = '17664945013327';
const ENTRY = /^\/api\/v2\/([^/]+)\/time_entries(?:\/(\d+))?(?:\.json)?$/;
const CATALOG = /^\/api\/v2\/([^/]+)\/(projects|contacts)(?:\.json)?$/;

/** The spec's 402 for an administration past its plan's limit: a refusal with a reason. */
export const LIMIT_REACHED = { error: 'creating time entries is limited', symbolic: { administration: 'limit_reached' } };
const MINUTE = 60_000;

interface Rec {
  id: string; administration_id: string; contact_id: string | null; project_id: string | null; user_id: string;
  started_at: string; ended_at: string | null; description: string; paused_duration: number; billable: boolean;
  created_at: string; updated_at: string;
}

const err = (status: number, error: string, symbolic?: Record<string, string>): ApiResponse =>
  ({ status, body: { error, ...(symbolic && { symbolic }) } });
/** A validation failure as the spec shows it: {error: {field: [message]}, details: {field: [{error: code}]}}. */
const invalid = (field: string, message: string, code: string): ApiResponse =>
  ({ status: 422, body: { error: { [field]: [message] }, details: { [field]: [{ error: code }] } } });
const floor = (iso: string) => new Date(Math.floor(Date.parse(iso) / MINUTE) * MINUTE).toISOString();
const idLike = (v: unknown) => v === null || (typeof v === 'string' && /^\d+$/.test(v)) || Number.isSafeInteger(v);

function apply(rec: Partial<Rec>, t: Record<string, unknown>, partial: boolean): ApiResponse | null {
  const need = (k: string) => !partial || t[k] !== undefined;
  if (!partial && String(t.user_id) !== USER) return invalid('user_id', 'is not a user of this administration', 'invalid');
  if (need('started_at') && !isIso(t.started_at)) return invalid('started_at', "can't be blank", 'blank');
  if (need('ended_at') && !isIso(t.ended_at)) return invalid('ended_at', "can't be blank", 'blank');
  if (need('description') && (typeof t.description !== 'string' || !t.description)) return invalid('description', "can't be blank", 'blank');
  for (const k of ['contact_id', 'project_id'] as const) if (t[k] !== undefined && !idLike(t[k])) return invalid(k, 'is invalid', 'invalid');
  if (t.billable !== undefined && typeof t.billable !== 'boolean') return invalid('billable', 'is invalid', 'invalid');
  if (t.paused_duration !== undefined && !(Number.isInteger(t.paused_duration) && (t.paused_duration as number) >= 0)) return invalid('paused_duration', 'is invalid', 'invalid');
  const next: Partial<Rec> = { ...rec };
  if (t.started_at !== undefined) next.started_at = floor(String(t.started_at));
  if (t.ended_at !== undefined) next.ended_at = floor(String(t.ended_at));
  if (t.description !== undefined) next.description = String(t.description);
  if (t.contact_id !== undefined) next.contact_id = t.contact_id === null ? null : String(t.contact_id);
  if (t.project_id !== undefined) next.project_id = t.project_id === null ? null : String(t.project_id);
  if (t.billable !== undefined) next.billable = t.billable as boolean;
  if (t.paused_duration !== undefined) next.paused_duration = Math.floor((t.paused_duration as number) / 60) * 60;
  if (Date.parse(next.ended_at!) - Date.parse(next.started_at!) < MINUTE) {
    return invalid('ended_at', 'cannot be before the start time', 'ended_at_before_started_at');
  }
  Object.assign(rec, next, { updated_at: nowIso() });
  return null;
}

/** `period:20260105..20260110`, `period:this_year`, `user_id:…`; nothing else is needed here. */
function filterOf(f: string | null): ((r: Rec) => boolean) | ApiResponse {
  const parts = Object.fromEntries((f ?? '').split(',').filter(Boolean).map((p) => p.split(':', 2) as [string, string]));
  const period = parts.period ?? 'this_year';
  let from: string;
  let to: string;
  const m = /^(\d{8})\.\.(\d{8})$/.exec(period);
  if (m) [from, to] = [m[1]!, m[2]!];
  else if (period === 'this_year') {
    const y = new Date().getUTCFullYear();
    [from, to] = [`${y}0101`, `${y}1231`];
  } else return err(400, `period ${period} is not supported by this test server`);
  if (parts.user_id !== undefined && parts.user_id !== USER) return err(422, 'Filter user_id not found');
  const activeToo = parts.include_active === 'true';
  return (r) => {
    const d = r.started_at.slice(0, 10).replaceAll('-', '');
    return d >= from && d <= to && (activeToo || r.ended_at !== null);
  };
}

/** What projects.json and contacts.json list (real field names); a test may pass its own or edit it in place. */
export interface MoneybirdCatalog {
  projects: { id: string; name: string; state: 'active' | 'archived' }[];
  contacts: { id: string; company_name: string; firstname: string; lastname: string }[];
}

export interface MoneybirdFake extends FakeProvider {
  catalog: MoneybirdCatalog;
  /** Answer ids as bare 18-digit numbers instead of strings (a client reading them as numbers loses digits). */
  numericIds: boolean;
}

export async function startMoneybird(opts: { port?: number; catalog?: MoneybirdCatalog } = {}): Promise<MoneybirdFake> {
  const store = new Map<string, Rec>();
  // Consecutive ids above 2^53: read as numbers, neighbours become the same id.
  let n = 400_000_000_000_000_000n;
  const nextId = () => String(++n);
  const state = { numericIds: false };
  const idOut = (id: string | null) => (id === null ? null : state.numericIds ? BigInt(id) : id);
  /** A record as the API writes it: ids as strings (or numbers), user and administration as numbers. */
  const view = (r: Rec) => ({
    ...r, id: idOut(r.id), administration_id: BigInt(r.administration_id), user_id: Number(r.user_id),
    contact_id: idOut(r.contact_id), project_id: idOut(r.project_id),
  });

  // Projects and contacts (clients), as /{administration}/projects.json and contacts.json list them.
  // Mutable: a test removes or adds upstream records between refreshes.
  const catalog: MoneybirdCatalog = opts.catalog ?? {
    projects: [{ id: '500000000000000001', name: 'Bakery rebrand', state: 'active' }, { id: '500000000000000002', name: 'Old shop', state: 'archived' }],
    contacts: [{ id: '600000000000000001', company_name: 'Bakkerij Brood', firstname: '', lastname: '' }, { id: '600000000000000002', company_name: '', firstname: 'Anna', lastname: 'de Vries' }],
  };
  /**
   * Bare-array pages, as every Moneybird list: per_page 1..100 (default 25), page from 1, and a
   * Link header naming the next and previous pages (no count anywhere).
   */
  const paged = <T>(all: T[], req: ApiRequest): ApiResponse => {
    const per = Number(req.query.get('per_page') ?? 25);
    const page = Number(req.query.get('page') ?? 1);
    if (!Number.isInteger(per) || per < 1 || per > 100) return err(400, 'per_page does not have a valid value');
    if (!Number.isInteger(page) || page < 1) return err(400, 'page does not have a valid value');
    const at = (p: number) => {
      const q = new URLSearchParams(req.query);
      q.set('page', String(p));
      return `<http://${req.headers.host}${req.path}?${q}>`;
    };
    const links = [...(page * per < all.length ? [`${at(page + 1)}; rel="next"`] : []), ...(page > 1 ? [`${at(page - 1)}; rel="prev"`] : [])];
    return { status: 200, body: all.slice((page - 1) * per, page * per), ...(links.length && { headers: { Link: links.join(', ') } }) };
  };
  /** Projects: `filter=state:active|archived|all`, active by default. */
  const projects = (req: ApiRequest): ApiResponse => {
    const parts = Object.fromEntries((req.query.get('filter') ?? '').split(',').filter(Boolean).map((p) => p.split(':', 2) as [string, string]));
    const state = parts.state ?? 'active';
    if (!['active', 'archived', 'all'].includes(state)) return err(400, `Filter state:${state} is invalid`);
    return paged(catalog.projects.filter((p) => state === 'all' || p.state === state).map((p) => ({ ...p, id: idOut(p.id) })), req);
  };

  function route(req: ApiRequest): ApiResponse {
    const c = CATALOG.exec(req.path);
    if (c && req.method === 'GET') {
      if (c[1] !== ADMIN) return err(404, 'Administration not found');
      return c[2] === 'projects' ? projects(req) : paged(catalog.contacts.map((x) => ({ ...x, id: idOut(x.id) })), req);
    }
    const m = ENTRY.exec(req.path);
    if (!m) return err(404, 'Not found');
    if (m[1] !== ADMIN) return err(404, 'Administration not found');
    const id = m[2];
    if (!id && req.method === 'POST') {
      const t = (req.body as Record<string, unknown> | undefined)?.time_entry;
      if (!t || typeof t !== 'object') return err(400, 'time_entry is required');
      const rec = { id: nextId(), administration_id: ADMIN, contact_id: null, project_id: null, paused_duration: 0, billable: true, created_at: nowIso() } as Partial<Rec>;
      const problem = apply(rec, t as Record<string, unknown>, false);
      if (problem) return problem;
      rec.user_id = USER;
      store.set(rec.id!, rec as Rec);
      return { status: 201, body: view(rec as Rec) };
    }
    if (!id && req.method === 'GET') {
      const f = filterOf(req.query.get('filter'));
      if (typeof f !== 'function') return f;
      const q = req.query.get('query')?.toLowerCase();
      const all = [...store.values()].filter((r) => f(r) && (!q || r.description.toLowerCase().includes(q)))
        .sort((a, b) => (a.started_at < b.started_at ? 1 : a.started_at > b.started_at ? -1 : a.id < b.id ? 1 : -1));
      return paged(all.map(view), req);
    }
    if (!id) return err(405, 'Method not allowed');
    const rec = store.get(id);
    if (!rec) return err(404, 'Time entry not found');
    if (req.method === 'GET') return { status: 200, body: view(rec) };
    if (req.method === 'PATCH') {
      const t = (req.body as Record<string, unknown> | undefined)?.time_entry;
      if (!t || typeof t !== 'object') return err(400, 'time_entry is required');
      return apply(rec, t as Record<string, unknown>, true) ?? { status: 200, body: view(rec) };
    }
    if (req.method === 'DELETE') {
      store.delete(id);
      return { status: 204 };
    }
    return err(405, 'Method not allowed');
  }

  const frame = await startFrame({
    port: opts.port,
    unauthorized: () => ({ error: 'Token is invalid or expired', symbolic: { token: 'invalid' } }),
    // The spec's 429 body is a bare JSON string, with the window's limits in headers.
    failure: (s) => (s === 429 ? 'Retry later' : { error: 'Internal server error' }),
    failureHeaders: (s): Record<string, string> => {
      if (s !== 429) return {};
      const reset = String(Math.floor(Date.now() / 1000) + 300);
      return { 'RateLimit-Limit': '150', 'RateLimit-Remaining': '0', 'RateLimit-Reset': reset, 'Retry-After': reset };
    },
    route,
  });
  // Object.assign would copy a getter's value once: the switch is defined on the frame itself.
  Object.defineProperty(frame, 'numericIds', { get: () => state.numericIds, set: (v: boolean) => (state.numericIds = v), enumerable: true });
  return Object.assign(frame as typeof frame & { numericIds: boolean }, {
    provider: 'moneybird' as const,
    catalog,
    account: () => ({ base_url: frame.url, administration: ADMIN, user: USER }),
    held: (): Held[] => [...store.values()].map((r) => ({
      id: r.id, description: r.description, start: Date.parse(r.started_at), date: null,
      seconds: (Date.parse(r.ended_at!) - Date.parse(r.started_at)) / 1000 - r.paused_duration, project_id: r.project_id, ref: null,
    })),
    seedRemote(r: { description: string; start: number; seconds: number; project_id: string }) {
      const rec = { id: nextId(), administration_id: ADMIN, contact_id: null, paused_duration: 0, billable: true, created_at: nowIso() } as Partial<Rec>;
      apply(rec, { user_id: USER, started_at: new Date(r.start).toISOString(), ended_at: new Date(r.start + r.seconds * 1000).toISOString(), description: r.description, project_id: r.project_id }, false);
      rec.user_id = USER;
      store.set(rec.id!, rec as Rec);
      return rec.id!;
    },
    editRemote(id: string, edit: string | RemoteEdit) {
      const e = editOf(edit);
      noBillableRef(e, 'moneybird');
      const rec = heldOrThrow(store, id, 'moneybird');
      if (e.description !== undefined) rec.description = e.description;
      if (e.project_id !== undefined) rec.project_id = e.project_id;
      if (e.seconds !== undefined) {
        // The end moves, floored to the minute as the API stores it, paused time kept.
        const end = Date.parse(rec.started_at) + (e.seconds + rec.paused_duration) * 1000;
        rec.ended_at = new Date(Math.max(Math.floor(end / MINUTE) * MINUTE, Date.parse(rec.started_at) + MINUTE)).toISOString();
      }
      rec.updated_at = laterIso();
    },
    deleteRemote(id: string) {
      heldOrThrow(store, id, 'moneybird');
      store.delete(id);
    },
  });
}
