/** Each account's sync state, and "Sync now". */
import type { AppActions, AppState } from '../store';

export function SyncBar({ s, a }: { s: AppState; a: AppActions }) {
  const accounts = s.sync?.accounts ?? [];
  const pending = s.entries.filter((e) => e.sync.state === 'pending').length;
  return (
    <footer className="syncbar" aria-label="Sync">
      {accounts.length === 0 ? (
        <span className="muted">No accounts: entries stay on this computer (add one in Settings, or with timetray accounts add).</span>
      ) : (
        accounts.map((x) => (
          <span key={x.account} className={`acct acct-${x.state}`} data-testid="account-status" title={x.last_error ?? ''}>
            {x.account}: {x.state}{x.pending ? `, ${x.pending} queued` : ''}{x.attention ? `, ${x.attention} need attention` : ''}
            {x.state === 'skipped' && x.last_error ? ` (${x.last_error})` : ''}
            {x.note ? <span className="muted" data-testid="account-note"> — {x.note}</span> : null}
          </span>
        ))
      )}
      {pending > 0 && <span className="muted">{pending} shown pending</span>}
      {!s.sync?.online && <span className="acct acct-offline">offline</span>}
      <button type="button" className="quiet" disabled={accounts.length === 0 || s.sync?.running} onClick={() => void a.syncNow()}>Sync now</button>
    </footer>
  );
}
