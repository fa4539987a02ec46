/**
 * The mini timer (the same renderer on ?view=mini, in the shell's small frameless window): what
 * runs with its project and h:mm:ss, Stop, a field to start or switch with the same pickers as
 * the main window, and the last five distinct entries to continue with one click.
 */
import { useEffect, useState } from 'react';
import type { FieldIssue } from '../../../shared/errors';
import type { EntryView } from '../../../shared/entry';
import { ProjectPill } from '../components/ProjectPill';
import { EMPTY_PICK, pickedFields, Pickers } from '../components/Pickers';
import { elapsedClock } from '../elapsed';
import { humanMessage } from '../field-messages';
import type { AppActions, AppState } from '../store';
import './mini.css';

/** True when this page is the mini window (a query parameter: in the browser host the fragment holds the secret). */
export function isMiniRoute(search: string = location.search): boolean {
  return new URLSearchParams(search).get('view') === 'mini';
}

/** The newest entries, one per description, project and account: what one would go back to. */
export function lastFive(entries: readonly EntryView[]): EntryView[] {
  const seen = new Set<string>();
  return [...entries].sort((a, b) => (a.start < b.start ? 1 : a.start > b.start ? -1 : 0)).filter((e) => {
    const k = `${e.description}\u0000${e.project_id ?? ''}\u0000${e.account ?? ''}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  }).slice(0, 5);
}

export function MiniTimer({ s }: { s: AppState & AppActions }) {
  const [description, setDescription] = useState('');
  const [pick, setPick] = useState(EMPTY_PICK);
  const [more, setMore] = useState(false);
  const [issues, setIssues] = useState<FieldIssue[] | null>(null);
  const elapsed = useSeconds(s.timer?.start ?? null);

  useEffect(() => {
    document.title = s.timer ? `${elapsedClock(elapsed)} · ${s.timer.description || 'Timetray'}` : 'Timetray mini timer';
  }, [s.timer, elapsed]);

  async function start() {
    const problems = await s.start({ description, tags: [], billable: s.settings?.billable_default ?? true, ...pickedFields(pick) });
    setIssues(problems);
    if (!problems) setDescription('');
  }

  const t = s.timer;
  return (
    <main className="mini" aria-label="Mini timer">
      <div className="mini-head">
        {t ? (
          <>
            <span className="mini-dot" aria-hidden />
            <span className="mini-what">
              <span className="mini-desc" data-testid="running-description">{t.description || '(no description)'}</span>
              <ProjectPill account={t.account} project={t.project_id} task={t.task_id} client={t.client_id} />
            </span>
            <time className="mini-elapsed tnum" data-testid="elapsed" role="timer" aria-label="Running for" dateTime={`PT${elapsed}S`}>{elapsedClock(elapsed)}</time>
            <button type="button" className="mini-stop" onClick={() => void s.stop()}>Stop</button>
          </>
        ) : (
          <span className="mini-what muted">No timer running</span>
        )}
        {s.host === 'electron' && <button type="button" className="icon mini-close" aria-label="Close the mini timer" onClick={() => window.close()}>×</button>}
      </div>
      <form className="mini-start" onSubmit={(e) => { e.preventDefault(); void start(); }}>
        <input aria-label="What are you working on?" placeholder={t ? 'Switch to…' : 'What are you working on?'} value={description}
          onChange={(e) => setDescription(e.target.value)} aria-invalid={issues ? true : undefined} />
        <button type="submit">{t ? 'Switch' : 'Start'}</button>
        <button type="button" className="quiet" aria-expanded={more} onClick={() => setMore(!more)}>Project…</button>
      </form>
      {more && (
        <div className="mini-pickers">
          <Pickers value={pick} onChange={setPick} accounts={s.accounts} catalog={s.catalog} prefix="" />
        </div>
      )}
      {issues && <p className="error" role="alert">{issues.map(humanMessage).join('; ')}</p>}
      {s.notice && <p className="error" role="alert">{s.notice}</p>}
      <section aria-label="Continue a recent entry">
        <h2 className="mini-h">Continue</h2>
        <ul className="mini-recent">
          {lastFive(s.entries).map((e) => (
            <li key={e.id}>
              <button type="button" className="quiet mini-continue" data-testid="mini-continue" onClick={() => void s.continueEntry(e.id)}
                aria-label={`Continue “${e.description || '(no description)'}”`}>
                <span className="mini-desc">{e.description || '(no description)'}</span>
                <ProjectPill account={e.account} project={e.project_id} task={e.task_id} client={e.client_id} />
              </button>
            </li>
          ))}
          {s.entries.length === 0 && <li className="muted">Nothing yet: entries you stop show here.</li>}
        </ul>
      </section>
    </main>
  );
}

/** Seconds since `start`, once a second while the window is visible. */
function useSeconds(start: string | null): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!start) return;
    const first = setTimeout(() => setNow(Date.now()), 0);
    const t = setInterval(() => document.visibilityState === 'visible' && setNow(Date.now()), 1000);
    return () => {
      clearTimeout(first);
      clearInterval(t);
    };
  }, [start]);
  return start ? Math.max(0, Math.floor((now - Date.parse(start)) / 1000)) : 0;
}
