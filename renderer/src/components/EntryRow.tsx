/**
 * One entry in the list's positioned row: shown (EntryDisplay: the row's look and keys), or edited
 * in place (Enter saves, Esc cancels).
 */
import { memo, useState } from 'react';
import type { EntryView } from '../../../shared/entry';
import type { AppActions } from '../store';
import { EntryEditor } from './EntryEditor';
import { EntryDisplay } from './EntryDisplay';

export interface RowSelection {
  selected: boolean;
  select(id: string, on: boolean): void;
  openHistory(id: string): void;
}

/** A row with nothing under its line (no notes, no attention panel): most rows, and all of one height. */
const plain = (e: EntryView) => !e.held_as && !e.local_only && e.sync.state !== 'attention';

interface RowProps {
  e: EntryView;
  a: AppActions;
  zone: string;
  sel: RowSelection;
  /** Where the list puts the row. */
  index: number;
  start: number;
  /** A wide list gives a plain row the stylesheet's fixed height (entries.css): it is not measured. */
  fixed: boolean;
  measure(el: Element | null): void;
}

/** Memoized: while scrolling, rows that stay on screen do not render again. */
export const EntryRow = memo(function EntryRow({ e, a, zone, sel, index, start, fixed, measure }: RowProps) {
  const [editing, setEditing] = useState(false);
  // Saved or cancelled, the keyboard goes back to the row it was editing, never to <body>.
  const done = () => {
    setEditing(false);
    setTimeout(() => document.querySelector<HTMLElement>(`[data-entry-id="${CSS.escape(e.id)}"]`)?.focus(), 0);
  };
  // 'entry': one line, the stylesheet's fixed height, not measured. Measured: 'folded' (a narrow
  // list's two lines, which may wrap), and 'tall' (being edited, or with notes or ways out).
  const kind = editing || !plain(e) ? 'tall' : fixed ? 'entry' : 'folded';
  return (
    <div data-index={index} ref={kind === 'entry' ? undefined : measure} className="row" data-kind={kind}
      style={{ position: 'absolute', top: 0, left: 0, right: 0, transform: `translateY(${start}px)` }}>
      {editing ? <EntryEditor e={e} a={a} zone={zone} done={done} /> : <EntryDisplay e={e} a={a} zone={zone} sel={sel} edit={() => setEditing(true)} />}
    </div>
  );
});
