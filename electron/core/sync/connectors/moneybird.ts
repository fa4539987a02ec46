/**
 * Moneybird (seed 004). `{base}/api/v2/{administration}/time_entries[/{id}].json`, Bearer token.
 * started_at/ended_at are rounded DOWN to whole minutes with at least one minute between them: an
 * entry that rounds below a minute is refused here, before any request, with that reason. No tags,
 * no task: they stay local. Lists are bare arrays; any filter replaces the defaults, so period and
 * user_id are always given. No reference field: reconcile by the day, start minute and description.
 */
import type { CatalogItem } from '../../../../shared/catalog';
import { localDateOf } from '../../../../shared/time';
import type { AccountConfig, Capabilities, Connector, LocalEntry, Outcome, ProviderDescriptor, RemoteRecord } from '../connector';
import type { Http, HttpResult } from '../http';
import { allPages, errorText, fail, iso, lookupByFingerprint, nextLink, normIso, query, records, refused, restCalls, str, type Page } from './common';
import { contextField } from './context-field';

const PER_PAGE = 100;
const MINUTE = 60_000;

export const moneybirdCapabilities: Capabilities = {
  bulkCreate: 1, timeOfDay: true, tags: false, precision: 'minutes-floor', lookupByReference: false, updateVerb: 'PATCH',
  pagination: 'page', localOnlyFields: ['task_id', 'tags'], catalog: 'remote',
  rateLimit: { requests: 150, perMs: 5 * 60_000, service: 'Moneybird' },
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
    billable: d.billable !== false, comparable: compareOf(d), updatedAt: Number.isFinite(updated) ? updated : null, raw: d,
  };
}

const day = (date: string) => date.replaceAll('-', '');

export function moneybirdConnector(account: AccountConfig, http: Http): Connector {
  const admin = encodeURIComponent(account.context.administration ?? '');
  const root = `${account.baseUrl}/api/v2/${admin}/time_entries`;
  const req = { headers: { Authorization: `Bearer ${account.token}` }, errorMessage: errorText };

  const rest = restCalls(http, req);
  const at = (id: string) => `${root}/${encodeURIComponent(id)}.json`;

  /**
   * Every page of a bare-array list: Moneybird says where the next page is in the Link header
   * (rel="next", real-apis.md); an answer with no Link header at all is paged on until one comes back short.
   */
  function pages<T>(urlFor: (page: number) => string, parse: (body: unknown) => T[]): Promise<Outcome<T[]>> {
    return allPages({ page: 1, url: urlFor(1) }, async ({ page, url }): Promise<Outcome<Page<T, { page: number; url: string }>>> => {
      const r: HttpResult = await http.request<unknown>({ ...req, method: 'GET', url });
      if (!r.ok) return fail(r);
      const rows = parse(r.body);
      const link: string | null | undefined = r.headers?.get('link');
      const next: string | null | Error = link == null ? (rows.length < PER_PAGE ? null : urlFor(page + 1)) : nextLink(link, account.baseUrl);
      if (next instanceof Error) return { ok: false, error: { class: 'transient', status: r.status, message: next.message } };
      return { ok: true, value: { items: rows, next: next === null ? null : { page: page + 1, url: next } } };
    });
  }

  const list = (from: string, to: string, zone: string) => {
    const filter = `period:${day(from)}..${day(to)},user_id:${account.context.user ?? ''}`;
    return pages((page) => `${root}.json${query({ filter, page, per_page: PER_PAGE })}`, (b) => records(b, (d) => toRecord(d, zone)));
  };

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
    create: (items) => rest.createEach(`${root}.json`, items, (b) => (b as { id?: unknown } | undefined)?.id),
    echo: (piece, zone) => toRecord({ id: '', ...(piece.body.time_entry as Record<string, unknown>) }, zone)!,
    update(remoteId, piece) {
      const { user_id: _user, ...changes } = piece.body.time_entry as Record<string, unknown>;
      return rest.write(moneybirdCapabilities.updateVerb, at(remoteId), { time_entry: changes });
    },
    // A bare object, as the lists' items.
    get: (remoteId, zone) => rest.one(at(remoteId), (b) => (b && typeof b === 'object' && !Array.isArray(b) ? toRecord(b as Record<string, unknown>, zone) : null)),
    remove: (remoteId) => rest.remove(at(remoteId)),
    lookup: (entry, pieces, taken) =>
      lookupByFingerprint(list, entry, pieces, taken, (c) => ({ started_at: c.started_at, description: c.description })),
    list,
    /**
     * Projects from `GET /{administration}/projects.json` (active ones: archived projects cannot
     * take new time) and clients from `GET /{administration}/contacts.json`, named by company, else
     * by person. Both are paginated bare arrays (per_page ≤ 100); listing projects needs the
     * token's `settings` scope, and a refusal fails the whole fetch (the cached list stays).
     */
    async catalog() {
      const all = (path: string, params: Record<string, string> = {}) =>
        pages((page) => `${account.baseUrl}/api/v2/${admin}/${path}.json${query({ ...params, page, per_page: PER_PAGE })}`,
          (b) => (Array.isArray(b) ? b.filter((x): x is Record<string, unknown> => !!x && typeof x === 'object' && str((x as { id?: unknown }).id) !== null) : []));
      const projects = await all('projects', { filter: 'state:active' });
      if (!projects.ok) return projects;
      const contacts = await all('contacts');
      if (!contacts.ok) return contacts;
      const text = (v: unknown) => (typeof v === 'string' ? v.trim() : '');
      const person = (c: Record<string, unknown>) => [text(c.firstname), text(c.lastname)].filter(Boolean).join(' ');
      const items: CatalogItem[] = [
        ...projects.value.filter((p) => p.state === undefined || p.state === 'active')
          .map((p): CatalogItem => ({ kind: 'project', id: String(p.id), name: text(p.name) || String(p.id), parent_id: null })),
        ...contacts.value.map((c): CatalogItem => ({ kind: 'client', id: String(c.id), name: text(c.company_name) || person(c) || String(c.id), parent_id: null })),
      ];
      return { ok: true, value: items };
    },
    probe() {
      const today = day(new Date().toISOString().slice(0, 10));
      return rest.get(`${root}.json${query({ filter: `period:${today}..${today},user_id:${account.context.user ?? ''}`, per_page: 1 })}`);
    },
  };
}

export const moneybirdProvider: ProviderDescriptor = {
  id: 'moneybird', name: 'Moneybird', defaultBaseUrl: 'https://moneybird.com',
  context: [
    contextField({ key: 'administration', label: 'Administration id', required: true, digits: true, help: 'the number after moneybird.com/ in your address; part of every path' }),
    contextField({ key: 'user', label: 'User id', required: true, digits: true, help: 'the Moneybird user the hours are written for (user_id)' }),
  ],
  capabilities: moneybirdCapabilities, connect: moneybirdConnector,
};
