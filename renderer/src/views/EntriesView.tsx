/** The manual-entry form, the entries by day, and what acts on them: selection, account, history. */
import { useCallback, useMemo, useState } from 'react';
import { AssignBar } from '../components/AssignBar';
import { EntryForm } from '../components/EntryForm';
import { EntryList, type ListSelection } from '../components/EntryList';
import { HistoryPanel } from '../components/HistoryPanel';
import type { AppActions, AppState } from '../store';

export function EntriesView({ s }: { s: AppState & AppActions }) {
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [historyOf, setHistoryOf] = useState<string | null>(null);
  const select = useCallback((id: string, on: boolean) => setSelected((cur) => {
    const next = new Set(cur);
    if (on) next.add(id);
    else next.delete(id);
    return next;
  }), []);
  const sel: ListSelection = useMemo(() => ({ selected, select, openHistory: setHistoryOf }), [selected, select]);
  // Entries gone from the list (deleted, or out of range) leave the selection too.
  const shown = useMemo(() => new Set(s.entries.map((e) => e.id)), [s.entries]);
  const ids = [...selected].filter((id) => shown.has(id));
  const historyEntry = historyOf ? s.entries.find((e) => e.id === historyOf) : undefined;
  const closeHistory = () => {
    const id = historyOf;
    setHistoryOf(null);
    if (id) setTimeout(() => (document.querySelector(`[data-entry-id="${CSS.escape(id)}"]`) as HTMLElement | null)?.focus(), 0);
  };
  return (
    <>
      <details className="add">
        <summary>Add an entry by hand</summary>
        <EntryForm a={s} s={s} zone={s.zone} />
      </details>
      {ids.length > 0 && <AssignBar ids={ids} accounts={s.accounts} assign={s.setAccount} clear={() => setSelected(new Set())} />}
      <main className="entries">
        <EntryList entries={s.entries} a={s} zone={s.zone} sel={sel} />
        <div className="more-row">
          <button type="button" className="quiet more" onClick={() => void s.showEarlier(30)}>Show 30 earlier days</button>
        </div>
      </main>
      {historyEntry && <HistoryPanel e={historyEntry} a={s} zone={s.zone} close={closeHistory} />}
    </>
  );
}
