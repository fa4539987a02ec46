/** The running timer, or the field that starts one: Enter starts, Esc clears. */
import { useEffect, useRef, useState } from 'react';
import type { FieldIssue } from '../../../shared/errors';
import { EMPTY_PICK, pickedFields, Pickers } from './Pickers';
import { duration, issueFor, tagsFromText } from '../format';
import type { AppActions, AppState } from '../store';

export function TimerBar({ s, a }: { s: AppState; a: AppActions }) {
  const [description, setDescription] = useState('');
  const [pick, setPick] = useState(EMPTY_PICK);
  const [tags, setTags] = useState('');
  const [billable, setBillable] = useState(true);
  const [issues, setIssues] = useState<FieldIssue[] | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const elapsed = useElapsed(s.timer?.start ?? null);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const typing = e.target instanceof HTMLInputElement || e.target instanceof HTMLTextAreaElement;
      if (e.key === '/' && !typing) {
        e.preventDefault();
        input.current?.focus();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  async function start() {
    const problems = await a.start({
      description, tags: tagsFromText(tags), billable, ...pickedFields(pick),
    });
    setIssues(problems);
    if (!problems) {
      setDescription('');
      setTags('');
    }
  }

  return (
    <section className="timer" aria-label="Timer">
      <div className="timer-running" aria-live="polite">
        {s.timer ? (
          <>
            <span className="dot" aria-hidden />
            <span data-testid="running-description">{s.timer.description || '(no description)'}</span>
            {s.pomodoro && <span className="chip" data-testid="pomodoro">{s.pomodoro.phase === 'work' ? 'Pomodoro' : 'Break'} #{s.pomodoro.round}</span>}
            <time data-testid="elapsed" className="elapsed">{duration(elapsed)}</time>
            <button type="button" onClick={() => void a.stop()}>Stop</button>
            <button type="button" className="quiet" onClick={() => void a.discard()}>Discard</button>
          </>
        ) : (
          <span className="muted">No timer running</span>
        )}
      </div>
      <div className="timer-start">
        <input
          ref={input}
          autoFocus
          aria-label="What are you working on?"
          placeholder={s.timer ? 'Switch to… (Enter)' : 'What are you working on? (Enter starts, / focuses)'}
          value={description}
          onChange={(e) => setDescription(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') void start();
            if (e.key === 'Escape') {
              setDescription('');
              setIssues(null);
            }
          }}
          aria-invalid={issueFor(issues, 'description') ? true : undefined}
        />
        <Pickers value={pick} onChange={setPick} accounts={s.accounts} catalog={s.catalog} prefix="" />
        <input aria-label="Tags" placeholder="Tags, comma separated" value={tags} onChange={(e) => setTags(e.target.value)} />
        <label className="check"><input type="checkbox" checked={billable} onChange={(e) => setBillable(e.target.checked)} /> Billable</label>
        <button type="button" onClick={() => void start()}>{s.timer ? 'Switch' : 'Start'}</button>
      </div>
      {issues && <p role="alert" className="error">{issues.map((i) => `${i.field}: ${i.rule}`).join('; ')}</p>}
    </section>
  );
}

/** Seconds since `start`, ticking once a second only while the window is visible. */
function useElapsed(start: string | null): number {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    if (!start) return;
    let timer: ReturnType<typeof setInterval> | null = null;
    const run = () => {
      if (timer) clearInterval(timer);
      timer = null;
      setNow(Date.now());
      if (document.visibilityState === 'visible') timer = setInterval(() => setNow(Date.now()), 1000);
    };
    run();
    document.addEventListener('visibilitychange', run);
    return () => {
      if (timer) clearInterval(timer);
      document.removeEventListener('visibilitychange', run);
    };
  }, [start]);
  return start ? Math.max(0, Math.floor((now - Date.parse(start)) / 1000)) : 0;
}
