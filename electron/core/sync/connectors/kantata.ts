/**
 * Kantata OX, formerly Mavenlink (seed 001). `{base}/time_entries`, OAuth2 Bearer; the token's user
 * decides whose time it is. Date + minutes only: an entry is split per local day. Creates go in
 * bulk (≤ 100 per request) and each carries `external_reference {service_name: "timetray",
 * service_model: "time_entry", service_model_ref: <local id>:<date>}`, the documented way to find
 * them again. Start/end times, tags and client stay local: the API has no field for them.
 */
import type { CatalogItem } from '../../../../shared/catalog';
import type { AccountConfig, Capabilities, Connector, LocalEntry, Outcome, PieceBody, PieceRef, ProviderDescriptor, RemoteRecord } from '../connector';
import type { Http } from '../http';
import { allPages, errorText, fail, minutesOf, query, refused, restCalls, str, type Page } from './common';
import { dayParts, REFERENCE_SOURCE, spanOf } from './dated';

const PATH = '/time_entries';
const PER_PAGE = 200;
const MAX_REFS_PER_QUERY = 200;
const SERVICE_MODEL = 'time_entry';

export const kantataCapabilities: Capabilities = {
  bulkCreate: 100, timeOfDay: false, tags: false, precision: 'minutes', lookupByReference: true, updateVerb: 'PUT',
  pagination: 'page', localOnlyFields: ['client_id', 'tags'], catalog: 'remote',
};

/** Kantata ids are integers; ours are strings. A non-numeric id cannot be sent. */
function intId(v: string | null): number | string | null {
  if (v === null) return null;
  const n = Number(v);
  return Number.isSafeInteger(n) && String(n) === v ? n : v;
}

const refOf = (entryId: string, date: string) => `${entryId}:${date}`;
const nameOf = (title: unknown, id: unknown) => (typeof title === 'string' && title.trim() ? title.trim() : String(id));

function compareOf(t: Record<string, unknown>): Record<string, unknown> {
  return {
    workspace_id: str(t.workspace_id), date_performed: t.date_performed, time_in_minutes: Number(t.time_in_minutes),
    notes: t.notes ?? '', story_id: str(t.story_id), billable: t.billable !== false,
  };
}

interface Paged {
  count?: unknown;
  meta?: { page_count?: unknown };
}

/**
 * Whether a page follows `page`: `meta.page_count` where the answer has it; older answers have
 * no meta (real-apis.md, recorded traffic), so then `count` over our per_page, and with neither a
 * full page means there may be more.
 */
function morePages(body: Paged | undefined, page: number, got: number): boolean {
  const pageCount = Number(body?.meta?.page_count);
  if (body?.meta && Number.isFinite(pageCount)) return page < pageCount;
  const total = Number(body?.count);
  if (body?.count !== undefined && Number.isFinite(total)) return page * PER_PAGE < total;
  return got >= PER_PAGE;
}

interface ListBody extends Paged {
  results?: { key?: string; id?: unknown }[];
  time_entries?: Record<string, Record<string, unknown>>;
  external_references?: Record<string, Record<string, unknown>>;
}

/** Our local id for each time entry id, from the included external references. */
function referencesOf(body: ListBody | undefined): Map<string, string> {
  const out = new Map<string, string>();
  for (const x of Object.values(body?.external_references ?? {})) {
    if (x.service_name === REFERENCE_SOURCE && x.service_model === SERVICE_MODEL && x.subject_id !== undefined) {
      out.set(String(x.subject_id), String(x.service_model_ref));
    }
  }
  return out;
}

