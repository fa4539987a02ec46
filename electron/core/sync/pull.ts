/**
 * One pull pass for one account: list the remote records of a window (each API's own pagination,
 * inside the connector) and merge them into our entries.
 *   - a record we map: three-way merge against the last-synced base (merge-fields.ts);
 *   - a record that names one of our ids (Kantata/Kukkingu references) but has no ref: adopt it;
 *   - anything else: a remote-only entry, added here as synced.
 * A record that breaks our entry rules is reported, never silently dropped or half-stored.
 */
import { MAX_DURATION_SECONDS, DESCRIPTION_MAX } from '../../../shared/limits';
import { addLocalDays, localDateOf, zonedInstant } from '../../../shared/time';
import type { Connector, LocalEntry, RemoteRecord } from './connector';
import type { SyncError } from './errors';
import { carriedFields, localTerms, mergeTerms, remoteTerms, type MergeField, type Terms } from './merge-fields';
import type { PullStore, RefRow } from './pull-store';
import type { SyncStore } from './sync-db';
import { canonical } from './util';

export interface PullOptions {
  store: SyncStore;
  pullStore: PullStore;
  connector: Connector;
  accountId: string;
  now: () => number;
  zone: string;
  /** Local days back from today (inclusive of today). */
  windowDays: number;
}

export interface PullReport {
  fetched: number;
  added: number;
  updated: number;
  conflicts: number;
  /** Records deleted on the server whose entries now wait for the user. */
  gone: number;
  skipped: { remoteId: string; reason: string }[];
  /** Every record listed in this pass, by remote id: a push needs not read these again. */
  seen: Map<string, RemoteRecord>;
  error?: SyncError;
}

/** Date-only records have no time of day: a remote-only one is placed at 09:00 local on its date. */
const DATE_ONLY_START_HOUR = 9;

export type MergeContext = Pick<PullOptions, 'store' | 'pullStore' | 'connector' | 'accountId' | 'now'>;

/**
 * Merges one remote record into the entry it maps to (three-way, field by field, against the
 * last-synced base in the server's precision). Used by the pull and by a push about to update a
 * record the pull did not see (so an unseen remote edit is never overwritten).
 */
export function mergeRemote(o: MergeContext, ref: RefRow, r: RemoteRecord): { updated: boolean; conflicts: number } {
  const none = { updated: false, conflicts: 0 };
  const entry = o.store.entry(ref.entry_id);
  // Deleted, or moved off this account: the push owes this record a delete, not a merge.
  if (!entry || entry.deleted || entry.accountId !== o.accountId) return none;
  // The server holds exactly what we last sent or read: nothing changed there.
  if (sameSnapshot(ref.snapshot, r.comparable)) return none;
  // A split entry's pieces cannot each decide its times: merge only the shared fields.
  const fields = carriedFields(o.connector.capabilities);
  const split = o.pullStore.pieceCount(ref.entry_id) > 1;
  const f = split ? fields.filter((x) => x !== 'duration' && x !== 'start' && x !== 'end') : fields;
  // The server holds what an update of ours carried, its answer lost (a kill, a reset): our own
  // write, so it is the new common ground, never an edit made there that outranks the user's.
  if (o.store.sent.of(ref.entry_id, o.accountId).some((s) => s.key === r.key && sameSnapshot(s.compare, r.comparable))) {
    o.pullStore.applyRemote(o.accountId, r.remoteId, ref.entry_id, {}, [], r.comparable, { ...ref.base, ...remoteTerms(r, f) }, o.now(), split);
    return none;
  }
  // Ours as this server would hold it, so its rounding is never taken for a change on either side.
  const local = localTerms(entry, f);
  const localHeld = heldTerms(o, entry, r.key, f) ?? local;
  const remote = remoteTerms(r, f);
  const newer = (r.updatedAt ?? 0) > o.pullStore.updatedAt(ref.entry_id);
  const m = mergeTerms(ref.base, localHeld, remote, newer);
  const history = m.conflicts.map((c) => ({
    fields: { [c.field]: c.lost } as Terms,
    note: `${c.field}: edited here and on the server; the ${c.winner === 'remote' ? 'server' : 'local'} edit was newer and won`,
  }));
  const plain = (Object.keys(m.take) as MergeField[]).filter((k) => !m.conflicts.some((c) => c.field === k));
  if (plain.length) history.push({ fields: pick(local, plain), note: 'replaced by an edit on the server' });
  o.pullStore.applyRemote(o.accountId, r.remoteId, ref.entry_id, m.take, history, r.comparable, { ...ref.base, ...remote }, o.now(), split);
  return { updated: Object.keys(m.take).length > 0, conflicts: m.conflicts.length };
}

/** Records read per pass by id because the list no longer showed them (bounded). */
const MAX_GONE_CHECKS = 50;

/**
 * The window's records we map that the list did not show: each is read by id, and one the
 * server no longer has marks its entry for the user (remote-gone.ts). A failed read decides
 * nothing.
 */
