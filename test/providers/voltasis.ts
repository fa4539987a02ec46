/**
 * Voltasis (seed 000): POST/GET/PUT/DELETE {base}/api/v1/time-entries[/{id}], Bearer token, the
 * organisation bound to the token (X-Organization-ID, when sent, must name it). Envelope
 * {data, metadata}; errors {error: {code, message}}.
 */
import { idMaker, isIso, startFrame, type ApiRequest, type ApiResponse } from './server';
import { editOf, heldOrThrow, laterIso, noBillableRef, nowIso, type FakeProvider, type Held, type RemoteEdit } from './types';

const ORG = 'org_test';
const USER = 'usr_test';
const PATH = /^\/api\/v1\/time-entries(?:\/([^/]+))?$/;

type Rec = Record<string, unknown> & { id: string };

const err = (status: number, code: string, message: string, details?: unknown): ApiResponse =>
  ({ status, body: { error: { code, message, ...(details !== undefined && { details }) } } });

function validate(b: unknown): { ok: true; fields: Record<string, unknown> } | { ok: false; res: ApiResponse } {
  if (!b || typeof b !== 'object' || Array.isArray(b)) return { ok: false, res: err(400, 'VALIDATION_ERROR', 'body must be a JSON object') };
  const x = b as Record<string, unknown>;
  const bad = (field: string, rule: string) => ({ ok: false as const, res: err(400, 'VALIDATION_ERROR', `${field} ${rule}`, { field }) });
  if (typeof x.description !== 'string' || !x.description.length) return bad('description', 'is required');
  if (!Number.isInteger(x.duration_minutes) || (x.duration_minutes as number) < 1) return bad('duration_minutes', 'must be a positive integer');
  if (!isIso(x.start_time)) return bad('start_time', 'must be an ISO 8601 timestamp');
  if (x.end_time !== undefined && x.end_time !== null && !isIso(x.end_time)) return bad('end_time', 'must be an ISO 8601 timestamp');
  for (const k of ['project_id', 'task_id', 'client_id'] as const) {
    if (x[k] !== undefined && x[k] !== null && typeof x[k] !== 'string') return bad(k, 'must be a string');
  }
  if (x.tags !== undefined && (!Array.isArray(x.tags) || x.tags.some((t) => typeof t !== 'string'))) return bad('tags', 'must be an array of strings');
  if (x.billable !== undefined && typeof x.billable !== 'boolean') return bad('billable', 'must be a boolean');
  if (typeof x.end_time === 'string' && Date.parse(x.end_time) <= Date.parse(x.start_time)) {
    return { ok: false, res: err(422, 'BUSINESS_RULE', 'end_time must be after start_time') };
  }
  return {
    ok: true,
    fields: {
      description: x.description, duration_minutes: x.duration_minutes, start_time: x.start_time, end_time: x.end_time ?? null,
      project_id: x.project_id ?? null, task_id: x.task_id ?? null, client_id: x.client_id ?? null,
      tags: x.tags ?? [], billable: x.billable ?? true,
    },
  };
}

