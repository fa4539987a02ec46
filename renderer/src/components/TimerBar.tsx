/**
 * The running timer, or the field that starts one: Enter starts, Esc clears. Read at a glance:
 * what runs, its project, the time as h:mm:ss, and Stop; Discard is quiet and can be undone.
 * After Stop or Discard the keyboard is back in the field, ready for the next thing.
 */
import { useEffect, useId, useRef, useState, type CSSProperties } from 'react';
import type { FieldIssue } from '../../../shared/errors';
import { EMPTY_PICK, pickedFields, Pickers } from './Pickers';
import { elapsedClock } from '../elapsed';
import { issueFor, tagsFromText } from '../format';
import { Icon } from './Icon';
import { ProjectPill, projectText } from './ProjectPill';
import { pillHue } from '../names';
import { useNameIndex } from '../use-names';
import type { AppActions, AppState } from '../store';

export function TimerBar({ s, a }: { s: AppState; a: AppActions }) {
  const [description, setDescription] = useState('');
  const [pick, setPick] = useState(EMPTY_PICK);
  const [tags, setTags] = useState('');
  const [billable, setBillable] = useState(true);
  const [issues, setIssues] = useState<FieldIssue[] | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const [more, setMore] = useState(false);
  const ids = useId();
  const elapsed = useElapsed(s.timer?.start ?? null);
  const names = useNameIndex();
  // What the folded options hold, so a narrow bar still shows the project the next start gets.
  const pickAccount = pick.account === '' ? s.accounts.find((x) => x.is_default)?.name ?? null : pick.account;
  const project = pick.project_id.trim();
  const set = [
    project && `project ${projectText(names, pickAccount, project).project}`,
    pick.task_id.trim() && 'task',
    tagsFromText(tags).length > 0 && 'tags',
    !billable && 'not billable',
  ].filter((x): x is string => !!x);

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

  const then = (act: () => Promise<void>) => async () => {
    await act();
    input.current?.focus();
  };

  return (
    <section className="timer" aria-label="Timer">
      <div className="timer-running">
        {s.timer ? (
          <>
            <span className="dot" aria-hidden />
            {/* Only what runs is announced; the ticking time is not (role timer is polite-off). */}
            <span className="running-what" aria-live="polite">
              <span data-testid="running-description" title={s.timer.description || undefined}>{s.timer.description || '(no description)'}</span>
              <ProjectPill account={s.timer.account} project={s.timer.project_id} task={s.timer.task_id} client={s.timer.client_id} />
              {s.pomodoro && <span className="chip" data-testid="pomodoro">{s.pomodoro.phase === 'work' ? 'Pomodoro' : 'Break'} #{s.pomodoro.round}</span>}
            </span>
            <time data-testid="elapsed" className="elapsed" role="timer" aria-label="Running for" dateTime={`PT${elapsed}S`}>{elapsedClock(elapsed)}</time>
            <button type="button" className="stop" onClick={() => void then(a.stop)()}><Icon name="stop" /> Stop</button>
            <button type="button" className="icon" aria-label="Discard" title="Discard this timer (you can undo)" onClick={() => void then(a.discard)()}><Icon name="trash" /></button>
          </>
        ) : (
          <span className="timer-idle">No timer running</span>
        )}
      </div>
      <div className="timer-start">
        <input
          className="start-main"
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
        {/* In a narrow window the options fold behind one button, so the bar stays a strip. */}
        <button type="button" className="icon options-toggle" aria-expanded={more} aria-controls={`${ids}-options`}
          aria-label={`Project, tags and billable${set.length ? ` (set: ${set.join(', ')})` : ''}`}
          title={`Project, tags and billable${set.length ? `\nSet: ${set.join(', ')}` : ''}`} onClick={() => setMore(!more)}>
          <Icon name="options" />
          {set.length > 0 && (
            <span className={`options-count${project ? ' pill' : ''}`} data-testid="options-count" aria-hidden
              style={project ? ({ '--pill-hue': pillHue(pickAccount, project) } as CSSProperties) : undefined}>{set.length}</span>
          )}
        </button>
        <div className="timer-options" id={`${ids}-options`} data-open={more}>
          <Pickers value={pick} onChange={setPick} accounts={s.accounts} catalog={s.catalog} prefix="" />
          <input aria-label="Tags" placeholder="Tags, comma separated" value={tags} onChange={(e) => setTags(e.target.value)} />
          <label className="check"><input type="checkbox" checked={billable} onChange={(e) => setBillable(e.target.checked)} /> Billable</label>
        </div>
        <button type="button" className="start-go" onClick={() => void start()}><Icon name="play" /> {s.timer ? 'Switch' : 'Start'}</button>
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
