/**
 * The verdict after a sequence has settled: the server AND the local list each equal what the
 * user meant. Every difference is listed, so a failure says what diverged, not just that.
 */
import type { Intent } from './intent';
import { serverView, viewKey } from './server-view';
import { ZONE, type System } from './system';

export function violations(sys: System, intent: Intent): string[] {
  const out: string[] = [];
  const live = [...intent.live.entries()];

  // The local list: each kept entry once, with the user's own fields to the second; nothing else.
  const local = sys.core.entries.list({});
  const seen = new Set<string>();
  for (const e of local) {
    const want = intent.live.get(e.id);
    if (!want) {
      out.push(`local list has an entry the user does not keep: ${e.id} "${e.description}" ${e.start}–${e.end} (${e.sync.state})`);
      continue;
    }
    seen.add(e.id);
    const got = { description: e.description, start: Date.parse(e.start), end: Date.parse(e.end), project_id: e.project_id ?? '' };
    for (const k of ['description', 'start', 'end', 'project_id'] as const) {
      if (got[k] !== want[k]) out.push(`local ${e.id}.${k} is ${fmt(k, got[k])}, the user made it ${fmt(k, want[k])}`);
    }
    const state = intent.localOnly.has(e.id) ? 'local' : 'synced';
    if (e.sync.state !== state) out.push(`local ${e.id} is ${e.sync.state} after settling, the user made it ${state}: ${e.sync.error ?? ''}`);
    const notes = sys.core.history.list(e.id);
    if (notes.length && !intent.remoteTouched.has(e.id)) out.push(`local ${e.id} has history with no conflict behind it: ${notes.map((n) => n.note).join('; ')}`);
  }
  for (const [id, f] of live) if (!seen.has(id)) out.push(`local list lost ${id} "${f.description}"`);

  // The server: each kept entry's records exactly once, in the server's precision; nothing else.
  const want = new Map<string, number>();
  for (const [id, f] of live) if (!intent.localOnly.has(id)) for (const r of serverView(sys.provider, f, ZONE)) want.set(viewKey(r), (want.get(viewKey(r)) ?? 0) + 1);
  const held = new Map<string, number>();
  for (const h of sys.server.held()) held.set(viewKey(h), (held.get(viewKey(h)) ?? 0) + 1);
  for (const k of new Set([...want.keys(), ...held.keys()])) {
    const a = want.get(k) ?? 0;
    const b = held.get(k) ?? 0;
    if (a !== b) out.push(`server holds ${b}× ${k}, the user kept ${a}×`);
  }

  // Nothing left owed or half-deleted.
  const owed = sys.core.db.prepare('SELECT count(*) AS n FROM outbox').get() as { n: number };
  if (owed.n) out.push(`${owed.n} outbox rows left after settling`);
  const tomb = sys.core.db.prepare('SELECT count(*) AS n FROM entries WHERE deleted_at IS NOT NULL').get() as { n: number };
  if (tomb.n) out.push(`${tomb.n} deleted entries still kept after settling`);
  return out;
}

function fmt(k: string, v: unknown): string {
  return (k === 'start' || k === 'end') && typeof v === 'number' ? new Date(v).toISOString() : JSON.stringify(v);
}
