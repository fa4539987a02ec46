/** After a delete or a discarded timer: Undo (or Ctrl/Cmd+Z) brings it back for a while. */
import { useEffect } from 'react';
import type { AppActions, AppState } from '../store';

const UNDO_MS = 10_000;

export function UndoToast({ s, a }: { s: AppState; a: AppActions }) {
  const deleted = s.undo;
  const discarded = s.discarded;
  const what = deleted ?? discarded;
  const undo = deleted ? a.undoRemove : a.undoDiscard;
  useEffect(() => {
    if (!what) return;
    const onKey = (k: KeyboardEvent) => {
      const typing = k.target instanceof HTMLInputElement;
      if ((k.ctrlKey || k.metaKey) && k.key === 'z' && !typing) {
        k.preventDefault();
        void undo();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [what, undo]);
  useEffect(() => {
    if (!what) return;
    const t = setTimeout(() => a.dismissUndo(), UNDO_MS);
    return () => clearTimeout(t);
  }, [what, a]);
  if (!what) return null;
  const name = what.description || '(no description)';
  return (
    <div className="toast" role="status" data-testid="undo-toast">
      <span className="toast-text">{deleted ? `Deleted “${name}”.` : `Discarded the timer “${name}”.`}</span>
      <button type="button" onClick={() => void undo()}>Undo</button>
    </div>
  );
}
