/**
 * Voltasis (seed 000). `POST {base}/api/v1/time-entries`, Bearer token, `X-Organization-ID` when
 * the account names an organisation. Whole minutes (nearest, never 0); description required.
 * List/update/delete follow REST conventions at the same path (the seed names them only).
 * No reference field: unknown outcomes are reconciled by listing and matching start, duration
 * and description.
 */
import type { AccountConfig, Capabilities, Connector, LocalEntry, Outcome, PieceBody, ProviderDescriptor, RemoteRecord } from '../connector';
import type { Http } from '../http';
import { localDateOf } from '../../../../shared/time';
import { envelopeRecord, errorText, fail, iso, lookupByFingerprint, minutesOf, normIso, pageThrough, query, records, refused, restCalls, str } from './common';
import { contextField } from './context-field';

const PATH = '/api/v1/time-entries';
const PER_PAGE = 100;

// No catalog(): the seed documents no project, task or client list; the pickers offer the ids
// this account's entries already use.
export const voltasisCapabilities: Capabilities = {
  bulkCreate: 1, timeOfDay: true, tags: true, precision: 'minutes', lookupByReference: false, updateVerb: 'PUT',
  pagination: 'page', localOnlyFields: [], catalog: 'seen-only',
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
    comparable: compareOf(d), updatedAt: Number.isFinite(Date.parse(String(d.updated_at))) ? Date.parse(String(d.updated_at)) : null, raw: d,
  };
}

/**
 * The calls both Voltasis contracts make alike: the org header, `{data}` answers, the list's
 * page/per_page and start_date/end_date. `toRecord` reads one record of the variant.
 */
export function voltasisCalls(account: AccountConfig, http: Http, toRecord: (d: Record<string, unknown>, zone: string) => RemoteRecord | null) {
  const url = `${account.baseUrl}${PATH}`;
  const headers: Record<string, string> = {
    Authorization: `Bearer ${account.token}`,
    ...(account.context.org && { 'X-Organization-ID': account.context.org }),
  };
  const rest = restCalls(http, { headers, errorMessage: errorText });
  const at = (id: string) => `${url}/${encodeURIComponent(id)}`;
  const list = (from: string, to: string, zone: string) =>
    pageThrough(PER_PAGE, async (page): Promise<Outcome<RemoteRecord[]>> => {
      const r = await http.request<{ data?: unknown }>({
        headers, errorMessage: errorText, method: 'GET', url: url + query({ start_date: from, end_date: to, page, per_page: PER_PAGE }),
      });
      return r.ok ? { ok: true, value: records(r.body?.data, (d) => toRecord(d, zone)) } : fail(r);
    });
  return {
    rest, at, list,
    create: (items: Parameters<typeof rest.createEach>[1]) => rest.createEach(url, items, (b) => (b as { data?: { id?: unknown } } | undefined)?.data?.id),
    get: (remoteId: string, zone: string) => rest.one(at(remoteId), (b) => envelopeRecord(b, (d) => toRecord(d, zone))),
    remove: (remoteId: string) => rest.remove(at(remoteId)),
    probe: () => rest.get(url + query({ page: 1, per_page: 1 })),
  };
}

export function voltasisConnector(account: AccountConfig, http: Http): Connector {
  const { rest, at, list, create, get, remove, probe } = voltasisCalls(account, http, toRecord);

  return {
    provider: 'voltasis',
    capabilities: voltasisCapabilities,
    pieces(e) {
      if (!e.description) return refused('description: Voltasis requires a description');
      const body = toBody(e);
      return { ok: true, value: [{ key: '', body, seconds: (e.end - e.start) / 1000, compare: compareOf(body) }] };
    },
    create,
    echo: (piece, zone) => toRecord({ id: '', ...piece.body }, zone)!,
    // Every field of the seed's record is ours, so a replacing PUT loses nothing: `held` is not needed.
    update: (remoteId, piece: PieceBody) => rest.write(voltasisCapabilities.updateVerb, at(remoteId), piece.body),
    get,
    remove,
    lookup: (entry, pieces, taken) => lookupByFingerprint(list, entry, pieces, taken, pick),
    list,
    probe,
  };
}

/** What identifies one of our entries on the server: start to the second, duration, description. */
function pick(c: Record<string, unknown>) {
  return { start_time: c.start_time, duration_minutes: c.duration_minutes, description: c.description };
}

/** Its org id is optional: a token names its organisation; a second contract variant can share this field. */
export const VOLTASIS_ORG = contextField({
  key: 'org', label: 'Organisation id', required: false,
  help: 'sent as X-Organization-ID; leave empty when the token names the organisation',
});

export const voltasisProvider: ProviderDescriptor = {
  id: 'voltasis', name: 'Voltasis', defaultBaseUrl: 'https://api.voltasis.com', context: [VOLTASIS_ORG],
  capabilities: voltasisCapabilities, connect: voltasisConnector,
};
