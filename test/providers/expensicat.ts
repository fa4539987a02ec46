/**
 * Expensicat (seed 003): {base}/v1/time-entries[/{id}] under /api, Bearer token, the organisation
 * bound to it. Create needs start_time and description; PATCH is partial; DELETE answers 204 with
 * no body; the server derives `duration` (seconds). Lists: cursor, limit 1..100 (default 20),
 * start_date/end_date, q, project_id, user_id=me → {data, meta: {count, next_cursor}}.
 * Errors {error: {code, message, details}}.
 */
import { isIso, startFrame, type ApiRequest, type ApiResponse } from './server';
import { editOf, heldOrThrow, laterIso, noBillableRef, nowIso, type FakeProvider, type Held, type RemoteEdit } from './types';

const ORG = '5b0f3d7e-0000-4000-8000-000000000001';
const USER = '5b0f3d7e-0000-4000-8000-00000000000a';
const ENTRY = /^\/api\/v1\/time-entries(?:\/([^/]+))?$/;

type Rec = {
  id: string; organization_id: string; user_id: string; project_id: string | null; start_time: string; end_time: string | null;
  duration: number | null; description: string; billable: boolean; invoice_id: null; created_at: string; updated_at: string;
};

const err = (status: number, code: string, message: string, details: Record<string, unknown> = {}): ApiResponse =>
  ({ status, body: { error: { code, message, details } } });

function apply(rec: Partial<Rec>, x: Record<string, unknown>, partial: boolean): ApiResponse | null {
  const need = (k: string) => !partial || x[k] !== undefined;
  if (need('start_time') && !isIso(x.start_time)) return err(400, 'validation_error', 'start_time is required (ISO 8601)', { field: 'start_time' });
  if (need('description') && (typeof x.description !== 'string' || !x.description.trim())) return err(400, 'validation_error', 'description is required', { field: 'description' });
  if (x.end_time !== undefined && x.end_time !== null && !isIso(x.end_time)) return err(400, 'validation_error', 'end_time must be ISO 8601', { field: 'end_time' });
  if (x.project_id !== undefined && x.project_id !== null && typeof x.project_id !== 'string') return err(400, 'validation_error', 'project_id must be a string', { field: 'project_id' });
  if (x.billable !== undefined && typeof x.billable !== 'boolean') return err(400, 'validation_error', 'billable must be a boolean', { field: 'billable' });
  const next = { ...rec };
  for (const k of ['start_time', 'end_time', 'description', 'project_id', 'billable'] as const) if (x[k] !== undefined) (next as Record<string, unknown>)[k] = x[k];
  if (next.end_time && Date.parse(next.end_time) <= Date.parse(next.start_time!)) return err(422, 'invalid_time_range', 'end_time must be after start_time');
  Object.assign(rec, next, {
    duration: next.end_time ? Math.round((Date.parse(next.end_time) - Date.parse(next.start_time!)) / 1000) : null,
    updated_at: nowIso(),
  });
  return null;
}