function toRecord(d: Record<string, unknown>, ref: string | undefined, zone: string): RemoteRecord | null {
  if (typeof d.date_performed !== 'string') return null;
  const seconds = Number(d.time_in_minutes ?? 0) * 60;
  const { start, end } = spanOf(d.date_performed, seconds, zone);
  const updated = Date.parse(String(d.updated_at ?? ''));
  const localId = ref && ref.endsWith(`:${d.date_performed}`) ? ref.slice(0, -d.date_performed.length - 1) : null;
  return {
    remoteId: String(d.id), key: d.date_performed, localId, description: String(d.notes ?? ''), start, end,
    date: d.date_performed, project_id: str(d.workspace_id), task_id: str(d.story_id), client_id: null, tags: null,
    billable: typeof d.billable === 'boolean' ? d.billable : null,
    comparable: compareOf(d), updatedAt: Number.isFinite(updated) ? updated : null, raw: d,
  };
}

/** The records of a list answer in the order of its results array. */
function recordsOf(body: ListBody | undefined, zone: string): RemoteRecord[] {
  const refs = referencesOf(body);
  const byId = body?.time_entries ?? {};
  const ids = (body?.results ?? []).filter((r) => r.key === 'time_entries').map((r) => String(r.id));
  return ids.flatMap((id) => {
    const d = byId[id];
    const rec = d && toRecord({ id, ...d }, refs.get(id), zone);
    return rec ? [rec] : [];
  });
}

