/** Human-readable lines for the terminal. `--json` output never passes through here. */
import type { Account, Entry, EntryView, HistoryItem, QueueReport, RunningTimer } from '../../shared/entry';
import type { SyncReport } from '../core/sync/engine';
import { formatDuration, localClockOf, localDateOf } from '../../shared/time';
import { wayOutLines, type WayOut } from './ways-out';

function extras(e: { project_id: string | null; task_id: string | null; client_id: string | null; tags: string[]; billable: boolean }): string {
  const parts: string[] = [];
  if (e.project_id) parts.push(`project ${e.project_id}`);
  if (e.task_id) parts.push(`task ${e.task_id}`);
  if (e.client_id) parts.push(`client ${e.client_id}`);
  if (e.tags.length) parts.push(e.tags.map((t) => `#${t}`).join(' '));
  if (!e.billable) parts.push('non-billable');
  return parts.join('  ');
}

/** `view` adds a short mark of the fields that stay on this computer (`show` gives the whole note). */
/** …and, where its server rounds what was typed, what the server holds (`held: 09:00–10:31`). */
export function entryLine(e: Entry, zone: string, view?: Pick<EntryView, 'local_only' | 'history_count'> & Partial<Pick<EntryView, 'held_as'>>,
  seconds = !!view?.held_as): string {
  const start = Date.parse(e.start);
  const end = Date.parse(e.end);
  const endDate = localDateOf(end, zone);
  const startDate = localDateOf(start, zone);
  // Beside what a rounding server holds, the seconds the user typed are what differs: show them.
  const at = (ms: number) => (seconds ? `${localClockOf(ms, zone)}:${String(new Date(ms).getUTCSeconds()).padStart(2, '0')}` : localClockOf(ms, zone));
  const span = `${startDate} ${at(start)}–${endDate !== startDate ? `${endDate} ` : ''}${at(end)}`;
  const sync = e.account ? `${e.account}:${e.sync.state}` : 'local';
  const desc = e.description || '(no description)';
  const more = extras(e);
  const err = e.sync.error ? `\n    ! ${e.sync.error}` : '';
  const local = view?.local_only ? `  (local only: ${view.local_only.fields.map((f) => (f === 'time_of_day' ? 'times' : f.replace(/_id$/, ''))).join(', ')})` : '';
  const hist = view?.history_count ? `  (history: ${view.history_count})` : '';
  const held = view?.held_as ? `  (held: ${view.held_as.summary})` : '';
  return `${e.id}  ${span}  ${formatDuration(e.duration_seconds).padStart(6)}  ${desc}${more ? `  ${more}` : ''}  [${sync}]${held}${local}${hist}${err}`;
}

function valueText(field: string, v: unknown, zone: string): string {
  if ((field === 'start' || field === 'end') && typeof v === 'string') {
    const t = Date.parse(v);
    return `${localDateOf(t, zone)} ${localClockOf(t, zone)}`;
  }
  if (field === 'duration' && typeof v === 'number') return formatDuration(v);
  if (field === 'tags' && Array.isArray(v)) return v.length ? v.map((t) => `#${t}`).join(' ') : '(no tags)';
  if (v === null || v === '') return '(empty)';
  return typeof v === 'string' ? JSON.stringify(v) : String(v);
}

/** Each item: its number (for --restore), when, where the losing value was made, the value, why. */
export function historyText(items: readonly HistoryItem[], zone: string): string {
  return items.map((h) => {
    const t = Date.parse(h.at);
    const values = Object.entries(h.fields).map(([f, v]) => `${f} ${valueText(f, v, zone)}`).join(', ');
    const where = h.lost_from === 'server' ? 'on the server' : 'on this computer';
    return `#${h.id}  ${localDateOf(t, zone)} ${localClockOf(t, zone)}  lost: ${values} (made ${where})\n    ${h.note}`;
  }).join('\n');
}

export function runningLine(t: RunningTimer, zone: string): string {
  const start = Date.parse(t.start);
  const more = extras(t);
  return (
    `running: ${t.description || '(no description)'}  since ${localDateOf(start, zone)} ${localClockOf(start, zone)}` +
    `  (${formatDuration(t.elapsed_seconds)})${more ? `  ${more}` : ''}${t.account ? `  → ${t.account}` : ''}`
  );
}

export function accountLine(a: Account): string {
  const ctx = Object.entries(a.context).map(([k, v]) => `${k}=${v}`).join(' ');
  const token = a.token_env ? `token from $${a.token_env}` : a.has_stored_secret ? 'token stored' : 'no token';
  return `${a.is_default ? '*' : ' '} ${a.name}  ${a.provider}  ${a.base_url}${ctx ? `  ${ctx}` : ''}  (${token})`;
}

/** Each entry needing attention with why, and the commands that get it out when `ways_out` is given. */
export function queueText(q: QueueReport & { attention: (Entry & { ways_out?: WayOut[] })[] }, zone: string): string {
  const out: string[] = [];
  if (q.queued.length === 0) out.push('queue: empty');
  else {
    out.push(`queued: ${q.queued.length}`);
    for (const i of q.queued) {
      out.push(`  ${i.op.padEnd(6)} ${i.entry_id} → ${i.account}  attempts ${i.attempts}${i.last_error ? `  last error: ${i.last_error}` : ''}`);
    }
  }
  if (q.attention.length) {
    out.push(`needs attention: ${q.attention.length}`);
    for (const e of q.attention) out.push(`  ${entryLine(e, zone)}`, ...(e.ways_out ? wayOutLines(e, e.ways_out) : []));
  }
  for (const d of q.drain ?? []) out.push(`${d.account}: ${d.text}`);
  return out.join('\n');
}

export function syncText(r: SyncReport): string {
  if (!r.accounts.length) return 'no accounts: nothing to sync (add one: timetray accounts add)';
  return r.accounts
    .map((a) => {
      const pulled = a.pulled.added || a.pulled.updated ? `, pulled ${a.pulled.added} new and ${a.pulled.updated} changed` : '';
      const conflicts = a.pulled.conflicts ? `, ${a.pulled.conflicts} conflicts (kept in history)` : '';
      const attention = a.attention ? `, ${a.attention} need attention (timetray queue)` : '';
      const skipped = a.pulled.skipped.map((s) => `\n  skipped remote ${s.remoteId}: ${s.reason}`).join('');
      const queued = `${a.pending} queued${attention}`;
      if (a.state === 'skipped') return `${a.account} (${a.provider}): ${a.error}; ${queued}`;
      if (a.state === 'held') return `${a.account} (${a.provider}): ${a.note}; ${queued}`;
      return `${a.account} (${a.provider}): ${a.state}; sent ${a.pushed}, ${queued}${pulled}${conflicts}` +
        `${a.error ? `\n  last error: ${a.error}` : ''}${a.note ? `\n  ${a.note}` : ''}${skipped}`;
    })
    .join('\n');
}