export async function startExpensicat(opts: { port?: number } = {}): Promise<FakeProvider> {
  const store = new Map<string, Rec>();
  let n = 0;
  const nextId = () => `7c1e0000-0000-4000-8000-${(++n).toString(16).padStart(12, '0')}`;

  function route(req: ApiRequest): ApiResponse {
    if (req.path === '/api/v1/organizations/current') return { status: 200, body: { data: { id: ORG, name: 'Test org' } } };
    const m = ENTRY.exec(req.path);
    if (!m) return err(404, 'not_found', 'route not found');
    const id = m[1] && decodeURIComponent(m[1]);
    if (!id && req.method === 'POST') {
      const rec = { id: nextId(), organization_id: ORG, user_id: USER, project_id: null, end_time: null, billable: true, invoice_id: null, created_at: nowIso() } as Partial<Rec>;
      const problem = apply(rec, (req.body ?? {}) as Record<string, unknown>, false);
      if (problem) return problem;
      store.set(rec.id!, rec as Rec);
      return { status: 201, body: { data: rec } };
    }
    if (!id && req.method === 'GET') {
      const limit = Number(req.query.get('limit') ?? 20);
      if (!Number.isInteger(limit) || limit < 1 || limit > 100) return err(400, 'validation_error', 'limit must be between 1 and 100', { field: 'limit' });
      const cursor = req.query.get('cursor');
      const offset = cursor ? Number(Buffer.from(cursor, 'base64url').toString()) : 0;
      if (!Number.isInteger(offset) || offset < 0) return err(400, 'validation_error', 'invalid cursor', { field: 'cursor' });
      const from = req.query.get('start_date');
      const to = req.query.get('end_date');
      const q = req.query.get('q')?.toLowerCase();
      const project = req.query.get('project_id');
      const user = req.query.get('user_id');
      const all = [...store.values()]
        .filter((r) => (!from || r.start_time.slice(0, 10) >= from) && (!to || r.start_time.slice(0, 10) <= to)
          && (!q || r.description.toLowerCase().includes(q)) && (!project || r.project_id === project)
          && (!user || user === 'me' || user === r.user_id))
        .sort((a, b) => Date.parse(b.start_time) - Date.parse(a.start_time) || (a.id < b.id ? -1 : 1));
      const data = all.slice(offset, offset + limit);
      const next = offset + limit < all.length ? Buffer.from(String(offset + limit)).toString('base64url') : null;
      return { status: 200, body: { data, meta: { count: data.length, next_cursor: next } } };
    }
    if (!id) return err(405, 'method_not_allowed', 'method not allowed');
    const rec = store.get(id);
    if (!rec) return err(404, 'not_found', 'Time entry not found');
    if (req.method === 'GET') return { status: 200, body: { data: rec } };
    if (req.method === 'PATCH') {
      const problem = apply(rec, (req.body ?? {}) as Record<string, unknown>, true);
      return problem ?? { status: 200, body: { data: rec } };
    }
    if (req.method === 'DELETE') {
      store.delete(id);
      return { status: 204 };
    }
    return err(405, 'method_not_allowed', 'method not allowed');
  }

  const frame = await startFrame({
    port: opts.port,
    unauthorized: () => ({ error: { code: 'unauthorized', message: 'Invalid or expired token', details: {} } }),
    failure: (s) => ({ error: { code: s === 429 ? 'rate_limited' : 'internal_error', message: `failure ${s}`, details: {} } }),
    route,
  });
  return Object.assign(frame, {
    provider: 'expensicat' as const,
    account: () => ({ base_url: `${frame.url}/api` }),
    held: (): Held[] => [...store.values()].map((r) => ({
      id: r.id, description: r.description, start: Date.parse(r.start_time), date: null, seconds: r.duration ?? 0, project_id: r.project_id, ref: null,
    })),
    seedRemote(r: { description: string; start: number; seconds: number; project_id: string }) {
      const rec = { id: nextId(), organization_id: ORG, user_id: USER, invoice_id: null, created_at: nowIso() } as Partial<Rec>;
      apply(rec, { start_time: new Date(r.start).toISOString(), end_time: new Date(r.start + r.seconds * 1000).toISOString(), description: r.description, project_id: r.project_id, billable: true }, false);
      store.set(rec.id!, rec as Rec);
      return rec.id!;
    },
    editRemote(id: string, edit: string | RemoteEdit) {
      const e = editOf(edit);
      noBillableRef(e, 'expensicat');
      const rec = heldOrThrow(store, id, 'expensicat');
      if (e.description !== undefined) rec.description = e.description;
      if (e.project_id !== undefined) rec.project_id = e.project_id;
      if (e.seconds !== undefined) {
        // The end moves; the server derives the duration from it.
        rec.end_time = new Date(Date.parse(rec.start_time) + e.seconds * 1000).toISOString();
        rec.duration = e.seconds;
      }
      rec.updated_at = laterIso();
    },
    deleteRemote(id: string) {
      heldOrThrow(store, id, 'expensicat');
      store.delete(id);
    },
  });
}
