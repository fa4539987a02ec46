/**
 * One push pass for one account: lease due outbox rows, make the server match each entry, then
 * acknowledge or fail each row. See store.ts for the states a row moves through.
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
import type { Connector, LocalEntry, PieceBody } from './connector';
import type { SyncError } from './errors';
import { carriedFields, localTerms } from './merge-fields';
import type { LeasedRow, Settlement, SyncStore } from './store';
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
  entry: LocalEntry | null;
  creates: PieceBody[];
  error?: SyncError;
  /** Not attempted because the pass stopped early (offline, auth). */
  skipped?: boolean;
}

export async function pushOnce(o: PushOptions): Promise<PushReport> {
  const rows = o.store.lease(o.accountId, o.now(), o.batchSize, o.leaseMs);
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
  await mapLimit(chunk(pending, bulk), bulk > 1 ? 1 : o.concurrency, async (group) => {
    const live = group.filter(({ w }) => !w.error && !stop);
    if (!live.length) {
      for (const { w } of group) if (!w.error) w.skipped = true;
      return;
    }
    const results = await o.connector.create(live.map(({ w, piece }) => ({ entryId: w.row.entry_id, piece })));
    results.forEach((r, i) => {
      const { w, piece } = live[i]!;
      if (r.ok) settlement.refs.push({ entryId: w.row.entry_id, ref: { key: piece.key, remoteId: r.value }, snapshot: piece.compare, base: baseOf(o, w.entry!, piece) });
      else {
        w.error ??= r.error;
        halt(r.error);
      }
    });
  });

  for (const w of work) finish(o, w, report, settlement);
  o.store.settle(o.accountId, o.now(), settlement);
  return report;
}

async function prepare(o: PushOptions, row: LeasedRow): Promise<Work> {
  const { store, connector, accountId } = o;
  const entry = store.entry(row.entry_id);
  const w: Work = { row, entry, creates: [] };
  if (!entry) return w;
  const refs = store.refs(row.entry_id);

  // The entry's state decides, not the row's op: an undone delete must not reach the server.
  if (entry.deleted) {
    for (const ref of refs) {
      const r = await connector.remove(ref.remoteId);
      if (!r.ok) return { ...w, error: r.error };
      store.dropRef(row.entry_id, ref.key);
    }
    return w;
  }

  const planned = connector.pieces(entry);
  if (!planned.ok) return { ...w, error: planned.error };
  const pieces = planned.value;
  const have = new Map(refs.map((r) => [r.key, r]));

  let missing = pieces.filter((p) => !have.has(p.key));
  if (missing.length && row.prior_attempts > 0) {
    const found = await connector.lookup(entry, missing, store.takenRemoteIds(accountId, row.entry_id));
    if (!found.ok) return { ...w, error: found.error };
    for (const ref of found.value) {
      // The fields it holds are not known for sure: an empty snapshot makes step 2 send ours.
      store.saveRef(row.entry_id, accountId, ref, {}, {}, o.now());
      have.set(ref.key, { ...ref, snapshot: {}, base: {} });
    }
    missing = pieces.filter((p) => !have.has(p.key));
  }

  for (const piece of pieces) {
    const ref = have.get(piece.key);
    if (!ref || canonical(ref.snapshot) === canonical(piece.compare)) continue;
    const r = await connector.update(ref.remoteId, piece, entry);
    if (!r.ok) return { ...w, error: r.error };
    store.saveRef(row.entry_id, accountId, { key: piece.key, remoteId: ref.remoteId }, piece.compare, baseOf(o, entry, piece), o.now());
  }
  const wanted = new Set(pieces.map((p) => p.key));
  for (const ref of have.values()) {
    if (wanted.has(ref.key)) continue;
    const r = await connector.remove(ref.remoteId);
    if (!r.ok) return { ...w, error: r.error };
    store.dropRef(row.entry_id, ref.key);
  }
  return { ...w, creates: missing };
}

/** What both sides agree on once the server holds `piece`: the next merge's base. */
function baseOf(o: PushOptions, entry: LocalEntry, piece: PieceBody) {
  return localTerms(entry, carriedFields(o.connector.capabilities), piece.seconds);
}

function finish(o: PushOptions, w: Work, report: PushReport, out: Settlement): void {
  const row = w.row;
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
