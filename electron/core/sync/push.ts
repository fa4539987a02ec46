/**
 * One push pass for one account: lease due outbox rows, make the server match each entry, then
 * acknowledge or fail each row. See sync-db.ts for the states a row moves through.
 *
 * For each leased entry the server is made to hold exactly the pieces `connector.pieces()` says:
 *   1. an earlier attempt may have reached the server (prior_attempts > 0): look the missing
 *      pieces up remotely and adopt what is found, BEFORE sending anything;
 *   2. pieces with a ref whose last-sent fields differ are updated; refs no longer wanted are deleted;
 *   3. the remaining pieces are created, in bulk across entries where the API allows.
 * The batch's remote ids and outcomes are committed together at its end (store.settle), so a kill
 * loses at most one batch's answers, which step 1 finds again.
 */
import { backoffDelay, type BackoffPolicy } from './backoff';
import type { Connector, LocalEntry, PieceBody, RemoteRecord } from './connector';
import type { RefRow } from './pull-store';
import type { SyncError } from './errors';
import { carriedFields, remoteTerms, type MergeField } from './merge-fields';
import type { LeasedRow, PlanResult, Settlement, StoreEntry, StoredRef, SyncStore } from './sync-db';
import { canonical, chunk, mapLimit } from './util';

export interface PushOptions {
  store: SyncStore;
  connector: Connector;
  accountId: string;
  now: () => number;
  backoff: BackoffPolicy;
  /** How long a lease protects a row from another pass; an expired lease is retried. */
  leaseMs: number;
  batchSize: number;
  /** Requests in flight at once for this account. */
  concurrency: number;
  /** Records this pass's pull listed, by remote id; a record this push writes leaves it (it is stale then). */
  seen?: Map<string, RemoteRecord>;
  /** Merges a remote record the pull did not see into its entry (pull.ts mergeRemote). */
  merge?: (ref: RefRow, record: RemoteRecord) => void;
}

export interface PushReport {
  leased: number;
  acked: number;
  retrying: number;
  attention: number;
  /** Set when the server refused our credentials: the account must be paused. */
  auth?: SyncError;
  /** Set when a request got no answer at all: the account is probably offline. */
  network?: SyncError;
  lastError?: SyncError;
}

interface Work {
  row: LeasedRow;
  entry: StoreEntry | null;
  creates: PieceBody[];
  error?: SyncError;
  /** Not attempted because the pass stopped early (offline, auth). */
  skipped?: boolean;
  /** A record it maps was deleted on the server: the row waits for the user's choice. */
  gone?: boolean;
}

export async function pushOnce(o: PushOptions): Promise<PushReport> {
  const owner = newOwner();
  const plan = (e: LocalEntry): PlanResult => o.connector.pieces(e);
  const rows = await o.store.lease(o.accountId, o.now(), o.batchSize, o.leaseMs, plan, owner);
  const report: PushReport = { leased: rows.length, acked: 0, retrying: 0, attention: 0 };
  if (!rows.length) return report;
  let stop = false;
  const halt = (e: SyncError) => {
    if (e.class === 'auth') {
      report.auth ??= e;
      stop = true;
    } else if (e.class === 'transient' && e.status === 0) {
      report.network ??= e;
      stop = true;
    }
  };

  const work = await mapLimit(rows, o.concurrency, async (row): Promise<Work> => {
    if (stop) return { row, entry: null, creates: [], skipped: true };
    const w = await prepare(o, row);
    if (w.error) halt(w.error);
    return w;
  });

  const settlement: Settlement = { refs: [], acks: [], retries: [], parks: [], releases: [] };
  // Creates of every entry in the batch, in as few requests as the API allows.
  const pending = work.flatMap((w) => (w.error || w.skipped || !w.entry ? [] : w.creates.map((piece) => ({ w, piece }))));
  const bulk = o.connector.capabilities.bulkCreate;
  const fields = carriedFields(o.connector.capabilities);
  await mapLimit(chunk(pending, bulk), bulk > 1 ? 1 : o.concurrency, async (group) => {
    const live = group.filter(({ w }) => !w.error && !stop);
    if (!live.length) {
      for (const { w } of group) if (!w.error) w.skipped = true;
      return;
    }
    const results = await o.connector.create(live.map(({ w, piece }) => ({ entryId: w.row.entry_id, piece })));
    results.forEach((r, i) => {
      const { w, piece } = live[i]!;
      if (r.ok) settlement.refs.push({ entryId: w.row.entry_id, ref: { key: piece.key, remoteId: r.value }, snapshot: piece.compare, base: baseOf(o, w.entry!, piece, fields) });
      else {
        w.error ??= r.error;
        halt(r.error);
      }
    });
  });

  for (const w of work) finish(o, w, report, settlement);
  const extras = o.store.settle(o.accountId, o.now(), settlement, owner);
  // Another pass recorded a different record for the same piece meanwhile: ours is a second copy.
  for (const x of extras) await o.connector.remove(x.remoteId);
  for (const w of work) if (w.entry?.deleted) o.store.purge(w.row.entry_id);
  return report;
}

