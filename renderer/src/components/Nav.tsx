/** The window's views; Alt+1…4 switch from anywhere. */
import { useEffect } from 'react';
import type { View } from '../store';

const VIEWS: { id: View; label: string }[] = [
  { id: 'entries', label: 'Entries' },
  { id: 'reports', label: 'Reports' },
  { id: 'settings', label: 'Settings' },
  { id: 'calendar', label: 'Calendar' },
];

export function Nav({ view, setView }: { view: View; setView(v: View): void }) {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const i = e.altKey && !e.ctrlKey && !e.metaKey ? ['1', '2', '3', '4'].indexOf(e.key) : -1;
      if (i >= 0) {
        e.preventDefault();
        setView(VIEWS[i]!.id);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [setView]);
  return (
    <nav className="nav" aria-label="Views">
      {VIEWS.map((v, i) => (
        <button key={v.id} type="button" className={view === v.id ? 'tab active' : 'tab'} aria-current={view === v.id ? 'page' : undefined}
          title={`Alt+${i + 1}`} onClick={() => setView(v.id)}>
          {v.label}
        </button>
      ))}
    </nav>
  );
}
