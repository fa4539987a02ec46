/**
 * Settings: accounts, shortcuts, idle threshold, reminders, pomodoro, launch at login, and the
 * time zone days and reports use. A save is validated as a whole in main: one bad value changes
 * nothing, and each problem shows beside its field.
 */
import { useEffect, useState, type ReactNode } from 'react';
import type { Settings } from '../../../shared/bridge';
import type { FieldIssue } from '../../../shared/errors';
import { shortcutConflicts } from '../../../shared/shortcuts';
import { AccountsSettings } from '../components/AccountsSettings';
import { issueFor } from '../format';
import type { AppActions, AppState } from '../store';

const DAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

export default function SettingsView({ s }: { s: AppState & AppActions }) {
  const [draft, setDraft] = useState<Settings>(s.settings!);
  const [issues, setIssues] = useState<FieldIssue[] | null>(null);
  const [saved, setSaved] = useState(false);
  useEffect(() => setDraft(s.settings!), [s.settings]);

  const set = <K extends keyof Settings>(k: K, v: Settings[K]) => {
    setDraft({ ...draft, [k]: v });
    setSaved(false);
  };
  const num = (k: 'idle_threshold_minutes' | 'long_timer_minutes' | 'remind_every_minutes' | 'pomodoro_work_minutes' | 'pomodoro_break_minutes') =>
    (e: { target: { value: string } }) => set(k, e.target.value === '' ? Number.NaN : Number(e.target.value));

  const conflicts = shortcutConflicts([{ action: 'toggle', accelerator: draft.shortcut_toggle }, { action: 'open', accelerator: draft.shortcut_open }]);
  const shown: FieldIssue[] = [...(issues ?? []), ...conflicts.map((c) => ({ field: `shortcut_${c.action}`, rule: c.message }))];

  async function save() {
    const patch: Record<string, unknown> = {};
    for (const k of Object.keys(draft) as (keyof Settings)[]) {
      if (JSON.stringify(draft[k]) !== JSON.stringify(s.settings![k])) patch[k] = Number.isNaN(draft[k]) ? 'not a number' : draft[k];
    }
    const problems = await s.saveSettings(patch as Partial<Settings>);
    setIssues(problems);
    setSaved(!problems);
  }

  const field = (name: string, label: string, input: ReactNode, hint?: string) => {
    const problem = issueFor(shown, name);
    return (
      <label className="field">
        <span>{label}</span>
        {input}
        {hint && <span className="muted hint">{hint}</span>}
        {problem && <span role="alert" className="error" data-field={name}>{problem}</span>}
      </label>
    );
  };
  const invalid = (name: string) => (issueFor(shown, name) ? true : undefined);

  return (
    <main className="settings" aria-label="Settings">
      <ThemeChoice value={s.settings!.theme} save={(theme) => void s.saveSettings({ theme })} />
      <form onSubmit={(e) => { e.preventDefault(); void save(); }} noValidate>
        <fieldset>
          <legend>Time</legend>
          <p>Days, weeks and reports use the time zone <strong data-testid="zone">{s.zone}</strong>{draft.timezone ? '' : ' (this computer’s)'}.</p>
          {field('timezone', 'Time zone override', <input aria-label="Time zone override" placeholder="e.g. Europe/Amsterdam; empty: this computer’s" value={draft.timezone ?? ''} aria-invalid={invalid('timezone')} onChange={(e) => set('timezone', e.target.value.trim() || null)} />)}
        </fieldset>
        <fieldset>
          <legend>Idle and reminders</legend>
          {field('idle_threshold_minutes', 'Ask about time away after (minutes idle, 0 = never)', <input aria-label="Idle threshold" type="number" min={0} value={Number.isNaN(draft.idle_threshold_minutes) ? '' : draft.idle_threshold_minutes} aria-invalid={invalid('idle_threshold_minutes')} onChange={num('idle_threshold_minutes')} />)}
          {field('long_timer_minutes', 'Remind when a timer runs longer than (minutes, 0 = never)', <input aria-label="Long timer limit" type="number" min={0} value={Number.isNaN(draft.long_timer_minutes) ? '' : draft.long_timer_minutes} aria-invalid={invalid('long_timer_minutes')} onChange={num('long_timer_minutes')} />)}
          <label className="check"><input type="checkbox" aria-label="Remind when no timer runs" checked={draft.remind_no_timer} onChange={(e) => set('remind_no_timer', e.target.checked)} /> Remind me when no timer runs during working hours</label>
          <div className="row" role="group" aria-label="Working days">
            {DAYS.map((d, i) => (
              <label key={d} className="check">
                <input type="checkbox" aria-label={d} checked={draft.working_hours.days.includes(i + 1)}
                  onChange={(e) => set('working_hours', { ...draft.working_hours, days: e.target.checked ? [...draft.working_hours.days, i + 1].sort() : draft.working_hours.days.filter((x) => x !== i + 1) })} />
                {d}
              </label>
            ))}
          </div>
          {field('working_hours.start', 'Working hours from', <input aria-label="Working hours from" type="time" value={draft.working_hours.start} aria-invalid={invalid('working_hours.start')} onChange={(e) => set('working_hours', { ...draft.working_hours, start: e.target.value })} />)}
          {field('working_hours.end', 'to', <input aria-label="Working hours to" type="time" value={draft.working_hours.end} aria-invalid={invalid('working_hours.end')} onChange={(e) => set('working_hours', { ...draft.working_hours, end: e.target.value })} />)}
          {field('remind_every_minutes', 'Repeat the reminder every (minutes)', <input aria-label="Reminder interval" type="number" min={5} value={Number.isNaN(draft.remind_every_minutes) ? '' : draft.remind_every_minutes} aria-invalid={invalid('remind_every_minutes')} onChange={num('remind_every_minutes')} />)}
        </fieldset>
        <fieldset>
          <legend>Pomodoro</legend>
          {field('pomodoro_work_minutes', 'Work (minutes)', <input aria-label="Pomodoro work minutes" type="number" min={1} value={Number.isNaN(draft.pomodoro_work_minutes) ? '' : draft.pomodoro_work_minutes} aria-invalid={invalid('pomodoro_work_minutes')} onChange={num('pomodoro_work_minutes')} />)}
          {field('pomodoro_break_minutes', 'Break (minutes)', <input aria-label="Pomodoro break minutes" type="number" min={1} value={Number.isNaN(draft.pomodoro_break_minutes) ? '' : draft.pomodoro_break_minutes} aria-invalid={invalid('pomodoro_break_minutes')} onChange={num('pomodoro_break_minutes')} />)}
          {s.pomodoro
            ? <button type="button" className="quiet" onClick={() => void s.stopPomodoro()}>Stop pomodoro ({s.pomodoro.phase} until {new Date(s.pomodoro.ends_at).toLocaleTimeString()})</button>
            : <button type="button" className="quiet" onClick={() => void s.startPomodoro()}>Start a pomodoro</button>}
        </fieldset>
        <fieldset>
          <legend>Shortcuts and start-up</legend>
          {field('shortcut_toggle', 'Start/stop the timer', <input aria-label="Start/stop shortcut" value={draft.shortcut_toggle} aria-invalid={invalid('shortcut_toggle')} onChange={(e) => set('shortcut_toggle', e.target.value)} />, 'e.g. CommandOrControl+Alt+T')}
          {field('shortcut_open', 'Open this window', <input aria-label="Open window shortcut" value={draft.shortcut_open} aria-invalid={invalid('shortcut_open')} onChange={(e) => set('shortcut_open', e.target.value)} />)}
          <label className="check"><input type="checkbox" aria-label="Launch at login" checked={draft.launch_at_login} onChange={(e) => set('launch_at_login', e.target.checked)} /> Launch Timetray when I log in</label>
          <label className="check"><input type="checkbox" aria-label="Tray shows seconds" checked={draft.tray_tick === 'second'} onChange={(e) => set('tray_tick', e.target.checked ? 'second' : 'minute')} /> Tray shows seconds</label>
          <label className="check"><input type="checkbox" aria-label="New entries billable" checked={draft.billable_default} onChange={(e) => set('billable_default', e.target.checked)} /> New entries are billable</label>
        </fieldset>
        <div className="row">
          <button type="submit" disabled={conflicts.length > 0}>Save settings</button>
          {saved && <span role="status" className="muted">Saved</span>}
          {issues && <span role="alert" className="error">Not saved: {issues.length} problem{issues.length === 1 ? '' : 's'}</span>}
        </div>
      </form>
      <AccountsSettings s={s} />
    </main>
  );
}

const THEMES = [['system', 'System'], ['light', 'Light'], ['dark', 'Dark']] as const;

/** Colours apply as soon as they are picked (saved on their own, not with the form below). */
function ThemeChoice({ value, save }: { value: Settings['theme']; save(t: Settings['theme']): void }) {
  // The pick shows at once; the stored value takes over when main has saved it.
  const [picked, setPicked] = useState(value);
  useEffect(() => setPicked(value), [value]);
  return (
    <fieldset>
      <legend>Appearance</legend>
      <div className="theme-choice" role="radiogroup" aria-label="Theme">
        {THEMES.map(([id, label]) => (
          <label key={id}>
            <input type="radio" name="theme" value={id} checked={picked === id} onChange={() => {
              setPicked(id);
              save(id);
            }} />
            {label}
          </label>
        ))}
      </div>
      <span className="muted hint">System follows your computer’s light or dark setting.</span>
    </fieldset>
  );
}
