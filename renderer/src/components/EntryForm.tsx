/**
 * A finished entry typed in by hand. Each field has its message line under it in words; an end
 * before the start is the next day; a duration can be typed instead of the end.
 */
import { useRef, useState, type FormEvent } from 'react';
import type { FieldIssue } from '../../../shared/errors';
import { localDateOf, toIso, zonedInstant } from '../../../shared/time';
import { resolveTimes, type TimesInput } from '../entry-times';
import { messagesByField } from '../field-messages';
import { tagsFromText } from '../format';
import type { AppActions, AppState } from '../store';
import { FormField } from './FormField';
import { EMPTY_PICK, pickedFields, Pickers } from './Pickers';
import { TimeFields } from './TimeFields';

/** A local date and HH:MM in `zone` → ISO instant (kept for callers outside the forms; the forms use entry-times). */
export function toInstant(date: string, time: string, zone: string): string | null {
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const t = /^(\d{2}):(\d{2})$/.exec(time);
  if (!d || !t) return null;
  return new Date(zonedInstant(+d[1]!, +d[2]!, +d[3]!, +t[1]!, +t[2]!, zone)).toISOString();
}

const SHOWN = ['description', 'date', 'start', 'end', 'duration', 'project_id', 'task_id', 'client_id', 'account', 'tags', 'billable'];

export function EntryForm({ a, s, zone }: { a: AppActions; s: Pick<AppState, 'accounts' | 'catalog'>; zone: string }) {
  const [f, setF] = useState({ description: '', tags: '', billable: true });
  const [t, setT] = useState<TimesInput>(() => ({ date: localDateOf(Date.now(), zone), start: '', end: '', duration: '', from: 'end' }));
  const [pick, setPick] = useState(EMPTY_PICK);
  const [issues, setIssues] = useState<FieldIssue[] | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const description = useRef<HTMLInputElement>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setSaved(null);
    const times = resolveTimes(t, zone);
    if (!times.ok) return setIssues(times.issues);
    const problems = await a.create({
      description: f.description, start: toIso(times.start), end: toIso(times.end), tags: tagsFromText(f.tags), billable: f.billable, ...pickedFields(pick),
    });
    setIssues(problems);
    if (problems) return;
    setSaved(`Saved “${f.description || '(no description)'}”`);
    setF({ ...f, description: '' });
    setT({ ...t, start: '', end: '', duration: '', from: 'end' });
    // Ready for the next one: the same date, project and tags stay.
    description.current?.focus();
  }

  const m = messagesByField(issues, SHOWN);
  return (
    <form className="entry-form" aria-label="Add an entry" onSubmit={(e) => void submit(e)} noValidate>
      <FormField label="Description" message={m.description} className="grow">
        <input ref={description} aria-label="Entry description" value={f.description} onChange={(e) => setF({ ...f, description: e.target.value })} />
      </FormField>
      <TimeFields t={t} set={setT} zone={zone} messages={m} prefix="" />
      <Pickers value={pick} onChange={setPick} accounts={s.accounts} catalog={s.catalog} prefix="Entry " messages={m} />
      <FormField label="Tags" message={m.tags}>
        <input aria-label="Entry tags" placeholder="comma separated" value={f.tags} onChange={(e) => setF({ ...f, tags: e.target.value })} />
      </FormField>
      <label className="form-check"><input type="checkbox" aria-label="Entry billable" checked={f.billable} onChange={(e) => setF({ ...f, billable: e.target.checked })} /> Billable</label>
      <span className="form-actions">
        <button type="submit">Add entry</button>
        <span className="muted" role="status">{saved}</span>
      </span>
      {m.other && <p className="form-other error" role="alert">{m.other}</p>}
    </form>
  );
}
