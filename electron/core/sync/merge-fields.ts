/**
 * Field-by-field three-way merge between our entry, the remote record and the state both last
 * agreed on (the base). Changed only here → keep ours (the push sends it); changed only there →
 * take theirs; changed on both sides to different values → the newer edit wins and the other
 * value goes to the entry's history.
 */
import type { Capabilities, LocalEntry, RemoteRecord } from './connector';
import { canonical } from './util';

export type MergeField = 'description' | 'project_id' | 'task_id' | 'client_id' | 'billable' | 'tags' | 'start' | 'end' | 'duration';
export type Terms = Partial<Record<MergeField, unknown>>;

/** The fields this API carries, in our terms. Date-only APIs carry a duration, not times. */
export function carriedFields(c: Capabilities): MergeField[] {
  const f: MergeField[] = ['description', 'project_id', 'task_id', 'client_id', 'billable'];
  if (c.tags) f.push('tags');
  f.push(...(c.timeOfDay ? (['start', 'end'] as const) : (['duration'] as const)));
  return f.filter((x) => !c.localOnlyFields.includes(x));
}

export function localTerms(e: Pick<LocalEntry, 'description' | 'project_id' | 'task_id' | 'client_id' | 'billable' | 'tags' | 'start' | 'end'>, fields: readonly MergeField[], pieceSeconds?: number): Terms {
  const all: Terms = {
    description: e.description, project_id: e.project_id, task_id: e.task_id, client_id: e.client_id,
    billable: e.billable, tags: e.tags, start: e.start, end: e.end,
    duration: pieceSeconds ?? Math.round((e.end - e.start) / 1000),
  };
  return Object.fromEntries(fields.map((f) => [f, all[f]]));
}

export function remoteTerms(r: RemoteRecord, fields: readonly MergeField[]): Terms {
  const all: Terms = {
    description: r.description, project_id: r.project_id, task_id: r.task_id, client_id: r.client_id,
    billable: r.billable, tags: r.tags, start: r.start, end: r.end, duration: Math.round((r.end - r.start) / 1000),
  };
  // A field the record does not report (null where the API has no such value) is not a change.
  return Object.fromEntries(fields.filter((f) => all[f] !== null || f.endsWith('_id')).map((f) => [f, all[f]]));
}

export interface MergeResult {
  /** Fields to write into our entry. */
  take: Terms;
  /** Fields where both sides changed: who won, and the losing value kept in history. */
  conflicts: { field: MergeField; winner: 'local' | 'remote'; lost: unknown }[];
  /** True when our side still has changes the server lacks. */
  localAhead: boolean;
}

export function mergeTerms(base: Terms, local: Terms, remote: Terms, remoteIsNewer: boolean): MergeResult {
  const same = (a: unknown, b: unknown) => canonical(a) === canonical(b);
  const out: MergeResult = { take: {}, conflicts: [], localAhead: false };
  for (const f of Object.keys(remote) as MergeField[]) {
    const hasBase = f in base;
    const lChanged = hasBase ? !same(local[f], base[f]) : false;
    const rChanged = hasBase ? !same(remote[f], base[f]) : !same(remote[f], local[f]);
    if (!rChanged) {
      if (lChanged) out.localAhead = true;
      continue;
    }
    if (!lChanged || same(local[f], remote[f])) {
      if (!same(local[f], remote[f])) out.take[f] = remote[f];
      continue;
    }
    if (remoteIsNewer) {
      out.take[f] = remote[f];
      out.conflicts.push({ field: f, winner: 'remote', lost: local[f] });
    } else {
      out.localAhead = true;
      out.conflicts.push({ field: f, winner: 'local', lost: remote[f] });
    }
  }
  return out;
}