async function findGone(o: PullOptions, from: string, to: string, seen: ReadonlyMap<string, RemoteRecord>): Promise<{ gone: number; error?: SyncError }> {
  let checked = 0;
  let gone = 0;
  for (const ref of o.store.gone.mapped(o.accountId)) {
    const date = ref.piece || localDateOf(ref.start_at, o.zone);
    if (date < from || date > to || seen.has(ref.remote_id)) continue;
    if (++checked > MAX_GONE_CHECKS) break;
    const g = await o.connector.get(ref.remote_id, o.zone);
    if (!g.ok) return { gone, error: g.error };
    if (g.value !== null) continue;
    // A piece the entry no longer wants (it moved to another day) was ours to delete: the
    // answer to that delete was lost, not the record taken from the user.
    const entry = o.store.entry(ref.entry_id);
    const planned = entry ? o.connector.pieces(entry) : null;
    if (planned?.ok && !planned.value.some((p) => p.key === ref.piece)) {
      o.store.dropRef(ref.entry_id, ref.piece, o.accountId);
      continue;
    }
    o.store.gone.mark(o.accountId, ref.entry_id, ref.remote_id);
    gone++;
  }
  return { gone };
}

export async function pullOnce(o: PullOptions): Promise<PullReport> {
  const seen = new Map<string, RemoteRecord>();
  const report: PullReport = { fetched: 0, added: 0, updated: 0, conflicts: 0, gone: 0, skipped: [], seen };
  const to = localDateOf(o.now(), o.zone);
  const from = addLocalDays(to, -(Math.max(1, o.windowDays) - 1));
  const listed = await o.connector.list(from, to, o.zone);
  if (!listed.ok) return { ...report, error: listed.error };
  report.fetched = listed.value.length;
  const caps = o.connector.capabilities;
  const fields = carriedFields(caps);
  const unanswered = unansweredPieces(o);

  for (const r of listed.value) {
    seen.set(r.remoteId, r);
    const ref = o.pullStore.refByRemote(o.accountId, r.remoteId);
    if (ref) {
      const m = mergeRemote(o, ref, r);
      if (m.updated) report.updated++;
      report.conflicts += m.conflicts;
      continue;
    }
    const problem = invalid(r);
    if (problem) {
      report.skipped.push({ remoteId: r.remoteId, reason: problem });
      continue;
    }
    if (r.localId) {
      const mine = o.store.entry(r.localId);
      // Ours, even if deleted or moved meanwhile: never a new entry. A record no longer wanted
      // is adopted so the delete owed for it removes it.
      if (mine) {
        if (!o.store.refs(r.localId).some((x) => x.key === r.key)) {
          o.pullStore.adopt(o.accountId, r.localId, r, remoteTerms(r, fields), o.now());
        }
        continue;
      }
    }
    // A create whose answer was lost shows up here before the push finds it: adopt, never
    // duplicate. Matched by what was sent, and each record by one entry only.
    const claim = unanswered.get(`${r.key}\u0000${canonical(r.comparable)}`)?.shift();
    if (claim) {
      o.pullStore.adopt(o.accountId, claim, r, remoteTerms(r, fields), o.now());
      continue;
    }
    let start = r.start;
    let end = r.end;
    if (!caps.timeOfDay) {
      const [y, m, d] = r.date.split('-').map(Number) as [number, number, number];
      start = zonedInstant(y, m, d, DATE_ONLY_START_HOUR, 0, o.zone);
      end = start + (r.end - r.start);
    }
    o.pullStore.insertRemote(o.accountId, r, start, end, o.zone, remoteTerms(r, fields), o.now());
    report.added++;
  }
  const g = await findGone(o, from, to, seen);
  report.gone = g.gone;
  if (g.error) report.error = g.error;
  return report;
}

/** Entries whose create may have reached the server unanswered, by piece key and the body sent. */
function unansweredPieces(o: PullOptions): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const s of o.store.sent.unanswered(o.accountId)) {
    const k = `${s.key}\u0000${canonical(s.compare)}`;
    const ids = out.get(k) ?? [];
    if (!ids.includes(s.entryId)) ids.push(s.entryId);
    out.set(k, ids);
  }
  return out;
}

/** The entry's piece `key` as the server would hold it, in our terms; null if it cannot be sent. */
function heldTerms(o: MergeContext, entry: LocalEntry, key: string, f: readonly MergeField[]): Terms | null {
  const planned = o.connector.pieces(entry);
  const piece = planned.ok ? planned.value.find((p) => p.key === key) : undefined;
  return piece ? remoteTerms(o.connector.echo(piece, entry.zone), f) : null;
}

function invalid(r: { end: number; start: number; description: string }): string | null {
  const s = (r.end - r.start) / 1000;
  if (!(s > 0)) return 'its duration is zero or negative';
  if (s > MAX_DURATION_SECONDS) return `it is longer than ${MAX_DURATION_SECONDS / 3600}h`;
  if ([...r.description].length > DESCRIPTION_MAX) return `its description is over ${DESCRIPTION_MAX} characters`;
  return null;
}

function pick(t: Terms, keys: MergeField[]): Terms {
  return Object.fromEntries(keys.map((k) => [k, t[k]]));
}

function sameSnapshot(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  return canonical(a) === canonical(b);
}
