/**
 * Voltasis as its published OpenAPI 2.0.4 shows it (../shared/spec/real-apis.md, the snippets
 * generated from it): camelCase `projectId`, `description`, `date` (YYYY-MM-DD, no time of day),
 * `duration` in whole minutes, `isBillable`, and `status` draft|submitted|approved|rejected (new
 * entries are drafts); answers {success: true, data}; errors {success: false, error: {code,
 * message, details?}}; PUT only on draft entries (409 otherwise). The paths, the token-bound
 * organisation (X-Organization-ID an optional override) and the page/per_page lists filtered by
 * start_date/end_date are the seed's, which the 2.0.4 material does not contradict. 1000 requests
 * a minute, declared (enforced when a start asks).
 */
import { idMaker, type ApiResponse } from './server';
import { startFake, type FakeOptions, type Rec, type Shape } from './shape';
import type { FakeProvider } from './types';

const ORG = 'org_test';
const USER = 'usr_test';
const STATUSES = ['draft', 'submitted', 'approved', 'rejected'];
const CODE: Record<number, string> = { 400: 'VALIDATION_ERROR', 403: 'FORBIDDEN', 404: 'NOT_FOUND', 405: 'METHOD_NOT_ALLOWED', 409: 'ENTRY_NOT_EDITABLE' };

const err = (status: number, message: string, details?: unknown): ApiResponse =>
  ({ status, body: { success: false, error: { code: CODE[status] ?? 'ERROR', message, ...(details !== undefined && { details }) } } });

export const voltasisV2Shape = (): Shape<Rec> => ({
  provider: 'voltasis-v2',
  account: { context: { org: ORG } },
  auth: {
    unauthorized: { success: false, error: { code: 'UNAUTHORIZED', message: 'Invalid or missing authentication token' } },
    context: (req) => {
      const org = req.headers['x-organization-id'];
      return org !== undefined && org !== ORG ? err(403, `no access to organization ${String(org)}`) : null;
    },
  },
  errors: {
    plain: err,
    invalid: (p) => err(400, `${p.field} ${p.words}`, { field: p.field }),
    failure: (s) => ({ success: false, error: { code: s === 429 ? 'RATE_LIMITED' : 'SERVER_ERROR', message: `failure ${s}` } }),
  },
  rateLimit: { requests: 1000, windowMs: 60_000 },
  entries: {
    path: '/api/v1/time-entries',
    ids: idMaker('te_'),
    stamps: ['createdAt', 'updatedAt'],
    constant: () => ({ userId: USER }),
    fields: {
      projectId: { rule: 'string', nullable: true },
      description: { rule: 'text', required: true },
      date: { rule: 'date', required: true },
      duration: { rule: 'positive', required: true },
      isBillable: { rule: 'boolean', default: true },
      status: { rule: { custom: (v) => (STATUSES.includes(v as string) ? null : `must be one of ${STATUSES.join(', ')}`) }, default: 'draft' },
    },
    createStatus: 201,
    update: {
      verb: 'PUT',
      replace: true,
      only: (r) => (r.status === 'draft' ? null : err(409, `only draft entries can be updated; this one is ${String(r.status)}`)),
    },
    list: {
      paging: { kind: 'page', per: 20, max: 100 },
      filters: { start_date: (v) => (r) => String(r.date) >= v, end_date: (v) => (r) => String(r.date) <= v },
      order: (a, b) => String(b.date).localeCompare(String(a.date)) || (a.id < b.id ? 1 : -1),
    },
    envelope: { one: (r) => ({ success: true, data: r }), list: (rs) => ({ body: { success: true, data: rs } }) },
  },
  neutral: {
    held: (r) => ({
      description: String(r.description), start: null, date: String(r.date), seconds: Number(r.duration) * 60,
      project_id: (r.projectId as string | null) ?? null, ref: null,
    }),
    seed: (s) => ({ projectId: s.project_id, description: s.description, date: new Date(s.start).toISOString().slice(0, 10), duration: Math.max(1, Math.round(s.seconds / 60)) }),
    // The web app keeps whole minutes, as the API does.
    edit: { description: 'description', project_id: 'projectId', seconds: (r, s) => void (r.duration = Math.max(1, Math.round(s / 60))) },
  },
});

export const startVoltasisV2 = (o: FakeOptions = {}): Promise<FakeProvider> => startFake(voltasisV2Shape(), o);
