/** The window: timer on top, the manual-entry form, the entries by day, sync at the bottom. */
import { useMemo } from 'react';
import { useStore } from 'zustand';
import { EntryForm } from './components/EntryForm';
import { EntryList } from './components/EntryList';
import { SyncBar } from './components/SyncBar';
import { TimerBar } from './components/TimerBar';
import { UndoToast } from './components/UndoToast';
import type { AppStore } from './store';

export function App({ store }: { store: AppStore }) {
  const s = useStore(store);
  const projects = useMemo(() => [...new Set(s.entries.map((e) => e.project_id).filter(Boolean))] as string[], [s.entries]);
  if (!s.ready) return <p className="muted">Loading…</p>;
  return (
    <div className="app">
      <TimerBar s={s} a={s} />
      <details className="add">
        <summary>Add an entry by hand</summary>
        <EntryForm a={s} zone={s.zone} />
      </details>
      {s.notice && (
        <p className="notice" role="alert">
          {s.notice} <button type="button" className="quiet" onClick={s.dismissNotice}>Dismiss</button>
        </p>
      )}
      <main className="entries">
        <EntryList entries={s.entries} a={s} zone={s.zone} />
        <button type="button" className="quiet more" onClick={() => void s.showEarlier(30)}>Show 30 earlier days</button>
      </main>
      <UndoToast s={s} a={s} />
      <SyncBar s={s} a={s} />
      <datalist id="projects">{projects.map((p) => <option key={p} value={p} />)}</datalist>
    </div>
  );
}