export function kantataConnector(account: AccountConfig, http: Http): Connector {
  const url = `${account.baseUrl}${PATH}`;
  const req = { headers: { Authorization: `Bearer ${account.token}` }, errorMessage: errorText };
  const rest = restCalls(http, req);

  const pages = (params: Record<string, string>, zone: string) =>
    allPages(1, async (page): Promise<Outcome<Page<RemoteRecord, number>>> => {
      const r = await http.request<ListBody>({
        ...req, method: 'GET', url: url + query({ ...params, include: 'external_references', page, per_page: PER_PAGE }),
      });
      if (!r.ok) return fail(r);
      return { ok: true, value: { items: recordsOf(r.body, zone), next: morePages(r.body, page, r.body?.results?.length ?? 0) ? page + 1 : null } };
    });

  /** Every record of a top-level key (workspaces, stories) across pages, in the answer's order. */
  const included = (key: string, params: Record<string, string>) =>
    allPages(1, async (page): Promise<Outcome<Page<Record<string, unknown>, number>>> => {
      const r = await http.request<Record<string, unknown> & Paged & { results?: { key?: string; id?: unknown }[] }>({
        ...req, method: 'GET', url: `${account.baseUrl}/${key}` + query({ ...params, page, per_page: PER_PAGE }),
      });
      if (!r.ok) return fail(r);
      const byId = (r.body?.[key] ?? {}) as Record<string, Record<string, unknown>>;
      const results = Array.isArray(r.body?.results) ? r.body.results : [];
      const items = results.flatMap((x) => (x.key === key && byId[String(x.id)] ? [{ ...byId[String(x.id)], id: String(x.id) }] : []));
      return { ok: true, value: { items, next: results.length && morePages(r.body, page, results.length) ? page + 1 : null } };
    });

  function pieces(e: LocalEntry): Outcome<PieceBody[]> {
    if (!e.project_id) return refused('project_id: Kantata requires a project (workspace)');
    return {
      ok: true,
      value: dayParts(e).map((p) => {
        const t = {
          workspace_id: intId(e.project_id), date_performed: p.date, time_in_minutes: minutesOf(p.seconds),
          notes: e.description, billable: e.billable, ...(e.task_id && { story_id: intId(e.task_id) }),
        };
        return { key: p.date, body: t, seconds: p.seconds, compare: compareOf(t) };
      }),
    };
  }

  async function createBulk(items: readonly { entryId: string; piece: PieceBody }[]): Promise<Outcome<string>[]> {
    const bodies = items.map(({ entryId, piece }) => ({
      ...piece.body,
      external_reference: { service_name: REFERENCE_SOURCE, service_model: SERVICE_MODEL, service_model_ref: refOf(entryId, piece.key) },
    }));
    const r = await http.request<ListBody>({
      ...req, method: 'POST', url: url + query({ include: 'external_references' }),
      body: bodies.length === 1 ? { time_entry: bodies[0] } : { time_entries: bodies },
    });
    if (!r.ok) return items.map(() => fail(r));
    // Results come in Kantata's sorted order, not ours: pair them up by our reference.
    const created = new Map<string, string>();
    for (const [id, ref] of referencesOf(r.body)) created.set(ref, id);
    const ids = (r.body?.results ?? []).map((x) => String(x.id));
    return items.map(({ entryId, piece }) => {
      const id = created.get(refOf(entryId, piece.key)) ?? (items.length === 1 && ids.length === 1 ? ids[0] : undefined);
      return id !== undefined
        ? { ok: true, value: id }
        : { ok: false, error: { class: 'transient', status: r.status, message: 'the bulk answer did not include this entry; it will be looked up' } };
    });
  }

  return {
    provider: 'kantata',
    capabilities: kantataCapabilities,
    pieces,
    async create(items) {
      const out = await createBulk(items);
      // A refused bulk names no culprit: send each alone so one bad entry cannot hold back the rest.
      if (items.length > 1 && out.every((r) => !r.ok && r.error.class === 'refused')) {
        const singles: Outcome<string>[] = [];
        for (const item of items) singles.push(...(await createBulk([item])));
        return singles;
      }
      return out;
    },
    echo: (piece, zone) => toRecord({ id: '', ...piece.body }, undefined, zone)!,
    update: (remoteId, piece) => rest.write(kantataCapabilities.updateVerb, `${url}/${encodeURIComponent(remoteId)}`, { time_entry: piece.body }),
    remove: (remoteId) => rest.remove(`${url}/${encodeURIComponent(remoteId)}`),
    // The same envelope as a list, with the reference included so the record's local id is read too.
    get: (remoteId, zone) => rest.one(`${url}/${encodeURIComponent(remoteId)}` + query({ include: 'external_references' }),
      (b) => recordsOf(b as ListBody | undefined, zone).find((r) => r.remoteId === remoteId) ?? null),
    async lookup(entry, pieces, taken) {
      const found: PieceRef[] = [];
      const refs = pieces.map((p) => refOf(entry.id, p.key));
      for (let i = 0; i < refs.length; i += MAX_REFS_PER_QUERY) {
        const l = await pages({
          external_reference_service_name: REFERENCE_SOURCE,
          external_reference_service_model_refs: refs.slice(i, i + MAX_REFS_PER_QUERY).join(','),
        }, entry.zone);
        if (!l.ok) return l;
        for (const r of l.value) if (r.localId === entry.id && !taken.has(r.remoteId)) found.push({ key: r.key, remoteId: r.remoteId, held: r });
      }
      return { ok: true, value: found };
    },
    list: (from, to, zone) => pages({ date_performed_between: `${from}:${to}` }, zone),
    probe: () => rest.get(`${account.baseUrl}/users/me`),
    /**
     * Projects are the workspaces the token's user can see (`GET /workspaces`); tasks are each
     * workspace's stories (`GET /stories?workspace_id=`), one workspace at a time as the API
     * documents it. Clients are not a Kantata time-entry field, so none are listed.
     */
    async catalog() {
      const projects = await included('workspaces', {});
      if (!projects.ok) return projects;
      const workspaces: CatalogItem[] = projects.value.map((w) => ({ kind: 'project', id: String(w.id), name: nameOf(w.title, w.id), parent_id: null }));
      const stories: CatalogItem[] = [];
      for (const w of workspaces) {
        const tasks = await included('stories', { workspace_id: w.id });
        if (!tasks.ok) return tasks;
        for (const t of tasks.value) stories.push({ kind: 'task', id: String(t.id), name: nameOf(t.title, t.id), parent_id: str(t.workspace_id) ?? w.id });
      }
      return { ok: true, value: [...workspaces, ...stories] };
    },
  };
}

export const kantataProvider: ProviderDescriptor = {
  id: 'kantata', name: 'Kantata', defaultBaseUrl: 'https://api.mavenlink.com/api/v1', context: [],
  capabilities: kantataCapabilities, connect: kantataConnector,
};
