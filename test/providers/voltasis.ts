/**
 * Voltasis (seed 000): POST/GET/PUT/DELETE {base}/api/v1/time-entries[/{id}], Bearer token, the
 * organisation bound to the token (X-Organization-ID, when sent, must name it). Envelope
 * {data, metadata}; errors {error: {code, message}}. Whole minutes (`duration_minutes`); PUT sends
 * the whole entry; lists page by page/per_page (≤ 100), filtered by start_date/end_date.
 */
import { idMaker, type ApiResponse } from './server';
import { startFake, type FakeOptions, type Rec, type Shape } from './shape';
import { nowIso, type FakeProvider } from './types';

const ORG = 'org_test';
const USER = 'usr_test';
const CODE: Record<number, string> = { 400: 'VALIDATION_ERROR', 403: 'FORBIDDEN', 404: 'NOT_FOUND', 405: 'METHOD_NOT_ALLOWED', 422: 'BUSINESS_RULE' };

const err = (status: number, message: string, details?: unknown): ApiResponse =>
  ({ status, body: { error: { code: CODE[status] ?? 'ERROR', message, ...(details !== undefined && { details }) } } });
const envelope = (data: unknown) => ({ data, metadata: { timestamp: nowIso(), request_id: `req_${Math.random().toString(36).slice(2)}` } });
const day = (r: Rec) => String(r.start_time).slice(0, 10);
const endOf = (start: string, minutes: number) => new Date(Date.parse(start) + minutes * 60_000).toISOString();

export const voltasisShape = (): Shape<Rec> => ({
  provider: 'voltasis',
  account: { context: { org: ORG } },
  auth: {
    unauthorized: { error: { code: 'UNAUTHORIZED', message: 'Invalid or missing authentication token' } },
    context: (req) => {
      const org = req.headers['x-organization-id'];
      return org !== undefined && org !== ORG ? err(403, `no access to organization ${String(org)}`) : null;
    },
  },
  errors: {
    plain: err,
    invalid: (p) => err(400, `${p.field} ${p.words}`, { field: p.field }),
    failure: (s) => ({ error: { code: s === 429 ? 'RATE_LIMITED' : 'SERVER_ERROR', message: `failure ${s}` } }),
  },
  entries: {
    path: '/api/v1/time-entries',
    ids: idMaker('te_'),
    stamps: ['created_at', 'updated_at'],
    constant: () => ({ user_id: USER }),
    fields: {
      description: { rule: 'text', required: true },
      duration_minutes: { rule: 'positive', required: true },
      start_time: { rule: 'iso', required: true },
      end_time: { rule: 'iso', nullable: true },
      project_id: { rule: 'string', nullable: true },
      task_id: { rule: 'string', nullable: true },
      client_id: { rule: 'string', nullable: true },
      tags: { rule: 'strings', default: [] },
      billable: { rule: 'boolean', default: true },
    },
    createStatus: 201,
    // PUT carries the whole entry: what is not sent takes its default again.
    update: { verb: 'PUT', replace: true },
    rule: (r) => (typeof r.end_time === 'string' && Date.parse(r.end_time) <= Date.parse(String(r.start_time)) ? err(422, 'end_time must be after start_time') : null),
    list: {
      paging: { kind: 'page', per: 20, max: 100 },
      filters: { start_date: (v) => (r) => day(r) >= v, end_date: (v) => (r) => day(r) <= v },
      order: (a, b) => Date.parse(String(b.start_time)) - Date.parse(String(a.start_time)),
    },
    envelope: { one: (r) => envelope(r), list: (rs) => ({ body: envelope(rs) }) },
  },
  neutral: {
    held: (r) => ({
      description: String(r.description), start: Date.parse(String(r.start_time)), date: null,
      seconds: Number(r.duration_minutes) * 60, project_id: (r.project_id as string | null) ?? null, ref: null,
    }),
    seed: (s) => {
      const minutes = Math.round(s.seconds / 60);
      const start = new Date(s.start).toISOString();
      return { description: s.description, duration_minutes: minutes, start_time: start, end_time: endOf(start, minutes), project_id: s.project_id };
    },
    edit: {
      description: 'description',
      project_id: 'project_id',
      // The web app keeps whole minutes, as the API does.
      seconds: (r, s) => {
        r.duration_minutes = Math.max(1, Math.round(s / 60));
        r.end_time = endOf(String(r.start_time), r.duration_minutes as number);
      },
    },
  },
});

export const startVoltasis = (o: FakeOptions = {}): Promise<FakeProvider> => startFake(voltasisShape(), o);
