/**
 * Voltasis as its published OpenAPI 2.0.4 shows it (../shared/spec/real-apis.md: the snippets
 * generated from it, which contradict the seed's hand-written page): camelCase `projectId`,
 * `description`, `date`, `duration` in whole minutes, `isBillable`; answers `{success, data}`,
 * errors `{success: false, error: {code, message, details?}}`; `status` draft|submitted|approved|
 * rejected, and PUT only on drafts; 1000 requests a minute. Paths, the org header and the list's
 * page/per_page and start_date/end_date are the seed's (the 2.0.4 material names no others).
 *
 * A date and a duration only: an entry is split per local day, one record per day, each in whole
 * minutes (nearest, never 0). No reference field: unknown outcomes are found again by listing the
 * days and matching date, minutes, description and project.
 *
 * What the user typed is never rewritten by the server: `status` is the server's workflow and is
 * neither sent nor compared (a manager approving an entry is not an edit of it), and a PUT refused
 * because the entry left draft leaves the user's edit in place, in need of attention with the
 * server's reason, instead of taking the server's copy over it.
 */
import type { AccountConfig, Capabilities, Connector, LocalEntry, ProviderDescriptor, RemoteRecord } from '../connector';
import type { Http } from '../http';
import { lookupByFingerprint, minutesOf, refused, str } from './common';
import { dayParts, spanOf, type DayPart } from './dated';
import { VOLTASIS_ORG, voltasisCalls } from './voltasis';

// No catalog(): the 2.0.4 snippets document no project list for time entries; the pickers offer
// the project ids this account's entries already use.
export const voltasisV2Capabilities: Capabilities = {
  bulkCreate: 1, timeOfDay: false, tags: false, precision: 'minutes', lookupByReference: false, updateVerb: 'PUT',
  pagination: 'page', localOnlyFields: ['task_id', 'client_id', 'tags'], catalog: 'seen-only',
  rateLimit: { requests: 1000, perMs: 60_000, service: 'Voltasis' },
};

/** The field mapping in one table: our entry's day part → the 2.0.4 body. */
function toBody(e: LocalEntry, p: DayPart): Record<string, unknown> {
  return { projectId: e.project_id, description: e.description, date: p.date, duration: minutesOf(p.seconds), isBillable: e.billable };
}

/** The fields we own, as sent and as read back: `status` (the server's) is left out on purpose. */
function compareOf(b: Record<string, unknown>): Record<string, unknown> {
  return { projectId: str(b.projectId), description: b.description ?? '', date: b.date, duration: Number(b.duration), isBillable: b.isBillable !== false };
}

function toRecord(d: Record<string, unknown>, zone: string): RemoteRecord | null {
  if (typeof d.date !== 'string' || !Number.isFinite(Number(d.duration))) return null;
  const { start, end } = spanOf(d.date, Number(d.duration) * 60, zone);
  const updated = Date.parse(String(d.updatedAt ?? ''));
  return {
    remoteId: String(d.id), key: d.date, localId: null, description: String(d.description ?? ''), start, end, date: d.date,
    project_id: str(d.projectId), task_id: null, client_id: null, tags: null, billable: d.isBillable !== false,
    comparable: compareOf(d), updatedAt: Number.isFinite(updated) ? updated : null, raw: d,
  };
}

export function voltasisV2Connector(account: AccountConfig, http: Http): Connector {
  const { rest, at, list, create, get, remove, probe } = voltasisCalls(account, http, toRecord);

  return {
    provider: 'voltasis-v2',
    capabilities: voltasisV2Capabilities,
    pieces(e) {
      if (!e.description) return refused('description: Voltasis requires a description');
      return {
        ok: true,
        value: dayParts(e).map((p) => {
          const body = toBody(e, p);
          return { key: p.date, body, seconds: p.seconds, compare: compareOf(body) };
        }),
      };
    },
    create,
    echo: (piece, zone) => toRecord({ id: '', ...piece.body }, zone)!,
    // Every field the body carries is ours and `status` stays a draft's, so a replacing PUT loses nothing.
    update: (remoteId, piece) => rest.write(voltasisV2Capabilities.updateVerb, at(remoteId), piece.body),
    get,
    remove,
    lookup: (entry, pieces, taken) => lookupByFingerprint(list, entry, pieces, taken, (c) => c),
    list,
    probe,
  };
}

export const voltasisV2Provider: ProviderDescriptor = {
  id: 'voltasis-v2', name: 'Voltasis (API 2.0.4)', defaultBaseUrl: 'https://api.voltasis.com', context: [VOLTASIS_ORG],
  capabilities: voltasisV2Capabilities, connect: voltasisV2Connector,
};
