/**
 * Kantata OX (seed 001): {base}/time_entries under /api/v1, OAuth2 Bearer. Single or bulk (≤ 100)
 * create answering {count, meta, results: [{key, id}], time_entries: {id: …}} with results in
 * Kantata's sorted order (not the request's), external_references when included, page/per_page
 * (≤ 200) lists with date_performed_between and external-reference filters. Errors
 * {errors: [{type, message}]}. The custom fault 'bulk-partial' stores only the first half of a
 * bulk and answers for those alone. The pickers' lists: GET /workspaces (projects) and
 * GET /stories?workspace_id= (tasks), paginated like every list; GET /users/me.
 * Beyond the seed, as ../shared/spec/real-apis.md reads the recorded traffic (mavenlink_ruby
 * cassettes) and the Swagger spec: every id a string (fields, results, map keys); timestamps with
 * a local offset and no milliseconds; `.json` optional; validation errors name their `field`;
 * `withMeta = false` answers as the recorded (older) answers do, with no `meta`.
 */
import { idMaker, isDate, startFrame, type ApiRequest, type ApiResponse, type RouteContext } from './server';
import { editOf, heldOrThrow, laterIso, noBillableRef, nowIso, type FakeProvider, type Held, type RemoteEdit } from './types';

const BASE = '/api/v1';
const ENTRY = /^\/api\/v1\/time_entries(?:\/(\d+))?(?:\.json)?$/;
/** The recorded answers' zone: Pacific daylight time, as in `2013-07-31T14:45:29-07:00`. */
const OFFSET_MIN = -7 * 60;
const MAX_BULK = 100;
const MAX_PER_PAGE = 200;

interface Rec {
  id: string;
  workspace_id: string;
  date_performed: string;
  time_in_minutes: number;
  billable: boolean;
  notes: string;
  story_id: string | null;
  user_id: string;
  created_at: string;
  updated_at: string;
}
interface Ref { id: string; subject_id: string; service_name: string; service_model: string; service_model_ref: string }

const err = (status: number, message: string, type = 'validation', field?: string): ApiResponse =>
  ({ status, body: { errors: [{ type, message, ...(field && { field }) }] } });

