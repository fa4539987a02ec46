/**
 * Sync you can see: "Syncing…" while a pass runs; per account when it last synced, what waits and
 * why in words (offline, the server's rate limit until 14:05, paused because the token was
 * refused), how many need attention, and how long the queue takes to drain when the pacer knows;
 * "Sync now", shown disabled when this window runs without sync.
 */
import { useEffect, useState } from 'react';
import type { AccountSyncStatus } from '../../../shared/bridge';
import type { AppActions, AppState } from '../store';
import { Icon } from './Icon';
import { agoText, clockText, sentence } from './sync-words';

/** Re-renders once a minute, so "2 min ago" keeps true. */
function useMinute(): number {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), 30_000);
    return () => clearInterval(t);
  }, []);
  return now;
}

/** Why queued changes wait, in words; null when they simply go at the next pass. */
function waitReason(x: AccountSyncStatus, zone: string): string | null {
  if (x.state === 'offline') return 'offline';
  if (x.state === 'held') return x.held_until ? `waiting for the rate limit until ${clockText(x.held_until, zone)}` : 'waiting for the rate limit';
  if (x.state === 'paused') return `paused: ${x.last_error ?? 'the server refused the token'}`;
  if (x.state === 'error') return `last try failed${x.last_error ? `: ${x.last_error}` : ''}`;
  if (x.state === 'skipped') return `skipped${x.last_error ? `: ${x.last_error}` : ''}`;
  return null;
}

function AccountLine({ x, zone, now }: { x: AccountSyncStatus; zone: string; now: number }) {
  const why = waitReason(x, zone);
  const parts: string[] = [];
  if (x.pending) parts.push(`${x.pending} change${x.pending === 1 ? '' : 's'} to send`);
  // The rate limit's own sentence (held until …) repeats what `why` says; any other note is the drain time.
  const drain = x.state !== 'held' && x.note ? sentence(x.note) : null;
  return (
    <li className={`acct acct-${x.state}`} data-testid="account-status" data-state={x.state} title={x.last_error ?? undefined}>
      <span className="acct-name">{x.account}</span>
      <span className="muted" data-testid="last-synced">{x.last_success_at ? `synced ${agoText(x.last_success_at, now)}` : 'not synced yet'}</span>
      {parts.length > 0 && <span data-testid="queued">{parts.join(', ')}</span>}
      {why && <span className="acct-why" data-testid="queue-reason">{why}</span>}
      {x.attention > 0 && <span className="acct-attention" data-testid="attention-count">{x.attention} need{x.attention === 1 ? 's' : ''} attention</span>}
      {drain && <span className="muted" data-testid="account-note">{drain}</span>}
    </li>
  );
}

export function SyncBar({ s, a }: { s: AppState; a: AppActions }) {
  const now = useMinute();
  const accounts = s.sync?.accounts ?? [];
  const enabled = s.sync?.enabled !== false;
  const running = !!s.sync?.running;
  const cannot = !enabled ? 'Sync is off in this window (started without sync)' : accounts.length === 0 ? 'No account to sync with' : running ? 'Syncing now' : null;
  return (
    <footer className="syncbar" aria-label="Sync">
      <span className="syncing" role="status" data-testid="sync-activity">
        {running ? <><Icon name="sync" className="spin" /> Syncing…</> : !enabled ? <><Icon name="offline" /> Sync is off</> : !s.sync?.online ? <><Icon name="offline" /> Offline: changes wait on this computer</> : null}
      </span>
      {accounts.length === 0 ? (
        <span className="muted">No accounts: entries stay on this computer (add one in Settings, or with timetray accounts add).</span>
      ) : (
        <ul className="sync-accounts" aria-label="Accounts">
          {accounts.map((x) => <AccountLine key={x.account} x={x} zone={s.zone} now={now} />)}
        </ul>
      )}
      <button type="button" className="quiet sync-now" disabled={cannot !== null} title={cannot ?? 'Send and fetch changes now'} onClick={() => void a.syncNow()}>
        <Icon name="sync" /> Sync now
      </button>
    </footer>
  );
}
