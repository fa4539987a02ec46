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
import type { ApiRequest, ApiResponse } from './server';
import { startFake, type FakeOptions, type Kit, type Rec, type Shape } from './shape';
import type { FakeProvider } from './types';

const ADMIN = '123456789012345678';
/** The spec's own example user id: a number below 2^53, answered as one. */
const USER = '17664945013327';
const BASE = `/api/v2/${ADMIN}`;
const MINUTE = 60_000;

/** The spec's 402 for an administration past its plan's limit: a refusal with a reason. */
export const LIMIT_REACHED = { error: 'creating time entries is limited', symbolic: { administration: 'limit_reached' } };

const err = (status: number, error: string): ApiResponse => ({ status, body: { error } });
/** A validation failure as the spec shows it: {error: {field: [message]}, details: {field: [{error: code}]}}. */
const invalid = (field: string, message: string, code: string): ApiResponse =>
  ({ status: 422, body: { error: { [field]: [message] }, details: { [field]: [{ error: code }] } } });
const floor = (v: unknown) => new Date(Math.floor(Date.parse(String(v)) / MINUTE) * MINUTE).toISOString();
const id = { rule: 'digits-id', nullable: true, keep: String } as const;
const filterParts = (f: string) => Object.fromEntries(f.split(',').filter(Boolean).map((p) => p.split(':', 2) as [string, string]));

