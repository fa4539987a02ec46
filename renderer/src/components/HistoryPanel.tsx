/**
 * An entry's history: each value a sync merge replaced or outvoted, where it was made, when, and
 * a Restore that brings it back as an ordinary edit (queued for sync). Esc closes; focus starts on
 * the first Restore and returns to the entry when the panel closes.
 */
import { useEffect, useRef, useState } from 'react';
import type { EntryView, HistoryItem } from '../../../shared/entry';
import { localDateOf } from '../../../shared/time';
import { clock, duration, tagsToText } from '../format';
import type { AppActions } from '../store';

function valueText(field: string, v: unknown, zone: string): string {
  if ((field === 'start' || field === 'end') && typeof v === 'string') return `${localDateOf(Date.parse(v), zone)} ${clock(v, zone)}`;
  if (field === 'duration' && typeof v === 'number') return duration(v);
  if (field === 'tags' && Array.isArray(v)) return v.length ? tagsToText(v as string[]) : '(no tags)';
  if (v === null || v === '') return '(empty)';
  if (typeof v === 'boolean') return v ? 'yes' : 'no';
  return typeof v === 'string' ? `“${v}”` : String(v);
}

/** Tab and Shift+Tab cycle through the panel's buttons: focus never wanders to the list behind it. */
function keepFocusInside(panel: HTMLElement | null, k: React.KeyboardEvent) {
  const buttons = panel ? [...panel.querySelectorAll<HTMLElement>('button')] : [];
  if (!buttons.length) return;
  const at = buttons.indexOf(document.activeElement as HTMLElement);
  const next = k.shiftKey ? (at <= 0 ? buttons.length - 1 : at - 1) : (at === -1 || at === buttons.length - 1 ? 0 : at + 1);
  k.preventDefault();
  buttons[next]!.focus();
}

const FIELD: Record<string, string> = {
  description: 'Description', project_id: 'Project', task_id: 'Task', client_id: 'Client', tags: 'Tags',
  billable: 'Billable', start: 'Start', end: 'End', duration: 'Duration',
};

export function HistoryPanel({ e, a, zone, close }: { e: EntryView; a: AppActions; zone: string; close(): void }) {
  const [items, setItems] = useState<HistoryItem[] | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const panel = useRef<HTMLDivElement>(null);

  useEffect(() => {
    let live = true;
    void a.history(e.id).then((h) => live && setItems(h));
    return () => {
      live = false;
    };
  }, [a, e.id, e.history_count]);
  useEffect(() => {
    if (items) (panel.current?.querySelector('button[data-restore]') as HTMLElement | null ?? panel.current?.querySelector('button'))?.focus();
  }, [items]);

  async function restore(h: HistoryItem) {
    const problems = await a.restoreHistory(e.id, h.id);
    setMessage(problems ? problems.map((i) => `${i.field}: ${i.rule}`).join('; ') : `Restored ${Object.keys(h.fields).map((f) => FIELD[f] ?? f).join(', ').toLowerCase()}; the change is queued for sync.`);
  }

  return (
    <div className="overlay" onKeyDown={(k) => {
      if (k.key === 'Escape') close();
      else if (k.key === 'Tab') keepFocusInside(panel.current, k);
    }}>
      <div ref={panel} role="dialog" aria-modal="true" aria-labelledby="history-title" className="dialog history" data-testid="history-panel">
        <h2 id="history-title">History of “{e.description || '(no description)'}”</h2>
        {e.local_only && <p className="muted" data-testid="history-local-only">{e.local_only.note}.</p>}
        {items === null ? <p className="muted">Loading…</p> : items.length === 0 ? (
          <p className="muted">No sync merge has replaced any of its values.</p>
        ) : (
          <ol className="history-list" aria-label="Values that lost">
            {items.map((h) => (
              <li key={h.id} data-testid="history-item">
                <div>
                  {Object.entries(h.fields).map(([f, v]) => <div key={f}><strong>{FIELD[f] ?? f}</strong>: {valueText(f, v, zone)}</div>)}
                  <div className="muted">
                    Made {h.lost_from === 'server' ? 'on the server' : 'on this computer'}; replaced {localDateOf(Date.parse(h.at), zone)} {clock(h.at, zone)}. {h.note}
                  </div>
                </div>
                <button type="button" data-restore onClick={() => void restore(h)} aria-label={`Restore ${Object.entries(h.fields).map(([f, v]) => `${FIELD[f] ?? f} ${valueText(f, v, zone)}`).join(', ')}`}>Restore</button>
              </li>
            ))}
          </ol>
        )}
        {message && <p role="status">{message}</p>}
        <div className="row"><button type="button" className="quiet" onClick={close}>Close</button></div>
      </div>
    </div>
  );
}
