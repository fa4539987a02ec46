/** Where an entry stands with its server: local, pending, synced, or needs attention (with why). */
import type { Entry } from '../../../shared/entry';

const LABEL = { local: 'local', pending: 'pending', synced: 'synced', attention: 'needs attention' } as const;

export function SyncBadge({ e }: { e: Entry }) {
  const s = e.sync.state;
  return (
    <span className={`badge badge-${s}`} data-testid="sync-badge" title={e.sync.error ?? (e.account ? `${LABEL[s]} · ${e.account}` : 'kept on this computer only')}>
      {LABEL[s]}
      {s === 'attention' && e.sync.error && <span className="badge-why">: {e.sync.error}</span>}
    </span>
  );
}