export async function startVoltasis(opts: { port?: number } = {}): Promise<FakeProvider> {
  const store = new Map<string, Rec>();
  const nextId = idMaker('te_');
  const envelope = (status: number, data: unknown): ApiResponse =>
    ({ status, body: { data, metadata: { timestamp: nowIso(), request_id: `req_${Math.random().toString(36).slice(2)}` } } });

  function route(req: ApiRequest): ApiResponse {
    const m = PATH.exec(req.path);
    if (!m) return err(404, 'NOT_FOUND', 'no such route');
    const id = m[1] && decodeURIComponent(m[1]);
    if (!id && req.method === 'POST') {
      const v = validate(req.body);
      if (!v.ok) return v.res;
      const rec: Rec = { id: nextId(), user_id: USER, ...v.fields, created_at: nowIso(), updated_at: nowIso() };
      store.set(rec.id, rec);
      return envelope(201, rec);
    }
    if (!id && req.method === 'GET') {
      const page = Number(req.query.get('page') ?? 1);
      const per = Number(req.query.get('per_page') ?? 20);
      if (!Number.isInteger(page) || page < 1) return err(400, 'VALIDATION_ERROR', 'page must be ≥ 1');
      if (!Number.isInteger(per) || per < 1 || per > 100) return err(400, 'VALIDATION_ERROR', 'per_page must be 1..100');
      const from = req.query.get('start_date');
      const to = req.query.get('end_date');
      const all = [...store.values()]
        .filter((r) => (!from || String(r.start_time).slice(0, 10) >= from) && (!to || String(r.start_time).slice(0, 10) <= to))
        .sort((a, b) => Date.parse(String(b.start_time)) - Date.parse(String(a.start_time)));
      return envelope(200, all.slice((page - 1) * per, page * per));
    }
    if (!id) return err(405, 'METHOD_NOT_ALLOWED', 'method not allowed');
    const rec = store.get(id);
    if (!rec) return err(404, 'NOT_FOUND', `time entry ${id} not found`);
    if (req.method === 'GET') return envelope(200, rec);
    if (req.method === 'PUT') {
      const v = validate(req.body);
      if (!v.ok) return v.res;
      Object.assign(rec, v.fields, { updated_at: nowIso() });
      return envelope(200, rec);
    }
    if (req.method === 'DELETE') {
      store.delete(id);
      return { status: 204 };
    }
    return err(405, 'METHOD_NOT_ALLOWED', 'method not allowed');
  }

  const frame = await startFrame({
    port: opts.port,
    unauthorized: () => ({ error: { code: 'UNAUTHORIZED', message: 'Invalid or missing authentication token' } }),
    failure: (s) => ({ error: { code: s === 429 ? 'RATE_LIMITED' : 'SERVER_ERROR', message: `failure ${s}` } }),
    context: (req) => {
      const org = req.headers['x-organization-id'];
      return org !== undefined && org !== ORG ? err(403, 'FORBIDDEN', `no access to organization ${String(org)}`) : null;
    },
    route,
  });

  return Object.assign(frame, {
    provider: 'voltasis' as const,
    account: () => ({ base_url: frame.url, org: ORG }),
    held: (): Held[] => [...store.values()].map((r) => ({
      id: r.id, description: String(r.description), start: Date.parse(String(r.start_time)), date: null,
      seconds: Number(r.duration_minutes) * 60, project_id: (r.project_id as string | null) ?? null, ref: null,
    })),
    seedRemote(r: { description: string; start: number; seconds: number; project_id: string }) {
      const minutes = Math.round(r.seconds / 60);
      const rec: Rec = {
        id: nextId(), user_id: USER, description: r.description, duration_minutes: minutes,
        start_time: new Date(r.start).toISOString(), end_time: new Date(r.start + minutes * 60_000).toISOString(),
        project_id: r.project_id, task_id: null, client_id: null, tags: [], billable: true, created_at: nowIso(), updated_at: nowIso(),
      };
      store.set(rec.id, rec);
      return rec.id;
    },
    editRemote(id: string, edit: string | RemoteEdit) {
      const e = editOf(edit);
      noBillableRef(e, 'voltasis');
      const rec = heldOrThrow(store, id, 'voltasis');
      if (e.description !== undefined) rec.description = e.description;
      if (e.project_id !== undefined) rec.project_id = e.project_id;
      if (e.seconds !== undefined) {
        // The web app keeps whole minutes, as the API does.
        rec.duration_minutes = Math.max(1, Math.round(e.seconds / 60));
        rec.end_time = new Date(Date.parse(String(rec.start_time)) + Number(rec.duration_minutes) * 60_000).toISOString();
      }
      rec.updated_at = laterIso();
    },
    deleteRemote(id: string) {
      heldOrThrow(store, id, 'voltasis');
      store.delete(id);
    },
  });
}
