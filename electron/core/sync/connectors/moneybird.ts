/**
 * Moneybird (seed 004). `{base}/api/v2/{administration}/time_entries[/{id}].json`, Bearer token.
 * started_at/ended_at are rounded DOWN to whole minutes with at least one minute between them: an
 * entry that rounds below a minute is refused here, before any request, with that reason. No tags,
 * no task: they stay local. Lists are bare arrays; any filter replaces the defaults, so period and
 * user_id are always given. No reference field: reconcile by the day, start minute and description.
 */
import { localDateOf } from '../../../../shared/time';
import type { AccountConfig, Capabilities, Connector, LocalEntry, Outcome, RemoteRecord } from '../connector';
import type { Http } from '../http';
import { datesAround, errorText, fail, iso, matchByFingerprint, normIso, query, refused, str } from './common';

const PER_PAGE = 100;
const MINUTE = 60_000;

export const moneybirdCapabilities: Capabilities = {
  bulkCreate: 1, timeOfDay: true, tags: false, lookupByReference: false, updateVerb: 'PATCH',
  pagination: 'page', localOnlyFields: ['task_id', 'tags'],
};

const floorMinute = (ms: number) => Math.floor(ms / MINUTE) * MINUTE;

function compareOf(t: Record<string, unknown>): Record<string, unknown> {
  return {
    started_at: normIso(t.started_at), ended_at: normIso(t.ended_at), description: t.description ?? '',
    contact_id: str(t.contact_id), project_id: str(t.project_id), billable: t.billable !== false,
  };
}

function toRecord(d: Record<string, unknown>, zone: string): RemoteRecord | null {
  const start = Date.parse(String(d.started_at ?? ''));
  const end = Date.parse(String(d.ended_at ?? ''));
  if (!Number.isFinite(start) || !Number.isFinite(end)) return null;
  const paused = Number(d.paused_duration ?? 0) * 1000;
  const updated = Date.parse(String(d.updated_at ?? ''));
  return {
    remoteId: String(d.id), key: '', localId: null, description: String(d.description ?? ''), start, end: end - paused,
    date: localDateOf(start, zone), project_id: str(d.project_id), task_id: null, client_id: str(d.contact_id), tags: null,
    billable: d.billable !== false, comparable: compareOf(d), updatedAt: Number.isFinite(updated) ? updated : null,
  };
}

const day = (date: string) => date.replaceAll('-', '');

export function moneybirdConnector(account: AccountConfig, http: Http): Connector {
  const admin = encodeURIComponent(account.context.administration ?? '');
  const root = `${account.baseUrl}/api/v2/${admin}/time_entries`;
  const req = { headers: { Authorization: `Bearer ${account.token}` }, errorMessage: errorText };

  async function list(from: string, to: string, zone: string): Promise<Outcome<RemoteRecord[]>> {
    const out: RemoteRecord[] = [];
    const filter = `period:${day(from)}..${day(to)},user_id:${account.context.user ?? ''}`;
    for (let page = 1; page <= 1000; page++) {
      const r = await http.request<Record<string, unknown>[]>({ ...req, method: 'GET', url: `${root}.json${query({ filter, page, per_page: PER_PAGE })}` });
      if (!r.ok) return fail(r);
      const data = Array.isArray(r.body) ? r.body : [];
      for (const d of data) {
        const rec = toRecord(d, zone);
        if (rec) out.push(rec);
      }
      if (data.length < PER_PAGE) break;
    }
    return { ok: true, value: out };
  }

  return {
    provider: 'moneybird',
    capabilities: moneybirdCapabilities,
    pieces(e: LocalEntry) {
      if (!e.description) return refused('description: Moneybird requires a description');
      const start = floorMinute(e.start);
      const end = floorMinute(e.end);
      if (end - start < MINUTE) {
        return refused('duration: Moneybird rounds start and end down to whole minutes and needs at least one minute between them');
      }
      const t = {
        user_id: account.context.user ?? null, started_at: iso(start), ended_at: iso(end), description: e.description,
        contact_id: e.client_id, project_id: e.project_id, billable: e.billable, paused_duration: 0,
      };
      return { ok: true, value: [{ key: '', body: { time_entry: t }, seconds: (end - start) / 1000, compare: compareOf(t) }] };
    },
    async create(items) {
      const out: Outcome<string>[] = [];
      for (const { piece } of items) {
        const r = await http.request<{ id?: unknown }>({ ...req, method: 'POST', url: `${root}.json`, body: piece.body });
        if (!r.ok) out.push(fail(r));
        else if (r.body?.id === undefined) out.push({ ok: false, error: { class: 'transient', status: r.status, message: 'created, but the answer had no id' } });
        else out.push({ ok: true, value: String(r.body.id) });
      }
      return out;
    },
    async update(remoteId, piece) {
      const { user_id: _user, ...changes } = piece.body.time_entry as Record<string, unknown>;
      const r = await http.request({ ...req, method: 'PATCH', url: `${root}/${encodeURIComponent(remoteId)}.json`, body: { time_entry: changes } });
      return r.ok ? { ok: true, value: undefined } : fail(r);
    },
    async remove(remoteId) {
      const r = await http.request({ ...req, method: 'DELETE', url: `${root}/${encodeURIComponent(remoteId)}.json` });
      return r.ok || r.error.status === 404 ? { ok: true, value: undefined } : fail(r);
    },
    async lookup(entry, pieces, taken) {
      const { from, to } = datesAround(entry);
      const l = await list(from, to, entry.zone);
      if (!l.ok) return l;
      return {
        ok: true,
        value: pieces.flatMap((p) => matchByFingerprint(l.value, { started_at: p.compare.started_at, description: p.compare.description }, p.key, taken)),
      };
    },
    list,
    async probe() {
      const today = day(new Date().toISOString().slice(0, 10));
      const r = await http.request({ ...req, method: 'GET', url: `${root}.json${query({ filter: `period:${today}..${today},user_id:${account.context.user ?? ''}`, per_page: 1 })}` });
      return r.ok ? { ok: true, value: undefined } : fail(r);
    },
  };
}