/** An instant as Kantata writes it: whole seconds at a local offset (`2013-07-31T14:45:29-07:00`). */
export function kantataTime(iso: string): string {
  const local = new Date(Date.parse(iso) + OFFSET_MIN * 60_000).toISOString().slice(0, 19);
  const sign = OFFSET_MIN < 0 ? '-' : '+';
  const abs = Math.abs(OFFSET_MIN);
  return `${local}${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}
const isInt = (v: unknown) => (Number.isSafeInteger(v) && (v as number) > 0) || (typeof v === 'string' && /^[1-9]\d*$/.test(v));

/** The first problem with a time entry, as a validation error naming its field; null when valid. */
function check(x: unknown, where: string, partial: boolean): ApiResponse | null {
  if (!x || typeof x !== 'object' || Array.isArray(x)) return err(422, `${where} must be an object`);
  const t = x as Record<string, unknown>;
  const need = (k: string) => !partial || t[k] !== undefined;
  const bad = (field: string, rule: string) => err(422, `${where}.${field} ${rule}`, 'validation', field);
  if (need('workspace_id') && !isInt(t.workspace_id)) return bad('workspace_id', 'must be an integer');
  if (need('date_performed') && !isDate(t.date_performed)) return bad('date_performed', 'must be a YYYY-MM-DD date');
  if (need('time_in_minutes') && !(Number.isInteger(t.time_in_minutes) && (t.time_in_minutes as number) >= 1)) return bad('time_in_minutes', 'must be a positive integer');
  if (t.billable !== undefined && typeof t.billable !== 'boolean') return bad('billable', 'must be a boolean');
  if (t.notes !== undefined && typeof t.notes !== 'string') return bad('notes', 'must be a string');
  if (t.story_id !== undefined && t.story_id !== null && !isInt(t.story_id)) return bad('story_id', 'must be an integer');
  if (t.external_reference !== undefined) {
    const r = t.external_reference as Record<string, unknown> | null;
    for (const k of ['service_name', 'service_model', 'service_model_ref']) {
      if (!r || typeof r[k] !== 'string' || !(r[k] as string).length) return bad(`external_reference.${k}`, 'is required');
    }
  }
  return null;
}

/** What GET /workspaces and GET /stories list; a test may pass its own or edit it in place. */
export interface KantataCatalog {
  projects: { id: string; name: string }[];
  tasks: { id: string; name: string; project: string }[];
}

export interface KantataFake extends FakeProvider {
  catalog: KantataCatalog;
  /** false: answers carry no `meta`, as the recorded ones; a client pages by `count` instead. */
  withMeta: boolean;
}

export async function startKantata(opts: { port?: number; catalog?: KantataCatalog } = {}): Promise<KantataFake> {
  const store = new Map<string, Rec>();
  const state = { withMeta: true };
  const meta = (m: { count: number; page_count: number; page_number: number; page_size: number }) => (state.withMeta ? { meta: m } : {});
  const refs = new Map<string, Ref>();
  let n = 1000;
  const nextId = () => String(++n);
  const nextRefId = idMaker('');

  function envelope(recs: Rec[], page: { number: number; size: number; count: number; total: number }, include: boolean, status = 200): ApiResponse {
    const time_entries = Object.fromEntries(recs.map((r) => [r.id, { ...r, created_at: kantataTime(r.created_at), updated_at: kantataTime(r.updated_at) }]));
    const body: Record<string, unknown> = {
      count: page.total,
      ...meta({ count: page.total, page_count: page.count, page_number: page.number, page_size: page.size }),
      results: recs.map((r) => ({ key: 'time_entries', id: r.id })),
      time_entries,
    };
    if (include) {
      const ids = new Set(recs.map((r) => r.id));
      body.external_references = Object.fromEntries([...refs.values()].filter((x) => ids.has(x.subject_id))
        .map((x) => [x.id, { ...x, subject_type: 'TimeEntry' }]));
    }
    return { status, body };
  }

  function insert(t: Record<string, unknown>): Rec {
    const rec: Rec = {
      id: nextId(), workspace_id: String(t.workspace_id), date_performed: String(t.date_performed),
      time_in_minutes: t.time_in_minutes as number, billable: t.billable !== false, notes: (t.notes as string) ?? '',
      story_id: t.story_id == null ? null : String(t.story_id), user_id: '42', created_at: nowIso(), updated_at: nowIso(),
    };
    store.set(rec.id, rec);
    const x = t.external_reference as Record<string, string> | undefined;
    if (x) {
      const id = nextRefId();
      refs.set(id, { id, subject_id: rec.id, service_name: x.service_name!, service_model: x.service_model!, service_model_ref: x.service_model_ref! });
    }
    return rec;
  }

  // What the pickers list: projects are workspaces, tasks are stories (GET /workspaces, /stories).
  // Mutable: a test removes or adds upstream records between refreshes.
  const catalog: KantataCatalog = opts.catalog ?? {
    projects: [{ id: '7001', name: 'Acme website' }, { id: '7002', name: 'Globex audit' }, { id: '7003', name: 'Initech support' }],
    tasks: [{ id: '8001', name: 'Design', project: '7001' }, { id: '8002', name: 'Build', project: '7001' }, { id: '8003', name: 'Fieldwork', project: '7002' }],
  };
  /** Kantata's list envelope over `all`, page/per_page as on every list (per_page ≤ 200, default 20). */
  function listed<T extends { id: string }>(key: string, all: T[], req: ApiRequest): ApiResponse {
    const page = Number(req.query.get('page') ?? 1);
    const per = Number(req.query.get('per_page') ?? 20);
    if (!Number.isInteger(page) || page < 1) return err(400, 'page must be a positive integer');
    if (!Number.isInteger(per) || per < 1 || per > MAX_PER_PAGE) return err(400, `per_page must be 1..${MAX_PER_PAGE}`);
    const slice = all.slice((page - 1) * per, page * per);
    return {
      status: 200,
      body: {
        count: all.length,
        ...meta({ count: all.length, page_count: Math.max(1, Math.ceil(all.length / per)), page_number: page, page_size: per }),
        results: slice.map((x) => ({ key, id: x.id })), [key]: Object.fromEntries(slice.map((x) => [x.id, x])),
      },
    };
  }

  function route(req: ApiRequest, ctx: RouteContext): ApiResponse {
    // `.json` is optional on every path (the spec's format suffix).
    req = { ...req, path: req.path.replace(/\.json$/, '') };
    if (req.method === 'GET' && req.path === `${BASE}/workspaces`) {
      return listed('workspaces', catalog.projects.map((p) => ({ id: p.id, title: p.name, archived: false })), req);
    }
    if (req.method === 'GET' && req.path === `${BASE}/stories`) {
      // workspace_id takes one id or a comma list; stories of workspaces the user cannot see are not listed.
      const ws = req.query.get('workspace_id');
      const wanted = ws ? ws.split(',') : null;
      if (wanted && !wanted.every((w) => isInt(w))) return err(400, 'workspace_id must be a list of integers');
      const visible = new Set(catalog.projects.map((p) => p.id));
      const stories = catalog.tasks.filter((t) => visible.has(t.project) && (!wanted || wanted.includes(t.project)));
      return listed('stories', stories.map((t) => ({ id: t.id, title: t.name, workspace_id: t.project, story_type: 'task', archived: false })), req);
    }
    if (req.path === `${BASE}/users/me`) return { status: 200, body: { count: 1, results: [{ key: 'users', id: '42' }], users: { 42: { id: '42' } } } };
    const m = ENTRY.exec(req.path);
    if (!m) return err(404, 'not found', 'system');
    const include = (req.query.get('include') ?? '').split(',').includes('external_references');
    const id = m[1];
    if (!id && req.method === 'POST') {
      const b = (req.body ?? {}) as Record<string, unknown>;
      const items = Array.isArray(b.time_entries) ? (b.time_entries as unknown[]) : b.time_entry !== undefined ? [b.time_entry] : null;
      if (!items || !items.length) return err(400, 'time_entry or time_entries is required');
      if (items.length > MAX_BULK) return err(422, `at most ${MAX_BULK} time entries can be created at once`);
      // The whole bulk is checked first: one invalid object stores none of them.
      for (const [i, t] of items.entries()) {
        const problem = check(t, Array.isArray(b.time_entries) ? `time_entries[${i}]` : 'time_entry', false);
        if (problem) return problem;
      }
      const kept = ctx.custom === 'bulk-partial' ? items.slice(0, Math.ceil(items.length / 2)) : items;
      const recs = kept.map((t) => insert(t as Record<string, unknown>));
      // Kantata lists results in its own order: newest id first here, never the request's order.
      recs.sort((a, b2) => Number(b2.id) - Number(a.id));
      const res = envelope(recs, { number: 1, size: recs.length, count: 1, total: recs.length }, include);
      if (kept.length < items.length) (res.body as Record<string, unknown>).errors = [{ type: 'system', message: 'some time entries could not be saved' }];
      return res;
    }
    if (!id && req.method === 'GET') {
      const page = Number(req.query.get('page') ?? 1);
      const per = Number(req.query.get('per_page') ?? 20);
      if (!Number.isInteger(page) || page < 1) return err(400, 'page must be a positive integer');
      if (!Number.isInteger(per) || per < 1 || per > MAX_PER_PAGE) return err(400, `per_page must be 1..${MAX_PER_PAGE}`);
      let all = [...store.values()];
      const between = req.query.get('date_performed_between');
      if (between) {
        const [from, to] = between.split(':');
        if (!isDate(from) || !isDate(to)) return err(400, 'date_performed_between must be YYYY-MM-DD:YYYY-MM-DD');
        all = all.filter((r) => r.date_performed >= from && r.date_performed <= to);
      }
      const service = req.query.get('external_reference_service_name');
      const wanted = req.query.get('external_reference_service_model_refs');
      if (service || wanted) {
        const list = (wanted ?? '').split(',').filter(Boolean);
        if (list.length > 200) return err(400, 'at most 200 external_reference_service_model_refs');
        const subjects = new Set([...refs.values()]
          .filter((x) => (!service || x.service_name === service) && (!wanted || list.includes(x.service_model_ref)))
          .map((x) => x.subject_id));
        all = all.filter((r) => subjects.has(r.id));
      }
      all.sort((a, b) => (a.date_performed < b.date_performed ? 1 : a.date_performed > b.date_performed ? -1 : Number(b.id) - Number(a.id)));
      const count = Math.max(1, Math.ceil(all.length / per));
      return envelope(all.slice((page - 1) * per, page * per), { number: page, size: per, count, total: all.length }, include);
    }
    if (!id) return err(405, 'method not allowed');
    const rec = store.get(id);
    if (!rec) return err(404, `time entry ${id} not found`, 'system');
    if (req.method === 'GET') return envelope([rec], { number: 1, size: 1, count: 1, total: 1 }, include);
    if (req.method === 'PUT') {
      const t = (req.body as Record<string, unknown> | undefined)?.time_entry;
      const problem = check(t, 'time_entry', true);
      if (problem) return problem;
      const x = t as Record<string, unknown>;
      if (x.workspace_id !== undefined) rec.workspace_id = String(x.workspace_id);
      if (x.date_performed !== undefined) rec.date_performed = String(x.date_performed);
      if (x.time_in_minutes !== undefined) rec.time_in_minutes = x.time_in_minutes as number;
      if (x.billable !== undefined) rec.billable = x.billable as boolean;
      if (x.notes !== undefined) rec.notes = x.notes as string;
      if (x.story_id !== undefined) rec.story_id = x.story_id === null ? null : String(x.story_id);
      rec.updated_at = nowIso();
      return envelope([rec], { number: 1, size: 1, count: 1, total: 1 }, include);
    }
    if (req.method === 'DELETE') {
      store.delete(id);
      for (const [k, x] of refs) if (x.subject_id === id) refs.delete(k);
      return { status: 204 };
    }
    return err(405, 'method not allowed');
  }

  const frame = await startFrame({
    port: opts.port,
    unauthorized: () => ({ errors: [{ type: 'oauth', message: 'You must be logged in to access this resource' }] }),
    failure: (s) => ({ errors: [{ type: 'system', message: s === 429 ? 'Rate limit exceeded' : `Service unavailable (${s})` }] }),
    route,
  });
  const refOf = (id: string) => [...refs.values()].find((x) => x.subject_id === id)?.service_model_ref ?? null;
  // Object.assign would copy a getter's value once: the switch is defined on the frame itself.
  Object.defineProperty(frame, 'withMeta', { get: () => state.withMeta, set: (v: boolean) => (state.withMeta = v), enumerable: true });
  return Object.assign(frame as typeof frame & { withMeta: boolean }, {
    provider: 'kantata' as const,
    catalog,
    account: () => ({ base_url: `${frame.url}${BASE}` }),
    held: (): Held[] => [...store.values()].map((r) => ({
      id: r.id, description: r.notes, start: null, date: r.date_performed, seconds: r.time_in_minutes * 60,
      project_id: r.workspace_id, ref: refOf(r.id),
    })),
    seedRemote(r: { description: string; start: number; seconds: number; project_id: string }) {
      return insert({
        workspace_id: r.project_id, date_performed: new Date(r.start).toISOString().slice(0, 10),
        time_in_minutes: Math.round(r.seconds / 60), notes: r.description,
      }).id;
    },
    editRemote(id: string, edit: string | RemoteEdit) {
      const e = editOf(edit);
      noBillableRef(e, 'kantata');
      const rec = heldOrThrow(store, id, 'kantata');
      if (e.description !== undefined) rec.notes = e.description;
      if (e.project_id !== undefined) rec.workspace_id = e.project_id;
      if (e.seconds !== undefined) rec.time_in_minutes = Math.max(1, Math.round(e.seconds / 60));
      rec.updated_at = laterIso();
    },
    deleteRemote(id: string) {
      heldOrThrow(store, id, 'kantata');
      store.delete(id);
      for (const [k, x] of refs) if (x.subject_id === id) refs.delete(k);
    },
  });
}
