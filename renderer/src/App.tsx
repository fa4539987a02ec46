/**
 * The window: the timer always on top, then the chosen view (entries, reports, settings), sync at
 * the bottom. The idle question, when there is one, sits above everything until answered.
 */
import { lazy, Suspense, useEffect } from 'react';
import { flushSync } from 'react-dom';
import { useStore } from 'zustand';
import { IdlePrompt } from './components/IdlePrompt';
import { isMiniRoute, MiniTimer } from './mini/MiniTimer';
import { Nav } from './components/Nav';
import { SyncBar } from './components/SyncBar';
import { TimerBar } from './components/TimerBar';
import { UndoToast } from './components/UndoToast';
import type { AppActions, AppState, AppStore } from './store';
import { EntriesView } from './views/EntriesView';

// Charts and forms load when first opened, so the entries list paints as fast as before.
const ReportsView = lazy(() => import('./views/ReportsView'));
const SettingsView = lazy(() => import('./views/SettingsView'));
const CalendarView = lazy(() => import('./calendar/CalendarView'));

/** The theme setting on <html>: 'system' lets prefers-color-scheme decide (styles/tokens.css). */
function useTheme(theme: string | undefined) {
  useEffect(() => {
    document.documentElement.dataset.theme = theme ?? 'system';
  }, [theme]);
}

/** First in the Tab order: past the timer and the tabs, straight to the entries. */
function SkipLink({ s }: { s: AppState & AppActions }) {
  return (
    <a className="skip-link" href="#entries" onClick={(e) => {
      e.preventDefault();
      // The entries view is drawn before the focus moves, in the same event: a Tab pressed right
      // after Enter must already start from the list (a timeout let it go to the next stop first).
      flushSync(() => s.setView('entries'));
      document.getElementById('entries')?.focus();
    }}>Skip to entries</a>
  );
}

export function App({ store }: { store: AppStore }) {
  const s = useStore(store);
  useTheme(s.settings?.theme);
  if (!s.ready) return <p className="muted">Loading…</p>;
  // The shell's small prompt window shows only the question, and closes once it is answered.
  // The shell's mini timer window: the same page on ?view=mini (the host's fragment holds its secret).
  if (isMiniRoute()) return <MiniTimer s={s} />;
  if (location.hash === '#idle') {
    if (!s.idle) {
      setTimeout(() => window.close(), 0);
      return <p className="muted">Nothing to decide.</p>;
    }
    return <IdlePrompt prompt={s.idle} zone={s.zone} resolve={s.resolveIdle} />;
  }
  return (
    <div className="app">
      <SkipLink s={s} />
      <TimerBar s={s} a={s} />
      <Nav view={s.view} setView={s.setView} />
      {s.notice && (
        <p className="notice" role="alert">
          {s.notice} <button type="button" className="quiet" onClick={s.dismissNotice}>Dismiss</button>
        </p>
      )}
      <Suspense fallback={<p className="muted">Loading…</p>}>
        {s.view === 'entries' && <EntriesView s={s} />}
        {s.view === 'reports' && <ReportsView s={s} />}
        {s.view === 'settings' && <SettingsView s={s} />}
        {s.view === 'calendar' && <CalendarView s={s} />}
      </Suspense>
      <UndoToast s={s} a={s} />
      <SyncBar s={s} a={s} />
      {s.idle && <IdlePrompt prompt={s.idle} zone={s.zone} resolve={s.resolveIdle} />}
    </div>
  );
}
