/**
 * Where an entry stands with its server, as an icon: local, pending, synced, or needs attention.
 * The state's word is the element's text (visually hidden, read by screen readers); the hover
 * title says it in full, with the account. The reason for *needs attention* is not repeated here:
 * the row's attention panel says it once, uncut.
 */
import type { Entry } from '../../../shared/entry';
import { Icon, type IconName } from './Icon';

const LABEL = { local: 'local', pending: 'pending', synced: 'synced', attention: 'needs attention' } as const;
const ICON: Record<keyof typeof LABEL, IconName> = { local: 'local', pending: 'pending', synced: 'check', attention: 'attention' };

export function syncTitle(e: Entry): string {
  const s = e.sync.state;
  if (!e.account) return 'Local: kept on this computer only';
  if (s === 'pending') return `Pending: waiting to be sent to ${e.account}`;
  if (s === 'synced') return `Synced with ${e.account}`;
  if (s === 'attention') return `Needs attention on ${e.account}${e.sync.error ? `: ${e.sync.error}` : ''}`;
  return `Local: not sent to ${e.account}`;
}

export function SyncBadge({ e }: { e: Entry }) {
  const s = e.sync.state;
  return (
    <span className={`sync-icon sync-${s}`} data-testid="sync-badge" data-state={s} title={syncTitle(e)}>
      <Icon name={ICON[s]} />
      <span className="sr-only">{LABEL[s]}</span>
    </span>
  );
}
