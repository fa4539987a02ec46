/**
 * Expensicat (seed 003; `orgapi` is an alias). `{base}/v1/time-entries[/{id}]`, Bearer token; the
 * organisation is bound to the token. Cursor pagination (limit ≤ 100, meta.next_cursor). PATCH is
 * partial; DELETE answers with an empty body. The server derives `duration`. It has no task,
 * client or tags fields: they stay local. No reference field: reconcile by listing the day.
 */
import { localDateOf } from '../../../../shared/time';
import type { AccountConfig, Capabilities, Connector, LocalEntry, Outcome, ProviderDescriptor, RemoteRecord } from '../connector';
import type { Http } from '../http';
import { allPages, envelopeRecord, errorText, fail, iso, lookupByFingerprint, normIso, query, records, refused, restCalls, str, type Page } from './common';

const PATH = '/v1/time-entries';
const LIMIT = 100;

// No catalog(): the seed documents no project list (a project only appears embedded in an
// entry); the pickers offer the ids this account's entries already use.
export const expensicatCapabilities: Capabilities = {
  bulkCreate: 1, timeOfDay: true, tags: false, precision: 'seconds', lookupByReference: false, updateVerb: 'PATCH',
  pagination: 'cursor', localOnlyFields: ['task_id', 'client_id', 'tags'], catalog: 'seen-only',
};

function toBody(e: LocalEntry): Record<string, unknown> {
  return { start_time: iso(e.start), end_time: iso(e.end), description: e.description, project_id: e.project_id, billable: e.billable };
}

function compareOf(b: Record<string, unknown>): Record<string, unknown> {
  return {
    start_time: normIso(b.start_time), end_time: normIso(b.end_time), description: b.description ?? '',
    project_id: str(b.project_id), billable: b.billable !== false,
  };
}

function toRecord(d: Record<string, unknown>, zone: string): RemoteRecord | null {
  const start = Date.parse(String(d.start_time ?? ''));
  const end = Date.parse(String(d.end_time ?? ''));
  if (!Number.isFinite(start) || !Number.isFinite(end)) return null; // a running remote timer: not an entry yet
  const updated = Date.parse(String(d.updated_at ?? ''));
  return {
    remoteId: String(d.id), key: '', localId: null, description: String(d.description ?? ''), start, end,
    date: localDateOf(start, zone), project_id: str(d.project_id), task_id: null, client_id: null, tags: null,
    billable: d.billable !== false, comparable: compareOf(d), updatedAt: Number.isFinite(updated) ? updated : null, raw: d,
  };
}

export function expensicatConnector(account: AccountConfig, http: Http): Connector {
  const url = `${account.baseUrl}${PATH}`;
  const req = { headers: { Authorization: `Bearer ${account.token}` }, errorMessage: errorText };
  const rest = restCalls(http, req);
  const at = (id: string) => `${url}/${encodeURIComponent(id)}`;

  // Cursor pages: the first is asked without one, each answer names the next (meta.next_cursor).
  const list = (from: string, to: string, zone: string) =>
    allPages('', async (cursor): Promise<Outcome<Page<RemoteRecord, string>>> => {
      const r = await http.request<{ data?: unknown; meta?: { next_cursor?: string | null } }>({
        ...req, method: 'GET', url: url + query({ start_date: from, end_date: to, user_id: 'me', limit: LIMIT, cursor }),
      });
      if (!r.ok) return fail(r);
      return { ok: true, value: { items: records(r.body?.data, (d) => toRecord(d, zone)), next: r.body?.meta?.next_cursor || null } };
    });

  return {
    provider: 'expensicat',
    capabilities: expensicatCapabilities,
    pieces(e) {
      if (!e.description) return refused('description: Expensicat requires a description');
      const body = toBody(e);
      return { ok: true, value: [{ key: '', body, seconds: (e.end - e.start) / 1000, compare: compareOf(body) }] };
    },
    create: (items) => rest.createEach(url, items, (b) => (b as { data?: { id?: unknown } } | undefined)?.data?.id),
    echo: (piece, zone) => toRecord({ id: '', ...piece.body }, zone)!,
    update: (remoteId, piece) => rest.write(expensicatCapabilities.updateVerb, at(remoteId), piece.body),
    get: (remoteId, zone) => rest.one(at(remoteId), (b) => envelopeRecord(b, (d) => toRecord(d, zone))),
    remove: (remoteId) => rest.remove(at(remoteId)),
    lookup: (entry, pieces, taken) =>
      lookupByFingerprint(list, entry, pieces, taken, (c) => ({ start_time: c.start_time, end_time: c.end_time, description: c.description })),
    list,
    probe: () => rest.get(url + query({ limit: 1, user_id: 'me' })),
  };
}

export const expensicatProvider: ProviderDescriptor = {
  id: 'expensicat', name: 'Expensicat', aliases: ['orgapi'], defaultBaseUrl: 'https://api.expensicat.com/api', context: [],
  capabilities: expensicatCapabilities, connect: expensicatConnector,
};
