/** Human-readable lines for the terminal. `--json` output never passes through here. */
import type { Account, Entry, QueueReport, RunningTimer } from '../../shared/entry';
import type { SyncReport } from '../core/sync/engine';
import { formatDuration, localClockOf, localDateOf } from '../../shared/time';

function extras(e: { project_id: string | null; task_id: string | null; client_id: string | null; tags: string[]; billable: boolean }): string {
  const parts: string[] = [];
  if (e.project_id) parts.push(`project ${e.project_id}`);
  if (e.task_id) parts.push(`task ${e.task_id}`);
  if (e.client_id) parts.push(`client ${e.client_id}`);
  if (e.tags.length) parts.push(e.tags.map((t) => `#${t}`).join(' '));
  if (!e.billable) parts.push('non-billable');
  return parts.join('  ');
}

export function entryLine(e: Entry, zone: string): string {
  const start = Date.parse(e.start);
  const end = Date.parse(e.end);
  const endDate = localDateOf(end, zone);
  const startDate = localDateOf(start, zone);
  const span = `${startDate} ${localClockOf(start, zone)}–${endDate !== startDate ? `${endDate} ` : ''}${localClockOf(end, zone)}`;
  const sync = e.account ? `${e.account}:${e.sync.state}` : 'local';
  const desc = e.description || '(no description)';
  const more = extras(e);
  const err = e.sync.error ? `\n    ! ${e.sync.error}` : '';
  return `${e.id}  ${span}  ${formatDuration(e.duration_seconds).padStart(6)}  ${desc}${more ? `  ${more}` : ''}  [${sync}]${err}`;
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

export function queueText(q: QueueReport, zone: string): string {
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
    for (const e of q.attention) out.push(`  ${entryLine(e, zone)}`);
  }
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
      return `${a.account} (${a.provider}): ${a.state}; sent ${a.pushed}, ${a.pending} queued${attention}${pulled}${conflicts}` +
        `${a.error ? `\n  last error: ${a.error}` : ''}${skipped}`;
    })
    .join('\n');
}
