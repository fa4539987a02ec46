/** After a delete: Undo (or Ctrl/Cmd+Z) brings the entry back for a while. */
import { useEffect } from 'react';
import type { AppActions, AppState } from '../store';

const UNDO_MS = 10_000;

export function UndoToast({ s, a }: { s: AppState; a: AppActions }) {
  const e = s.undo;
  useEffect(() => {
    if (!e) return;
    const onKey = (k: KeyboardEvent) => {
      const typing = k.target instanceof HTMLInputElement;
      if ((k.ctrlKey || k.metaKey) && k.key === 'z' && !typing) {
        k.preventDefault();
        void a.undoRemove();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [e, a]);
  useEffect(() => {
    if (!e) return;
    const t = setTimeout(() => a.dismissUndo(), UNDO_MS);
    return () => clearTimeout(t);
  }, [e, a]);
  if (!e) return null;
  return (
    <div className="toast" role="status">
      Deleted “{e.description || '(no description)'}”.
      <button type="button" onClick={() => void a.undoRemove()}>Undo</button>
    </div>
  );
}
