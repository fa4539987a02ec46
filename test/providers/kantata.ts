/**
 * Kantata OX (seed 001): {base}/time_entries under /api/v1, OAuth2 Bearer. Single or bulk (≤ 100)
 * create answering {count, meta, results: [{key, id}], time_entries: {id: …}} with results in
 * Kantata's sorted order (not the request's), external_references when included, page/per_page
 * (≤ 200) lists with date_performed_between and external-reference filters. Errors
 * {errors: [{type, message}]}. The shared fault 'bulk-partial' stores only the first half of a
 * bulk and answers for those alone. The pickers' lists: GET /workspaces (projects) and
 * GET /stories?workspace_id= (tasks), paginated like every list; GET /users/me.
 * Beyond the seed, as ../shared/spec/real-apis.md reads the recorded traffic (mavenlink_ruby
 * cassettes) and the Swagger spec: every id a string (fields, results, map keys); timestamps with
 * a local offset and no milliseconds; `.json` optional; validation errors name their `field`;
 * `withMeta = false` answers as the recorded (older) answers do, with no `meta`.
 */
import type { PageInfo } from './pages';
import { idMaker, isDate, type ApiRequest, type ApiResponse } from './server';
import { startFake, type FakeOptions, type Kit, type Rec, type Shape } from './shape';
import type { FakeProvider } from './types';

const BASE = '/api/v1';
/** The recorded answers' zone: Pacific daylight time, as in `2013-07-31T14:45:29-07:00`. */
const OFFSET_MIN = -7 * 60;
const MAX_REFS = 200;
const REF_KEYS = ['service_name', 'service_model', 'service_model_ref'] as const;

type Ref = Record<(typeof REF_KEYS)[number] | 'id', string>;
const refOf = (r: Rec) => r.external_reference as Ref | null;

const err = (status: number, message: string, type = 'validation', field?: string): ApiResponse =>
  ({ status, body: { errors: [{ type, message, ...(field && { field }) }] } });

