/**
 * Voltasis (seed 000). `POST {base}/api/v1/time-entries`, Bearer token, `X-Organization-ID` when
 * the account names an organisation. Whole minutes (nearest, never 0); description required.
 * List/update/delete follow REST conventions at the same path (the seed names them only).
 * No reference field: unknown outcomes are reconciled by listing and matching start, duration
 * and description.
 */
import type { AccountConfig, Capabilities, Connector, LocalEntry, Outcome, PieceBody, RemoteRecord } from '../connector';
import type { Http } from '../http';
import { localDateOf } from '../../../../shared/time';
import { datesAround, errorText, fail, iso, matchByFingerprint, minutesOf, normIso, query, refused, str } from './common';

const PATH = '/api/v1/time-entries';
const PER_PAGE = 100;

export const voltasisCapabilities: Capabilities = {
  bulkCreate: 1, timeOfDay: true, tags: true, lookupByReference: false, updateVerb: 'PUT',
  pagination: 'page', localOnlyFields: [],
};

/** Field mapping in one table, so a second contract variant (camelCase OpenAPI 2.0.4) can be added beside it. */
function toBody(e: LocalEntry): Record<string, unknown> {
  return {
    description: e.description,
    duration_minutes: minutesOf((e.end - e.start) / 1000),
    start_time: iso(e.start),
    end_time: iso(e.end),
    project_id: e.project_id,
    task_id: e.task_id,
    client_id: e.client_id,
    tags: e.tags,
    billable: e.billable,
  };
}

function compareOf(b: Record<string, unknown>): Record<string, unknown> {
  return {
    description: b.description ?? '', duration_minutes: b.duration_minutes, start_time: normIso(b.start_time),
    end_time: normIso(b.end_time), project_id: str(b.project_id), task_id: str(b.task_id), client_id: str(b.client_id),
    tags: Array.isArray(b.tags) ? b.tags : [], billable: b.billable !== false,
  };
}

function toRecord(d: Record<string, unknown>, zone: string): RemoteRecord | null {
  const start = Date.parse(String(d.start_time ?? ''));
  if (!Number.isFinite(start)) return null;
  const endParsed = Date.parse(String(d.end_time ?? ''));
  const end = Number.isFinite(endParsed) ? endParsed : start + Number(d.duration_minutes ?? 0) * 60_000;
  return {
    remoteId: String(d.id), key: '', localId: null, description: String(d.description ?? ''), start, end,
    date: localDateOf(start, zone), project_id: str(d.project_id), task_id: str(d.task_id), client_id: str(d.client_id),
    tags: Array.isArray(d.tags) ? d.tags.map(String) : [], billable: d.billable !== false,
    comparable: compareOf(d), updatedAt: Number.isFinite(Date.parse(String(d.updated_at))) ? Date.parse(String(d.updated_at)) : null,
  };
}

export function voltasisConnector(account: AccountConfig, http: Http): Connector {
  const url = `${account.baseUrl}${PATH}`;
  const headers: Record<string, string> = {
    Authorization: `Bearer ${account.token}`,
    ...(account.context.org && { 'X-Organization-ID': account.context.org }),
  };
  const req = { headers, errorMessage: errorText };

  async function list(from: string, to: string, zone: string): Promise<Outcome<RemoteRecord[]>> {
    const out: RemoteRecord[] = [];
    for (let page = 1; page <= 1000; page++) {
      const r = await http.request<{ data?: Record<string, unknown>[] }>({
        ...req, method: 'GET', url: url + query({ start_date: from, end_date: to, page, per_page: PER_PAGE }),
      });
      if (!r.ok) return fail(r);
      const data = Array.isArray(r.body?.data) ? r.body.data : [];
      for (const d of data) {
        const rec = toRecord(d, zone);
        if (rec) out.push(rec);
      }
      if (data.length < PER_PAGE) break;
    }
    return { ok: true, value: out };
  }

  return {
    provider: 'voltasis',
    capabilities: voltasisCapabilities,
    pieces(e) {
      if (!e.description) return refused('description: Voltasis requires a description');
      const body = toBody(e);
      return { ok: true, value: [{ key: '', body, seconds: (e.end - e.start) / 1000, compare: compareOf(body) }] };
    },
    async create(items) {
      const out: Outcome<string>[] = [];
      for (const { piece } of items) {
        const r = await http.request<{ data?: { id?: unknown } }>({ ...req, method: 'POST', url, body: piece.body });
        if (!r.ok) out.push(fail(r));
        else if (r.body?.data?.id === undefined) out.push({ ok: false, error: { class: 'transient', status: r.status, message: 'created, but the answer had no id' } });
        else out.push({ ok: true, value: String(r.body.data.id) });
      }
      return out;
    },
    async update(remoteId, piece: PieceBody) {
      const r = await http.request({ ...req, method: 'PUT', url: `${url}/${encodeURIComponent(remoteId)}`, body: piece.body });
      return r.ok ? { ok: true, value: undefined } : fail(r);
    },
    async remove(remoteId) {
      const r = await http.request({ ...req, method: 'DELETE', url: `${url}/${encodeURIComponent(remoteId)}` });
      if (r.ok || r.error.status === 404) return { ok: true, value: undefined };
      return fail(r);
    },
    async lookup(entry, pieces, taken) {
      const { from, to } = datesAround(entry);
      const l = await list(from, to, entry.zone);
      if (!l.ok) return l;
      return { ok: true, value: pieces.flatMap((p) => matchByFingerprint(l.value, pick(p.compare), p.key, taken)) };
    },
    list,
    async probe() {
      const r = await http.request({ ...req, method: 'GET', url: url + query({ page: 1, per_page: 1 }) });
      return r.ok ? { ok: true, value: undefined } : fail(r);
    },
  };
}

/** What identifies one of our entries on the server: start to the second, duration, description. */
function pick(c: Record<string, unknown>) {
  return { start_time: c.start_time, duration_minutes: c.duration_minutes, description: c.description };
}
