/** The calendar's small parts: the new-entry box a drag opens, and its own Undo toast. */
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { localDateOf } from '../../../shared/time';
import { clockText, duration } from '../format';
import type { CalendarUndo } from './use-calendar';

const UNDO_MS = 10_000;

/** What was dragged, said in words, with a description to type; Enter adds it, Esc lets it go. */
export function NewEntryDraft({ span, zone, create, close, message }: {
  span: { start: number; end: number }; zone: string; message: string | null;
  create(input: { description: string; start: number; end: number }): Promise<boolean>; close(): void;
}) {
  const [description, setDescription] = useState('');
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => input.current?.focus(), [span]);
  const next = localDateOf(span.end, zone) !== localDateOf(span.start, zone);
  const when = `${localDateOf(span.start, zone)}, ${clockText(span.start, zone)}–${clockText(span.end, zone)}${next ? ' (next day)' : ''} · ${duration((span.end - span.start) / 1000)}`;
  async function submit(e: FormEvent) {
    e.preventDefault();
    if (await create({ description, ...span })) close();
  }
  return (
    <form className="cal-draft" role="dialog" aria-label="New entry" onSubmit={(e) => void submit(e)}
      onKeyDown={(e) => e.key === 'Escape' && close()}>
      <p className="cal-draft-when" data-testid="cal-draft-when">{when}</p>
      <label className="cal-draft-field">
        <span>Description</span>
        <input ref={input} aria-label="New entry description" value={description} onChange={(e) => setDescription(e.target.value)} />
      </label>
      {message && <p className="error" role="alert">{message}</p>}
      <span className="row">
        <button type="submit">Add entry</button>
        <button type="button" className="quiet" onClick={close}>Cancel</button>
      </span>
    </form>
  );
}

/** The last calendar change, with Undo (or Ctrl/Cmd+Z) for a while: like the list's toast. */
export function CalendarUndoToast({ undo, run, dismiss }: { undo: CalendarUndo | null; run(): Promise<void>; dismiss(): void }) {
  useEffect(() => {
    if (!undo) return;
    const onKey = (k: KeyboardEvent) => {
      if ((k.ctrlKey || k.metaKey) && k.key === 'z' && !(k.target instanceof HTMLInputElement)) {
        k.preventDefault();
        void run();
      }
    };
    const t = setTimeout(dismiss, UNDO_MS);
    window.addEventListener('keydown', onKey);
    return () => {
      clearTimeout(t);
      window.removeEventListener('keydown', onKey);
    };
  }, [undo, run, dismiss]);
  if (!undo) return null;
  return (
    <div className="toast" role="status" data-testid="cal-undo-toast">
      <span className="toast-text">{undo.text}</span>
      <button type="button" onClick={() => void run()}>Undo</button>
    </div>
  );
}
