/**
 * Kukkingu contracting API (seed 002). `{base}/api/v1/time-entries`, Bearer token and a `tenant-id`
 * header on every call. Date + durationSeconds only: an entry is split per local day, each day one
 * record carrying `referenceSource: "timetray"` and `referenceId: <local id>`, which is how an
 * unknown outcome is found again. PUT replaces the whole record (providers.md): what a PUT leaves
 * out is erased, so every field is sent each time, billableId (which we do not own) from the record
 * as last read. billableId names a billing resource, not a yes/no: our billable flag, tags, task and
 * client stay local.
 */
import type { AccountConfig, Capabilities, Connector, LocalEntry, Outcome, ProviderDescriptor, RemoteRecord } from '../connector';
import type { Http } from '../http';
import { envelopeRecord, errorText, fail, query, records, refused, restCalls, str } from './common';
import { contextField } from './context-field';
import { dayParts, REFERENCE_SOURCE, spanOf } from './dated';

const PATH = '/api/v1/time-entries';

// No catalog(): the API documents `GET /api/v1/tenants` but no project list; the pickers offer the
// project ids this account's entries already use.
export const kukkinguCapabilities: Capabilities = {
  bulkCreate: 1, timeOfDay: false, tags: false, precision: 'seconds', lookupByReference: true, updateVerb: 'PUT',
  pagination: 'none', localOnlyFields: ['billable', 'task_id', 'client_id', 'tags'], catalog: 'seen-only',
};

/**
 * The billable a record names: `billableId` as written, `billable` as the API answers (an id, or
 * an object with one when expanded).
 */
function billableOf(b: Record<string, unknown>): string | null {
  const v = b.billableId ?? b.billable;
  return str(v && typeof v === 'object' ? (v as { id?: unknown }).id : v);
}

/**
 * billableId only when the record has one: a record without it compares as it always did, while
 * one set or changed by another client shows as a change of the record.
 */
function compareOf(b: Record<string, unknown>): Record<string, unknown> {
  const billableId = billableOf(b);
  return {
    projectId: str(b.projectId ?? b.project), date: b.date, durationSeconds: Number(b.durationSeconds),
    description: b.description ?? '', referenceId: str(b.referenceId), ...(billableId !== null && { billableId }),
  };
}

/**
 * What a replacing PUT must carry: the fields we do not own as the server holds them (`held`),
 * then ours, the reference included. The seed's writable fields are projectId, date,
 * durationSeconds, billableId, description, referenceSource and referenceId; all but billableId
 * are ours. Read-only fields (id, createdAt, project) are never sent back.
 */
function replacement(ours: Record<string, unknown>, held: RemoteRecord | undefined): Record<string, unknown> {
  const billableId = held?.raw ? billableOf(held.raw) : null;
  return { ...(billableId !== null && { billableId }), ...ours };
}

function toRecord(d: Record<string, unknown>, zone: string): RemoteRecord | null {
  if (typeof d.date !== 'string') return null;
  const seconds = Number(d.durationSeconds ?? 0);
  const { start, end } = spanOf(d.date, seconds, zone);
  const updated = Date.parse(String(d.updatedAt ?? ''));
  const project = d.project && typeof d.project === 'object' ? (d.project as { id?: unknown }).id : d.project ?? d.projectId;
  return {
    remoteId: String(d.id), key: d.date, localId: d.referenceSource === REFERENCE_SOURCE ? str(d.referenceId) : null,
    description: String(d.description ?? ''), start, end, date: d.date, project_id: str(project), task_id: null,
    client_id: null, tags: null, billable: null,
    comparable: compareOf({ ...d, projectId: project }), updatedAt: Number.isFinite(updated) ? updated : null, raw: d,
  };
}

export function kukkinguConnector(account: AccountConfig, http: Http): Connector {
  const url = `${account.baseUrl}${PATH}`;
  const req = {
    headers: { Authorization: `Bearer ${account.token}`, 'tenant-id': account.context.tenant ?? '' },
    errorMessage: errorText,
  };
  const rest = restCalls(http, req);
  const at = (id: string) => `${url}/${encodeURIComponent(id)}`;

  async function list(from: string, to: string, zone: string): Promise<Outcome<RemoteRecord[]>> {
    const r = await http.request<{ data?: unknown }>({ ...req, method: 'GET', url: url + query({ dateFrom: from, dateTo: to }) });
    return r.ok ? { ok: true, value: records(r.body?.data, (d) => toRecord(d, zone)) } : fail(r);
  }

  return {
    provider: 'kukkingu',
    capabilities: kukkinguCapabilities,
    pieces(e: LocalEntry) {
      if (!e.project_id) return refused('project_id: Kukkingu requires a project');
      return {
        ok: true,
        value: dayParts(e).map((p) => {
          const body = {
            projectId: e.project_id, date: p.date, durationSeconds: p.seconds, description: e.description,
            referenceSource: REFERENCE_SOURCE, referenceId: e.id,
          };
          return { key: p.date, body, seconds: p.seconds, compare: compareOf(body) };
        }),
      };
    },
    create: (items) => rest.createEach(url, items, (b) => (b as { data?: { id?: unknown } } | undefined)?.data?.id),
    echo: (piece, zone, held) => toRecord({ id: '', ...replacement(piece.body, held) }, zone)!,
    update: (remoteId, piece, _entry, held) => rest.write(kukkinguCapabilities.updateVerb, at(remoteId), replacement(piece.body, held)),
    get: (remoteId, zone) => rest.one(at(remoteId), (b) => envelopeRecord(b, (d) => toRecord(d, zone))),
    remove: (remoteId) => rest.remove(at(remoteId)),
    async lookup(entry, pieces, taken) {
      const dates = pieces.map((p) => p.key).sort();
      if (!dates.length) return { ok: true, value: [] };
      const l = await list(dates[0]!, dates[dates.length - 1]!, entry.zone);
      if (!l.ok) return l;
      const wanted = new Set(dates);
      return {
        ok: true,
        value: l.value
          .filter((r) => r.localId === entry.id && wanted.has(r.key) && !taken.has(r.remoteId))
          .map((r) => ({ key: r.key, remoteId: r.remoteId, held: r })),
      };
    },
    list,
    probe: () => rest.get(`${account.baseUrl}/api/v1/tenants`),
  };
}

export const kukkinguProvider: ProviderDescriptor = {
  id: 'kukkingu', name: 'Kukkingu', defaultBaseUrl: 'https://api.contracting.kukkingu.software',
  context: [contextField({
    key: 'tenant', label: 'Tenant id', required: true,
    help: 'sent as the tenant-id header on every call (GET /api/v1/tenants lists yours)',
  })],
  capabilities: kukkinguCapabilities, connect: kukkinguConnector,
};