/** An instant as Kantata writes it: whole seconds at a local offset (`2013-07-31T14:45:29-07:00`). */
export function kantataTime(iso: string): string {
  const local = new Date(Date.parse(iso) + OFFSET_MIN * 60_000).toISOString().slice(0, 19);
  const sign = OFFSET_MIN < 0 ? '-' : '+';
  const abs = Math.abs(OFFSET_MIN);
  return `${local}${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
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

const pageOfOne = (n: number): Extract<PageInfo, { kind: 'page' }> => ({ kind: 'page', page: 1, per: n, total: n, pages: 1 });

function kantataShape(catalog: KantataCatalog, state: { withMeta: boolean }): Shape<Rec> {
  let n = 1000;
  const nextRefId = idMaker('');
  /** Kantata's list envelope: `count`, `meta` (unless switched off), `results` in order and the keyed map. */
  const listed = (key: string, items: { id: string }[], info: PageInfo, extra: Record<string, unknown> = {}) => {
    const p = info.kind === 'page' ? info : pageOfOne(items.length);
    return {
      count: p.total,
      ...(state.withMeta && { meta: { count: p.total, page_count: p.pages, page_number: p.page, page_size: p.per } }),
      results: items.map((x) => ({ key, id: x.id })),
      [key]: Object.fromEntries(items.map((x) => [x.id, x])),
      ...extra,
    };
  };
  const entries = (rs: Rec[], info: PageInfo, req: ApiRequest) => {
    const shown = rs.map(({ external_reference: _, ...r }) => ({ ...r, created_at: kantataTime(String(r.created_at)), updated_at: kantataTime(String(r.updated_at)) }));
    // References are read back only with the include, as a top-level map naming their subject.
    const include = (req.query.get('include') ?? '').split(',').includes('external_references');
    const refs = include ? { external_references: Object.fromEntries(rs.flatMap((r) => {
      const x = refOf(r);
      return x ? [[x.id, { ...x, subject_id: r.id, subject_type: 'TimeEntry' }]] : [];
    })) } : {};
    return listed('time_entries', shown, info, refs);
  };
  const catalogList = (key: string, all: () => { id: string }[]) => (req: ApiRequest, kit: Kit<Rec>): ApiResponse => {
    const p = kit.page(all(), req);
    return p.ok ? { status: 200, body: listed(key, p.items, p.info) } : p.res;
  };
  return {
    provider: 'kantata',
    account: { path: BASE },
    auth: { unauthorized: { errors: [{ type: 'oauth', message: 'You must be logged in to access this resource' }] } },
    errors: {
      plain: (s, m) => err(s, m, s === 404 ? 'system' : 'validation'),
      invalid: (p) => err(422, `${p.where}.${p.field} ${p.words}`, 'validation', p.field),
      failure: (s) => ({ errors: [{ type: 'system', message: s === 429 ? 'Rate limit exceeded' : `Service unavailable (${s})` }] }),
    },
    jsonSuffix: true,
    extra: [
      { method: 'GET', path: `${BASE}/workspaces`, answer: catalogList('workspaces', () => catalog.projects.map((p) => ({ id: p.id, title: p.name, archived: false }))) },
      {
        method: 'GET', path: `${BASE}/stories`,
        // workspace_id takes one id or a comma list; stories of workspaces the user cannot see are not listed.
        answer: (req, kit) => {
          const wanted = req.query.get('workspace_id')?.split(',') ?? null;
          if (wanted && !wanted.every((w) => /^[1-9]\d*$/.test(w))) return err(400, 'workspace_id must be a list of integers');
          const visible = new Set(catalog.projects.map((p) => p.id));
          return catalogList('stories', () => catalog.tasks.filter((t) => visible.has(t.project) && (!wanted || wanted.includes(t.project)))
            .map((t) => ({ id: t.id, title: t.name, workspace_id: t.project, story_type: 'task', archived: false })))(req, kit);
        },
      },
      { method: 'GET', path: `${BASE}/users/me`, answer: () => ({ status: 200, body: { count: 1, results: [{ key: 'users', id: '42' }], users: { 42: { id: '42' } } } }) },
    ],
    entries: {
      path: `${BASE}/time_entries`,
      idPattern: '\\d+',
      ids: () => String(++n),
      stamps: ['created_at', 'updated_at'],
      constant: () => ({ user_id: '42' }),
      fields: {
        workspace_id: { rule: 'integer-id', required: true, keep: String },
        date_performed: { rule: 'date', required: true },
        time_in_minutes: { rule: 'positive', required: true },
        billable: { rule: 'boolean', default: true },
        notes: { rule: 'string', default: '' },
        story_id: { rule: 'integer-id', nullable: true, keep: String },
        external_reference: { rule: 'reference', keys: REF_KEYS, keep: (v) => ({ id: nextRefId(), ...Object.fromEntries(REF_KEYS.map((k) => [k, (v as Ref)[k]])) }) },
      },
      wrap: 'time_entry',
      bulk: { key: 'time_entries', max: 100 },
      createStatus: 200,
      update: { verb: 'PUT', replace: false },
      list: {
        paging: { kind: 'page', per: 20, max: 200 },
        filters: {
          date_performed_between: (v) => {
            const [from, to] = v.split(':');
            if (!isDate(from) || !isDate(to)) return 'must be YYYY-MM-DD:YYYY-MM-DD';
            return (r) => String(r.date_performed) >= from && String(r.date_performed) <= to;
          },
          external_reference_service_name: (v) => (r) => refOf(r)?.service_name === v,
          external_reference_service_model_refs: (v) => {
            const list = v.split(',').filter(Boolean);
            if (list.length > MAX_REFS) return `must list at most ${MAX_REFS} refs`;
            return (r) => !list.length || list.includes(refOf(r)?.service_model_ref ?? '');
          },
        },
        order: (a, b) => String(b.date_performed).localeCompare(String(a.date_performed)) || Number(b.id) - Number(a.id),
      },
      envelope: {
        one: (r, req) => entries([r], pageOfOne(1), req),
        list: (rs, info, req) => ({ body: entries(rs, info, req) }),
        // Kantata lists results in its own order: newest id first here, never the request's order.
        created: (rs, req, cut) => ({
          ...entries([...rs].sort((a, b) => Number(b.id) - Number(a.id)), pageOfOne(rs.length), req),
          ...(cut && { errors: [{ type: 'system', message: 'some time entries could not be saved' }] }),
        }),
      },
    },
    neutral: {
      held: (r) => ({
        description: String(r.notes), start: null, date: String(r.date_performed), seconds: Number(r.time_in_minutes) * 60,
        project_id: String(r.workspace_id), ref: refOf(r)?.service_model_ref ?? null,
      }),
      seed: (s) => ({ workspace_id: s.project_id, date_performed: new Date(s.start).toISOString().slice(0, 10), time_in_minutes: Math.round(s.seconds / 60), notes: s.description }),
      edit: { description: 'notes', project_id: 'workspace_id', seconds: (r, s) => void (r.time_in_minutes = Math.max(1, Math.round(s / 60))) },
    },
  };
}

export async function startKantata(o: FakeOptions & { catalog?: KantataCatalog } = {}): Promise<KantataFake> {
  // What the pickers list: projects are workspaces, tasks are stories. Mutable: a test removes or
  // adds upstream records between refreshes.
  const catalog: KantataCatalog = o.catalog ?? {
    projects: [{ id: '7001', name: 'Acme website' }, { id: '7002', name: 'Globex audit' }, { id: '7003', name: 'Initech support' }],
    tasks: [{ id: '8001', name: 'Design', project: '7001' }, { id: '8002', name: 'Build', project: '7001' }, { id: '8003', name: 'Fieldwork', project: '7002' }],
  };
  const state = { withMeta: true };
  const fake = await startFake(kantataShape(catalog, state), o);
  // Object.assign would copy a getter's value once: the switch is defined on the fake itself.
  Object.defineProperty(fake, 'withMeta', { get: () => state.withMeta, set: (v: boolean) => (state.withMeta = v), enumerable: true });
  return Object.assign(fake as FakeProvider & { withMeta: boolean }, { catalog });
}
