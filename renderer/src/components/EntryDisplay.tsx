/**
 * One entry as the list shows it, on the shared column grid (styles/entries.css): select box,
 * description, project, tags, billable mark, times, duration, sync state, and the actions that
 * appear while the row is hovered or holds the focus (Continue, Edit, Delete; the sync icon opens
 * the entry's history). The row itself is one Tab stop; its keys: Enter edit, Delete delete,
 * c continue, h history, space select, ↑/↓ the next row.
 */
import { useState } from 'react';
import type { EntryView } from '../../../shared/entry';
import { clock, clockWithSeconds, duration } from '../format';
import type { AppActions } from '../store';
import { AttentionActions } from './AttentionActions';
import { Icon } from './Icon';
import { RowProject } from './RowProject';
import { SyncBadge, syncTitle } from './SyncBadge';
import type { RowSelection } from './EntryRow';

/** HH:MM:SS: beside what a rounding server holds, the typed seconds are the difference. */
const typed = (iso: string, zone: string) => clockWithSeconds(iso, zone);
const SHOWN_TAGS = 2;

/** ↑/↓ move between rows the way a list does; Tab goes into the row's own controls. */
function moveFocus(from: HTMLElement, step: 1 | -1) {
  const rows = [...document.querySelectorAll<HTMLElement>('[data-testid="entry"]')];
  rows[rows.indexOf(from) + step]?.focus();
}

/** After a delete the keyboard lands on the row that took its place (or the one before), else the list. */
async function removeKeepingFocus(a: AppActions, id: string, row: HTMLElement | null) {
  const rows = [...document.querySelectorAll<HTMLElement>('[data-testid="entry"]')];
  const at = row ? rows.indexOf(row) : -1;
  const next = (rows[at + 1] ?? rows[at - 1])?.dataset.entryId;
  await a.remove(id);
  const target = next ? document.querySelector<HTMLElement>(`[data-entry-id="${CSS.escape(next)}"]`) : null;
  (target ?? document.getElementById('entries'))?.focus();
}

export function EntryDisplay({ e, a, zone, sel, edit }: { e: EntryView; a: AppActions; zone: string; sel: RowSelection; edit(): void }) {
  const name = e.description || '(no description)';
  const from = clock(e.start, zone);
  const to = clock(e.end, zone);
  const range = e.held_as ? `${typed(e.start, zone)}–${typed(e.end, zone)}` : `${from}–${to}`;
  // The actions' icons are drawn only on the row in hand (under the pointer or holding the focus),
  // the only row that shows them: three SVGs on every row were a third of a scrolled frame's work.
  // The buttons themselves stay on every row, named, in the Tab order.
  const [pointer, setPointer] = useState(false);
  const [focus, setFocus] = useState(false);
  const inHand = pointer || focus;
  const attention = e.sync.state === 'attention';
  const extraTags = e.tags.length - SHOWN_TAGS;
  return (
    <div
      className="entry"
      role="listitem"
      tabIndex={0}
      aria-label={`${name}, ${from} to ${to}, ${duration(e.duration_seconds)}; ${syncTitle(e)}${e.held_as ? `; ${e.held_as.note}` : ''}`}
      data-testid="entry"
      data-entry-id={e.id}
      onPointerEnter={() => setPointer(true)}
      onPointerLeave={() => setPointer(false)}
      onFocus={() => setFocus(true)}
      onBlur={(f) => setFocus(f.currentTarget.contains(f.relatedTarget as Node | null))}
      onKeyDown={(k) => {
        if (k.target !== k.currentTarget) return;
        if (k.key === 'Enter') edit();
        else if (k.key === 'Delete' || k.key === 'Backspace') void removeKeepingFocus(a, e.id, k.currentTarget);
        else if (k.key === 'c') void a.continueEntry(e.id);
        else if (k.key === 'h') sel.openHistory(e.id);
        else if (k.key === 'ArrowDown' || k.key === 'ArrowUp') {
          k.preventDefault();
          moveFocus(k.currentTarget, k.key === 'ArrowDown' ? 1 : -1);
        } else if (k.key === ' ') {
          k.preventDefault();
          sel.select(e.id, !sel.selected);
        }
      }}
    >
      {/* The box and the sync button are grid cells themselves, not wrapped: fewer nodes per scrolled row. */}
      <input className="e-select" type="checkbox" aria-label={`Select ${name}`} checked={sel.selected} onChange={(x) => sel.select(e.id, x.target.checked)} />
      <span className="e-desc" data-testid="entry-description" title={e.description || undefined}>
        {e.description || <em className="muted">(no description)</em>}
      </span>
      <span className="e-meta">
        <span className="e-project"><RowProject e={e} /></span>
        <span className="e-tags" title={e.tags.length ? e.tags.map((t) => `#${t}`).join(' ') : undefined}>
          {e.tags.slice(0, SHOWN_TAGS).map((t) => <span key={t} className="tag">#{t}</span>)}
          {extraTags > 0 && <span className="tag more-tags">+{extraTags}<span className="sr-only"> more tags</span></span>}
        </span>
        <span className="e-bill" title={e.billable ? 'Billable' : 'Not billable'}>
          {e.billable ? <Icon name="billable" /> : null}
          <span className="sr-only">{e.billable ? 'billable' : 'not billable'}</span>
        </span>
        <span className="e-when when">{range}</span>
      </span>
      <span className="e-dur dur">{duration(e.duration_seconds)}</span>
      <button type="button" className="icon sync-button e-sync" onClick={() => sel.openHistory(e.id)}
        aria-label={`${syncTitle(e)}. History of ${name}${e.history_count ? ` (${e.history_count})` : ''}`}>
        <SyncBadge e={e} />
      </button>
      <span className="e-actions actions">
        <button type="button" className="icon" onClick={() => void a.continueEntry(e.id)} aria-label={`Continue ${e.description}`} title="Continue (c)">{inHand && <Icon name="play" />}</button>
        <button type="button" className="icon" onClick={edit} aria-label={`Edit ${e.description}`} title="Edit (Enter)">{inHand && <Icon name="edit" />}</button>
        {/* A row needing attention has its Delete among the ways out below: one Delete, not two. */}
        {!attention && (
          <button type="button" className="icon danger" onClick={(x) => void removeKeepingFocus(a, e.id, x.currentTarget.closest('[data-entry-id]'))} aria-label={`Delete ${e.description}`} title="Delete (Del)">{inHand && <Icon name="trash" />}</button>
        )}
      </span>
      {(e.held_as || e.local_only) && (
        <span className="e-notes">
          {e.held_as && <span className="held-as" data-testid="held-as" title={`${e.held_as.note}; this entry keeps the times you gave`}>{e.held_as.note}</span>}
          {e.local_only && <span className="local-only" data-testid="local-only" title={e.local_only.note}>{e.local_only.note}</span>}
        </span>
      )}
      {attention && <AttentionActions e={e} a={a} edit={edit} />}
    </div>
  );
}
