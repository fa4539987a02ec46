/** Entries as the window and `timetray show` present them: what stays local, how much history. */
import type { Entry, EntryView, Provider } from '../../shared/entry';
import type { Core } from '.';
import { localOnlyOf } from './sync/capabilities';

export function entryViews(core: Pick<Core, 'accounts' | 'history'>, entries: readonly Entry[]): EntryView[] {
  const providers = new Map<string, Provider>(core.accounts.list().map((a) => [a.name, a.provider]));
  const counts = entries.length ? core.history.counts() : new Map<string, number>();
  return entries.map((e) => {
    const p = e.account ? providers.get(e.account) : undefined;
    return { ...e, local_only: p ? localOnlyOf(p, e) : null, history_count: counts.get(e.id) ?? 0 };
  });
}