/** `period:20260105..20260110`, `period:this_year`, `user_id:…`, `include_active:true`; nothing else is needed here. */
function byFilter(f: string): ((r: Rec) => boolean) | string {
  const parts = filterParts(f);
  const period = parts.period ?? 'this_year';
  const y = new Date().getUTCFullYear();
  const m = /^(\d{8})\.\.(\d{8})$/.exec(period);
  const [from, to] = m ? [m[1]!, m[2]!] : period === 'this_year' ? [`${y}0101`, `${y}1231`] : [null, null];
  if (!from || !to) return `period ${period} is not supported by this test server`;
  if (parts.user_id !== undefined && parts.user_id !== USER) return 'user_id not found';
  const activeToo = parts.include_active === 'true';
  return (r) => {
    const d = String(r.started_at).slice(0, 10).replaceAll('-', '');
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

function moneybirdShape(catalog: MoneybirdCatalog, state: { numericIds: boolean }): Shape<Rec> {
  // Consecutive ids above 2^53: read as numbers, neighbours become the same id.
  let n = 400_000_000_000_000_000n;
  const idOut = (v: unknown) => (v === null ? null : state.numericIds ? BigInt(String(v)) : v);
  /** A record as the API writes it: ids as strings (or numbers), user and administration as numbers. */
  const view = (r: Rec) => ({
    ...r, id: idOut(r.id), administration_id: BigInt(String(r.administration_id)), user_id: Number(r.user_id),
    contact_id: idOut(r.contact_id), project_id: idOut(r.project_id),
  });
  const bare = (all: () => unknown[]) => (req: ApiRequest, kit: Kit<Rec>): ApiResponse => {
    const p = kit.page(all(), req);
    return p.ok ? { status: 200, body: p.items, ...(p.headers && { headers: p.headers }) } : p.res;
  };
  return {
    provider: 'moneybird',
    account: { context: { administration: ADMIN, user: USER } },
    auth: { unauthorized: { error: 'Token is invalid or expired', symbolic: { token: 'invalid' } } },
    errors: {
      plain: err,
      invalid: (p) => invalid(p.field, p.missing ? "can't be blank" : p.words, p.missing ? 'blank' : 'invalid'),
      query: (param, words) => err(param === 'filter' ? 422 : 400, param === 'filter' ? `Filter ${words}` : `${param} does not have a valid value`),
      // The spec's 429 body is a bare JSON string, with the window's limits in headers.
      failure: (s) => (s === 429 ? 'Retry later' : { error: 'Internal server error' }),
      failureHeaders: (s, resetAt, retryAfter): Record<string, string> => {
        if (s !== 429) return {};
        // A test's Retry-After is in its own clock (seconds, or an epoch of the test's time): the
        // reset says the same; a reset from this machine's clock would hold the test's sync longer.
        const reset = retryAfter ?? String(Math.floor((resetAt ?? Date.now() + 300_000) / 1000));
        return { 'RateLimit-Limit': '150', 'RateLimit-Remaining': '0', 'RateLimit-Reset': reset, 'Retry-After': reset };
      },
    },
    // 150 requests per 5 minutes, per the spec; enforced when a start asks (a benchmark scales the window).
    rateLimit: { requests: 150, windowMs: 300_000 },
    jsonSuffix: true,
    extra: [
      {
        method: 'GET', path: `${BASE}/projects`,
        // Projects: `filter=state:active|archived|all`, active by default.
        answer: (req, kit) => {
          const s = filterParts(req.query.get('filter') ?? '').state ?? 'active';
          if (!['active', 'archived', 'all'].includes(s)) return err(400, `Filter state:${s} is invalid`);
          return bare(() => catalog.projects.filter((p) => s === 'all' || p.state === s).map((p) => ({ ...p, id: idOut(p.id) })))(req, kit);
        },
      },
      { method: 'GET', path: `${BASE}/contacts`, answer: bare(() => catalog.contacts.map((x) => ({ ...x, id: idOut(x.id) }))) },
    ],
    entries: {
      path: `${BASE}/time_entries`,
      idPattern: '\\d+',
      ids: () => String(++n),
      stamps: ['created_at', 'updated_at'],
      constant: () => ({ administration_id: ADMIN }),
      fields: {
        user_id: { rule: { custom: (v) => (String(v) === USER ? null : 'is not a user of this administration') }, required: true, keep: String },
        started_at: { rule: 'iso', required: true, keep: floor },
        ended_at: { rule: 'iso', required: true, keep: floor },
        description: { rule: 'text', required: true },
        contact_id: id,
        project_id: id,
        billable: { rule: 'boolean', default: true },
        // Seconds, floored to whole minutes.
        paused_duration: { rule: 'count', default: 0, keep: (v) => Math.floor(Number(v) / 60) * 60 },
      },
      wrap: 'time_entry',
      createStatus: 201,
      update: { verb: 'PATCH', replace: false },
      rule: (r) => (Date.parse(String(r.ended_at)) - Date.parse(String(r.started_at)) < MINUTE
        ? invalid('ended_at', 'cannot be before the start time', 'ended_at_before_started_at') : null),
      list: {
        paging: { kind: 'page', per: 25, max: 100, link: true },
        filters: { filter: byFilter, query: (v) => (r) => String(r.description).toLowerCase().includes(v.toLowerCase()) },
        // Any filter replaces these defaults: this year, running entries left out.
        defaults: { filter: '' },
        order: (a, b) => Date.parse(String(b.started_at)) - Date.parse(String(a.started_at)) || (a.id < b.id ? 1 : -1),
      },
      envelope: { one: view, list: (rs) => ({ body: rs.map(view) }) },
    },
    neutral: {
      held: (r) => ({
        description: String(r.description), start: Date.parse(String(r.started_at)), date: null,
        seconds: (Date.parse(String(r.ended_at)) - Date.parse(String(r.started_at))) / 1000 - Number(r.paused_duration),
        project_id: (r.project_id as string | null) ?? null, ref: null,
      }),
      seed: (s) => ({
        user_id: USER, started_at: new Date(s.start).toISOString(), ended_at: new Date(s.start + s.seconds * 1000).toISOString(),
        description: s.description, project_id: s.project_id,
      }),
      edit: {
        description: 'description',
        project_id: 'project_id',
        // The end moves, floored to the minute as the API stores it, paused time kept.
        seconds: (r, s) => {
          const start = Date.parse(String(r.started_at));
          const end = start + (s + Number(r.paused_duration)) * 1000;
          r.ended_at = new Date(Math.max(Math.floor(end / MINUTE) * MINUTE, start + MINUTE)).toISOString();
        },
      },
    },
  };
}

export async function startMoneybird(o: FakeOptions & { catalog?: MoneybirdCatalog } = {}): Promise<MoneybirdFake> {
  // Projects and contacts (clients), as /{administration}/projects.json and contacts.json list them.
  // Mutable: a test removes or adds upstream records between refreshes.
  const catalog: MoneybirdCatalog = o.catalog ?? {
    projects: [{ id: '500000000000000001', name: 'Bakery rebrand', state: 'active' }, { id: '500000000000000002', name: 'Old shop', state: 'archived' }],
    contacts: [{ id: '600000000000000001', company_name: 'Bakkerij Brood', firstname: '', lastname: '' }, { id: '600000000000000002', company_name: '', firstname: 'Anna', lastname: 'de Vries' }],
  };
  const state = { numericIds: false };
  const fake = await startFake(moneybirdShape(catalog, state), o);
  // Object.assign would copy a getter's value once: the switch is defined on the fake itself.
  Object.defineProperty(fake, 'numericIds', { get: () => state.numericIds, set: (v: boolean) => (state.numericIds = v), enumerable: true });
  return Object.assign(fake as FakeProvider & { numericIds: boolean }, { catalog });
}
