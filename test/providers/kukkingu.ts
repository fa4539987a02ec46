/**
 * Kukkingu contracting API (seed 002): {base}/api/v1/time-entries[/{id}], Bearer token and a
 * `tenant-id` header on every call. Create {projectId, date, durationSeconds, billableId?,
 * description ≤ 1024, referenceSource/referenceId ≤ 255} → {data}; PUT replaces the whole record;
 * GET lists {data: [...]} by projectId/billableId/dateFrom/dateTo (inclusive), unpaginated.
 * Errors in Fastify's shape {statusCode, error, message}.
 */
import { idMaker, isDate, startFrame, type ApiRequest, type ApiResponse } from './server';
import { editOf, heldOrThrow, laterIso, nowIso, type FakeProvider, type Held, type RemoteEdit } from './types';

const TENANT = 'tnt_test';
const ENTRY = /^\/api\/v1\/time-entries(?:\/([^/]+))?$/;
const REASON: Record<number, string> = { 400: 'Bad Request', 403: 'Forbidden', 404: 'Not Found', 405: 'Method Not Allowed' };

interface Rec {
  id: string;
  project: string;
  billable: string | null;
  date: string;
  durationSeconds: number;
  createdAt: string;
  updatedAt: string;
  description: string | null;
  referenceSource: string | null;
  referenceId: string | null;
}

const err = (statusCode: number, message: string): ApiResponse =>
  ({ status: statusCode, body: { statusCode, error: REASON[statusCode] ?? 'Error', message } });

function fields(b: unknown): { ok: true; v: Omit<Rec, 'id' | 'createdAt' | 'updatedAt'> } | { ok: false; res: ApiResponse } {
  if (!b || typeof b !== 'object' || Array.isArray(b)) return { ok: false, res: err(400, 'body must be object') };
  const x = b as Record<string, unknown>;
  const bad = (m: string) => ({ ok: false as const, res: err(400, `body/${m}`) });
  if (typeof x.projectId !== 'string' || !x.projectId) return bad("must have required property 'projectId'");
  if (!isDate(x.date)) return bad('date must match format "date"');
  if (!Number.isInteger(x.durationSeconds) || (x.durationSeconds as number) < 0) return bad('durationSeconds must be integer');
  if (x.billableId !== undefined && typeof x.billableId !== 'string') return bad('billableId must be string');
  if (x.description !== undefined && (typeof x.description !== 'string' || x.description.length > 1024)) return bad('description must NOT have more than 1024 characters');
  for (const k of ['referenceSource', 'referenceId'] as const) {
    if (x[k] !== undefined && (typeof x[k] !== 'string' || (x[k] as string).length > 255)) return bad(`${k} must NOT have more than 255 characters`);
  }
  return {
    ok: true,
    v: {
      project: x.projectId, billable: (x.billableId as string) ?? null, date: x.date, durationSeconds: x.durationSeconds as number,
      description: (x.description as string) ?? null, referenceSource: (x.referenceSource as string) ?? null, referenceId: (x.referenceId as string) ?? null,
    },
  };
}

export async function startKukkingu(opts: { port?: number } = {}): Promise<FakeProvider> {
  const store = new Map<string, Rec>();
  const nextId = idMaker('tsh_');

  function route(req: ApiRequest): ApiResponse {
    if (req.path === '/api/v1/tenants' && req.method === 'GET') return { status: 200, body: { data: [{ id: TENANT, name: 'Test tenant' }] } };
    const m = ENTRY.exec(req.path);
    if (!m) return err(404, `Route ${req.method}:${req.path} not found`);
    const id = m[1] && decodeURIComponent(m[1]);
    if (!id && req.method === 'POST') {
      const f = fields(req.body);
      if (!f.ok) return f.res;
      const rec: Rec = { id: nextId(), ...f.v, createdAt: nowIso(), updatedAt: nowIso() };
      store.set(rec.id, rec);
      return { status: 200, body: { data: rec } };
    }
    if (!id && req.method === 'GET') {
      const from = req.query.get('dateFrom');
      const to = req.query.get('dateTo');
      if ((from && !isDate(from)) || (to && !isDate(to))) return err(400, 'querystring/dateFrom must match format "date"');
      const project = req.query.get('projectId');
      const billable = req.query.get('billableId');
      const data = [...store.values()].filter((r) =>
        (!from || r.date >= from) && (!to || r.date <= to) && (!project || r.project === project) && (!billable || r.billable === billable));
      return { status: 200, body: { data } };
    }
    if (!id) return err(405, 'method not allowed');
    const rec = store.get(id);
    if (!rec) return err(404, 'Time entry not found');
    if (req.method === 'GET') return { status: 200, body: { data: rec } };
    if (req.method === 'PUT') {
      const f = fields(req.body);
      if (!f.ok) return f.res;
      // A replacement: what is not sent is gone.
      Object.assign(rec, f.v, { updatedAt: nowIso() });
      return { status: 200, body: { data: rec } };
    }
    if (req.method === 'DELETE') {
      store.delete(id);
      return { status: 204 };
    }
    return err(405, 'method not allowed');
  }

  const frame = await startFrame({
    port: opts.port,
    unauthorized: () => ({ statusCode: 401, error: 'Unauthorized', message: 'Invalid token' }),
    failure: (s) => ({ statusCode: s, error: s === 429 ? 'Too Many Requests' : 'Internal Server Error', message: `failure ${s}` }),
    context: (req) => {
      const t = req.headers['tenant-id'];
      if (t === undefined || t === '') return err(400, "headers must have required property 'tenant-id'");
      return t === TENANT ? null : err(403, `No access to tenant ${String(t)}`);
    },
    route,
  });
  return Object.assign(frame, {
    provider: 'kukkingu' as const,
    account: () => ({ base_url: frame.url, tenant: TENANT }),
    held: (): Held[] => [...store.values()].map((r) => ({
      id: r.id, description: r.description ?? '', start: null, date: r.date, seconds: r.durationSeconds, project_id: r.project,
      ref: r.referenceSource === 'timetray' ? r.referenceId : null, billable_ref: r.billable,
    })),
    seedRemote(r: { description: string; start: number; seconds: number; project_id: string }) {
      const rec: Rec = {
        id: nextId(), project: r.project_id, billable: null, date: new Date(r.start).toISOString().slice(0, 10), durationSeconds: r.seconds,
        description: r.description, referenceSource: null, referenceId: null, createdAt: nowIso(), updatedAt: nowIso(),
      };
      store.set(rec.id, rec);
      return rec.id;
    },
    editRemote(id: string, edit: string | RemoteEdit) {
      const e = editOf(edit);
      const rec = heldOrThrow(store, id, 'kukkingu');
      if (e.description !== undefined) rec.description = e.description;
      if (e.project_id !== undefined) rec.project = e.project_id;
      if (e.seconds !== undefined) rec.durationSeconds = e.seconds;
      if (e.billable_ref !== undefined) rec.billable = e.billable_ref;
      rec.updatedAt = laterIso();
    },
    deleteRemote(id: string) {
      heldOrThrow(store, id, 'kukkingu');
      store.delete(id);
    },
  });
}
