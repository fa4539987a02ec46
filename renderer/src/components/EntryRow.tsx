/**
 * One entry: shown (EntryDisplay: the row's look and keys), or edited in place (Enter saves, Esc
 * cancels).
 */
import { memo, useState } from 'react';
import type { EntryView } from '../../../shared/entry';
import type { AppActions } from '../store';
import { EntryEditor } from './EntryEditor';
import { EntryDisplay } from './EntryDisplay';

/** Memoized: while scrolling, rows that stay on screen do not render again. */
export interface RowSelection {
  selected: boolean;
  select(id: string, on: boolean): void;
  openHistory(id: string): void;
}

export const EntryRow = memo(function EntryRow({ e, a, zone, sel }: { e: EntryView; a: AppActions; zone: string; sel: RowSelection }) {
  const [editing, setEditing] = useState(false);
  // Saved or cancelled, the keyboard goes back to the row it was editing, never to <body>.
  const done = () => {
    setEditing(false);
    setTimeout(() => document.querySelector<HTMLElement>(`[data-entry-id="${CSS.escape(e.id)}"]`)?.focus(), 0);
  };
  if (editing) return <EntryEditor e={e} a={a} zone={zone} done={done} />;
  return <EntryDisplay e={e} a={a} zone={zone} sel={sel} edit={() => setEditing(true)} />;
});