/** Who holds a lease: settling checks it, so a pass that outlived its lease settles nothing. */
function newOwner(): string {
  return `${process.pid}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}

/**
 * Finds what earlier, unanswered creates left on the server, by every body they carried (an edit
 * since then changes what the entry would send now, not what the server may hold). Records for
 * pieces still wanted are adopted; any other is ours too (an earlier day of a moved entry, a
 * second copy) and is deleted. Pieces found nowhere lose their old fingerprints.
 */
async function recover(o: PushOptions, entry: StoreEntry, wanted: readonly PieceBody[], have: Map<string, StoredRef>): Promise<SyncError | null> {
  const { store, connector, accountId } = o;
  const sent = store.sent.of(entry.id, accountId);
  const current = new Map(wanted.map((p) => [p.key, p]));
  const probes: PieceBody[] = [
    ...wanted.filter((p) => !have.has(p.key)),
    ...sent.filter((s) => !have.has(s.key) && canonical(s.compare) !== canonical(current.get(s.key)?.compare))
      .map((s): PieceBody => ({ key: s.key, body: {}, seconds: 0, compare: s.compare })),
  ];
  if (!probes.length) return null;
  const found = await connector.lookup(entry, probes, store.takenRemoteIds(accountId, entry.id));
  if (!found.ok) return found.error;
  const fields = carriedFields(connector.capabilities);
  for (const ref of found.value) {
    const keep = current.has(ref.key) && !have.has(ref.key);
    const saved = keep && store.saveRef(entry.id, accountId, ref, ref.held?.comparable ?? {}, ref.held ? remoteTerms(ref.held, fields) : {}, o.now()) === 'saved';
    if (saved) {
      have.set(ref.key, { key: ref.key, remoteId: ref.remoteId, snapshot: ref.held?.comparable ?? {}, base: {} });
      continue;
    }
    if (store.takenRemoteIds(accountId, entry.id).has(ref.remoteId)) continue;
    const r = await connector.remove(ref.remoteId);
    if (!r.ok) return r.error;
  }
  for (const s of new Set(probes.map((p) => p.key))) {
    if (!have.has(s)) store.sent.notFound(entry.id, accountId, s, current.get(s)?.compare ?? null);
  }
  return null;
}

/** The server no longer has a record we map: the entry waits for the user (remote-gone.ts). */
function gone(o: PushOptions, w: Work, remoteId: string): Work {
  o.store.gone.mark(o.accountId, w.row.entry_id, remoteId);
  return { ...w, gone: true };
}

async function prepare(o: PushOptions, row: LeasedRow, replanned = false): Promise<Work> {
  const { store, connector, accountId } = o;
  const entry = row.entry === undefined ? store.entry(row.entry_id) : row.entry;
  const w: Work = { row, entry, creates: [] };
  if (!entry) return w;
  const have = new Map(store.refs(row.entry_id, accountId).map((r) => [r.key, r]));

  // The entry's state decides, not the row's op: an undone delete must not reach the server; an
  // entry deleted, or moved to another account or made local, leaves nothing on this one.
  if (entry.deleted || entry.accountId !== accountId) {
    const err = await recover(o, entry, [], have);
    if (err) return { ...w, error: err };
    for (const ref of have.values()) {
      const r = await connector.remove(ref.remoteId);
      if (!r.ok) return { ...w, error: r.error };
      store.dropRef(row.entry_id, ref.key, accountId);
    }
    store.sent.forget(entry.id, accountId);
    return w;
  }

  // An undone delete whose request went out unanswered may have removed records: read each, and
  // a piece gone by our own hand is simply sent again below.
  if (row.op === 'delete' && row.prior_attempts > 0) {
    for (const ref of [...have.values()]) {
      const g = await connector.get(ref.remoteId, entry.zone);
      if (!g.ok) return { ...w, error: g.error };
      if (g.value) continue;
      store.dropRef(entry.id, ref.key, accountId);
      have.delete(ref.key);
    }
  }

  const planned = row.planned ?? connector.pieces(entry);
  if (!planned.ok) return { ...w, error: planned.error };
  const pieces = planned.value;

  if (pieces.some((p) => !have.has(p.key)) && row.prior_attempts > 0) {
    const err = await recover(o, entry, pieces, have);
    if (err) return { ...w, error: err };
  }

  for (const piece of pieces) {
    const ref = have.get(piece.key);
    if (!ref || canonical(ref.snapshot) === canonical(piece.compare)) continue;
    // What the server holds now: listed by this pass's pull, else read by id (a record outside
    // the pull window). A change made there since our last sync is merged first, never overwritten.
    let held = o.seen?.get(ref.remoteId);
    if (!held) {
      const g = await connector.get(ref.remoteId, entry.zone);
      if (!g.ok) return { ...w, error: g.error };
      if (!g.value) return gone(o, w, ref.remoteId);
      held = g.value;
    }
    if (o.merge && canonical(held.comparable) !== canonical(ref.snapshot) && !replanned) {
      o.merge({ entry_id: entry.id, piece: ref.key, snapshot: ref.snapshot, base: ref.base }, held);
      const merged = store.entry(entry.id);
      return prepare(o, { ...row, entry: merged, planned: merged ? connector.pieces(merged) : null, prior_attempts: 0 }, true);
    }
    o.seen?.delete(ref.remoteId);
    const r = await connector.update(ref.remoteId, piece, entry, held);
    if (!r.ok && (r.error.status === 404 || r.error.status === 410)) return gone(o, w, ref.remoteId);
    if (!r.ok) return { ...w, error: r.error };
    const now = connector.echo(piece, entry.zone, held);
    store.saveRef(row.entry_id, accountId, { key: piece.key, remoteId: ref.remoteId }, now.comparable, remoteTerms(now, carriedFields(connector.capabilities)), o.now());
  }
  const wanted = new Set(pieces.map((p) => p.key));
  for (const ref of have.values()) {
    if (wanted.has(ref.key)) continue;
    const r = await connector.remove(ref.remoteId);
    if (!r.ok) return { ...w, error: r.error };
    store.dropRef(row.entry_id, ref.key, accountId);
  }
  w.creates = pieces.filter((p) => !have.has(p.key));
  return w;
}

/** What both sides agree on once the server holds `piece`, in the server's own precision: the next merge's base. */
function baseOf(o: PushOptions, entry: LocalEntry, piece: PieceBody, fields: readonly MergeField[]) {
  return remoteTerms(o.connector.echo(piece, entry.zone), fields);
}

function finish(o: PushOptions, w: Work, report: PushReport, out: Settlement): void {
  const row = w.row;
  if (w.gone) {
    out.releases.push({ row, message: 'deleted on the server: waiting for your choice' });
    report.attention++;
    return;
  }
  if (w.skipped) {
    out.releases.push({ row, message: 'not attempted: the pass stopped early' });
    report.retrying++;
    return;
  }
  const e = w.error;
  if (!e) {
    out.acks.push(row);
    report.acked++;
    return;
  }
  report.lastError = e;
  if (e.class === 'refused') {
    out.parks.push({ row, message: e.message });
    report.attention++;
  } else if (e.class === 'auth') {
    out.releases.push({ row, message: e.message });
    report.retrying++;
  } else {
    const wait = Math.max(e.retryAfterMs ?? 0, backoffDelay(row.prior_attempts + 1, o.backoff));
    out.retries.push({ row, dueAt: o.now() + wait, message: e.message });
    report.retrying++;
  }
}
