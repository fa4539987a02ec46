/** The manual-entry form and the entries by day. */
import { EntryForm } from '../components/EntryForm';
import { EntryList } from '../components/EntryList';
import type { AppActions, AppState } from '../store';

export function EntriesView({ s }: { s: AppState & AppActions }) {
  return (
    <>
      <details className="add">
        <summary>Add an entry by hand</summary>
        <EntryForm a={s} s={s} zone={s.zone} />
      </details>
      <main className="entries">
        <EntryList entries={s.entries} a={s} zone={s.zone} />
        <button type="button" className="quiet more" onClick={() => void s.showEarlier(30)}>Show 30 earlier days</button>
      </main>
    </>
  );
}
