/**
 * Expensicat (seed 003): {base}/v1/time-entries[/{id}] under /api, Bearer token, the organisation
 * bound to it. Create needs start_time and description; PATCH is partial; DELETE answers 204 with
 * no body; the server derives `duration` (seconds). Lists: cursor, limit 1..100 (default 20),
 * start_date/end_date, q, project_id, user_id=me → {data, meta: {count, next_cursor}}.
 * Errors {error: {code, message, details}}.
 */
import type { ApiResponse } from './server';
import { startFake, type FakeOptions, type Rec, type Shape } from './shape';
import type { FakeProvider } from './types';

const ORG = '5b0f3d7e-0000-4000-8000-000000000001';
const USER = '5b0f3d7e-0000-4000-8000-00000000000a';
const CODE: Record<number, string> = { 400: 'validation_error', 404: 'not_found', 405: 'method_not_allowed', 422: 'invalid_time_range' };

const err = (status: number, message: string, details: Record<string, unknown> = {}): ApiResponse =>
  ({ status, body: { error: { code: CODE[status] ?? 'error', message, details } } });
const day = (r: Rec) => String(r.start_time).slice(0, 10);

export function expensicatShape(): Shape<Rec> {
  let n = 0;
  return {
    provider: 'expensicat',
    account: { path: '/api' },
    auth: { unauthorized: { error: { code: 'unauthorized', message: 'Invalid or expired token', details: {} } } },
    errors: {
      plain: (s, m) => err(s, m),
      invalid: (p) => err(400, `${p.field} ${p.words}`, { field: p.field }),
      query: (param, words) => err(400, `${param} ${words}`, { field: param }),
      failure: (s) => ({ error: { code: s === 429 ? 'rate_limited' : 'internal_error', message: `failure ${s}`, details: {} } }),
    },
    extra: [{ method: 'GET', path: '/api/v1/organizations/current', answer: () => ({ status: 200, body: { data: { id: ORG, name: 'Test org' } } }) }],
    entries: {
      path: '/api/v1/time-entries',
      ids: () => `7c1e0000-0000-4000-8000-${(++n).toString(16).padStart(12, '0')}`,
      stamps: ['created_at', 'updated_at'],
      constant: () => ({ organization_id: ORG, user_id: USER, invoice_id: null }),
      fields: {
        start_time: { rule: 'iso', required: true },
        description: { rule: 'nonblank', required: true },
        end_time: { rule: 'iso', nullable: true },
        project_id: { rule: 'string', nullable: true },
        billable: { rule: 'boolean', default: true },
      },
      createStatus: 201,
      update: { verb: 'PATCH', replace: false },
      derive: (r) => {
        r.duration = typeof r.end_time === 'string' ? Math.round((Date.parse(r.end_time) - Date.parse(String(r.start_time))) / 1000) : null;
      },
      rule: (r) => (typeof r.end_time === 'string' && Date.parse(r.end_time) <= Date.parse(String(r.start_time)) ? err(422, 'end_time must be after start_time') : null),
      list: {
        paging: { kind: 'cursor', limit: 20, max: 100 },
        filters: {
          start_date: (v) => (r) => day(r) >= v,
          end_date: (v) => (r) => day(r) <= v,
          q: (v) => (r) => String(r.description).toLowerCase().includes(v.toLowerCase()),
          project_id: (v) => (r) => r.project_id === v,
          user_id: (v) => (r) => v === 'me' || v === r.user_id,
        },
        order: (a, b) => Date.parse(String(b.start_time)) - Date.parse(String(a.start_time)) || (a.id < b.id ? -1 : 1),
      },
      envelope: {
        one: (r) => ({ data: r }),
        list: (rs, info) => ({ body: { data: rs, meta: { count: rs.length, next_cursor: info.kind === 'cursor' ? info.next : null } } }),
      },
    },
    neutral: {
      held: (r) => ({
        description: String(r.description), start: Date.parse(String(r.start_time)), date: null, seconds: Number(r.duration ?? 0),
        project_id: (r.project_id as string | null) ?? null, ref: null,
      }),
      seed: (s) => ({
        start_time: new Date(s.start).toISOString(), end_time: new Date(s.start + s.seconds * 1000).toISOString(),
        description: s.description, project_id: s.project_id, billable: true,
      }),
      edit: {
        description: 'description',
        project_id: 'project_id',
        // The end moves; the server derives the duration from it.
        seconds: (r, s) => {
          r.end_time = new Date(Date.parse(String(r.start_time)) + s * 1000).toISOString();
          r.duration = s;
        },
      },
    },
  };
}

export const startExpensicat = (o: FakeOptions = {}): Promise<FakeProvider> => startFake(expensicatShape(), o);
