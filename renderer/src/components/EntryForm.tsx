/** A finished entry typed in by hand; each field shows its own problem. */
import { useState, type FormEvent, type ReactNode } from 'react';
import type { FieldIssue } from '../../../shared/errors';
import { localDateOf, zonedInstant } from '../../../shared/time';
import { issueFor, tagsFromText } from '../format';
import type { AppActions, AppState } from '../store';
import { EMPTY_PICK, pickedFields, Pickers } from './Pickers';

export function toInstant(date: string, time: string, zone: string): string | null {
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const t = /^(\d{2}):(\d{2})$/.exec(time);
  if (!d || !t) return null;
  return new Date(zonedInstant(+d[1]!, +d[2]!, +d[3]!, +t[1]!, +t[2]!, zone)).toISOString();
}

export function EntryForm({ a, s, zone }: { a: AppActions; s: Pick<AppState, 'accounts' | 'catalog'>; zone: string }) {
  const [f, setF] = useState({ description: '', date: localDateOf(Date.now(), zone), start: '', end: '', tags: '', billable: true });
  const [pick, setPick] = useState(EMPTY_PICK);
  const [issues, setIssues] = useState<FieldIssue[] | null>(null);
  const [saved, setSaved] = useState(false);
  const set = (k: keyof typeof f) => (e: { target: { value: string; checked?: boolean } }) =>
    setF({ ...f, [k]: k === 'billable' ? e.target.checked : e.target.value });

  async function submit(e: FormEvent) {
    e.preventDefault();
    const local: FieldIssue[] = [];
    const start = toInstant(f.date, f.start, zone);
    const end = toInstant(f.date, f.end, zone);
    if (!start) local.push({ field: 'start', rule: 'must be a time HH:MM' });
    if (!end) local.push({ field: 'end', rule: 'must be a time HH:MM' });
    if (local.length) return setIssues(local);
    const problems = await a.create({
      description: f.description, start: start!, end: end!, tags: tagsFromText(f.tags), billable: f.billable, ...pickedFields(pick),
    });
    setIssues(problems);
    setSaved(!problems);
    if (!problems) setF({ ...f, description: '', start: '', end: '' });
  }

  const field = (name: string, label: string, input: ReactNode) => {
    const problem = issueFor(issues, name);
    return (
      <label className="field">
        <span>{label}</span>
        {input}
        {problem && <span role="alert" className="error" data-field={name}>{problem}</span>}
      </label>
    );
  };

  return (
    <form className="entry-form" aria-label="Add an entry" onSubmit={(e) => void submit(e)} noValidate>
      {field('description', 'Description', <input aria-label="Entry description" value={f.description} onChange={set('description')} />)}
      {field('date', 'Date', <input aria-label="Date" type="date" value={f.date} onChange={set('date')} />)}
      {field('start', 'Start', <input aria-label="Start time" type="time" value={f.start} onChange={set('start')} />)}
      {field('end', 'End', <input aria-label="End time" type="time" value={f.end} onChange={set('end')} />)}
      <Pickers value={pick} onChange={setPick} accounts={s.accounts} catalog={s.catalog} prefix="Entry " />
      {['project_id', 'task_id', 'client_id', 'account'].map((k) => issueFor(issues, k) && <span key={k} role="alert" className="error" data-field={k}>{k}: {issueFor(issues, k)}</span>)}
      {field('tags', 'Tags', <input aria-label="Entry tags" value={f.tags} onChange={set('tags')} />)}
      <label className="check"><input type="checkbox" aria-label="Entry billable" checked={f.billable} onChange={set('billable')} /> Billable</label>
      <button type="submit">Add entry</button>
      {saved && <span className="muted" role="status">Saved</span>}
    </form>
  );
}
