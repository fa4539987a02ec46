/**
 * Kukkingu contracting API (seed 002): {base}/api/v1/time-entries[/{id}], Bearer token and a
 * `tenant-id` header on every call. Create {projectId, date, durationSeconds, billableId?,
 * description ≤ 1024, referenceSource/referenceId ≤ 255} → {data}; PUT replaces the whole record;
 * GET lists {data: [...]} by projectId/billableId/dateFrom/dateTo (inclusive), unpaginated.
 * Errors in Fastify's shape {statusCode, error, message}.
 */
import { idMaker, isDate, type ApiResponse } from './server';
import { startFake, type FakeOptions, type Rec, type Shape } from './shape';
import type { FakeProvider } from './types';

const TENANT = 'tnt_test';
const REASON: Record<number, string> = { 400: 'Bad Request', 403: 'Forbidden', 404: 'Not Found', 405: 'Method Not Allowed' };

const err = (statusCode: number, message: string): ApiResponse =>
  ({ status: statusCode, body: { statusCode, error: REASON[statusCode] ?? 'Error', message } });
const dateFilter = (keep: (r: Rec, v: string) => boolean) => (v: string) => (isDate(v) ? (r: Rec) => keep(r, v) : 'must match format "date"');

export const kukkinguShape = (): Shape<Rec> => ({
  provider: 'kukkingu',
  account: { context: { tenant: TENANT } },
  auth: {
    unauthorized: { statusCode: 401, error: 'Unauthorized', message: 'Invalid token' },
    context: (req) => {
      const t = req.headers['tenant-id'];
      if (t === undefined || t === '') return err(400, "headers must have required property 'tenant-id'");
      return t === TENANT ? null : err(403, `No access to tenant ${String(t)}`);
    },
  },
  errors: {
    plain: err,
    invalid: (p) => err(400, `body/${p.field} ${p.words}`),
    query: (param, words) => err(400, `querystring/${param} ${words}`),
    failure: (s) => ({ statusCode: s, error: s === 429 ? 'Too Many Requests' : 'Internal Server Error', message: `failure ${s}` }),
  },
  extra: [{ method: 'GET', path: '/api/v1/tenants', answer: () => ({ status: 200, body: { data: [{ id: TENANT, name: 'Test tenant' }] } }) }],
  entries: {
    path: '/api/v1/time-entries',
    ids: idMaker('tsh_'),
    stamps: ['createdAt', 'updatedAt'],
    fields: {
      projectId: { rule: 'text', required: true, as: 'project' },
      date: { rule: 'date', required: true },
      durationSeconds: { rule: 'count', required: true },
      billableId: { rule: 'string', as: 'billable' },
      description: { rule: 'string', max: 1024 },
      referenceSource: { rule: 'string', max: 255 },
      referenceId: { rule: 'string', max: 255 },
    },
    createStatus: 200,
    // A replacement: what is not sent is gone.
    update: { verb: 'PUT', replace: true },
    list: {
      paging: { kind: 'none' },
      filters: {
        dateFrom: dateFilter((r, v) => String(r.date) >= v),
        dateTo: dateFilter((r, v) => String(r.date) <= v),
        projectId: (v) => (r) => r.project === v,
        billableId: (v) => (r) => r.billable === v,
      },
    },
    envelope: { one: (r) => ({ data: r }), list: (rs) => ({ body: { data: rs } }) },
  },
  neutral: {
    held: (r) => ({
      description: (r.description as string | null) ?? '', start: null, date: String(r.date), seconds: Number(r.durationSeconds),
      project_id: String(r.project), ref: r.referenceSource === 'timetray' ? (r.referenceId as string) : null, billable_ref: (r.billable as string | null) ?? null,
    }),
    seed: (s) => ({ projectId: s.project_id, date: new Date(s.start).toISOString().slice(0, 10), durationSeconds: s.seconds, description: s.description }),
    edit: { description: 'description', project_id: 'project', billable_ref: 'billable', seconds: (r, s) => void (r.durationSeconds = s) },
  },
});

export const startKukkingu = (o: FakeOptions = {}): Promise<FakeProvider> => startFake(kukkinguShape(), o);
