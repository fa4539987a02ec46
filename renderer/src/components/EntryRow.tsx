/**
 * One entry: shown, or edited in place (Enter saves, Esc cancels). Keys on the row: Enter edit,
 * Delete delete, c continue, h history, space select (for "Assign to account…").
 */
import { memo, useState } from 'react';
import type { Entry, EntryView } from '../../../shared/entry';
import type { FieldIssue } from '../../../shared/errors';
import { localDateOf } from '../../../shared/time';
import { clock, duration, issueFor, tagsFromText, tagsToText } from '../format';
import type { AppActions } from '../store';
import { toInstant } from './EntryForm';
import { SyncBadge } from './SyncBadge';
import { AttentionActions } from './AttentionActions';

/** HH:MM:SS: beside what a rounding server holds, the typed seconds are the difference. */
const typed = (iso: string, zone: string) => `${clock(iso, zone)}:${String(new Date(iso).getUTCSeconds()).padStart(2, '0')}`;

/** Memoized: while scrolling, rows that stay on screen do not render again. */
export interface RowSelection {
  selected: boolean;
  select(id: string, on: boolean): void;
  openHistory(id: string): void;
}

export const EntryRow = memo(function EntryRow({ e, a, zone, sel }: { e: EntryView; a: AppActions; zone: string; sel: RowSelection }) {
  const [editing, setEditing] = useState(false);
  if (editing) return <EntryEditor e={e} a={a} zone={zone} done={() => setEditing(false)} />;
  const name = e.description || '(no description)';
  return (
    <div
      className="entry selectable"
      role="listitem"
      tabIndex={0}
      aria-label={`${name}, ${clock(e.start, zone)} to ${clock(e.end, zone)}${e.held_as ? `; ${e.held_as.note}` : ''}`}
      data-testid="entry"
      data-entry-id={e.id}
      onKeyDown={(k) => {
        if (k.target !== k.currentTarget) return;
        if (k.key === 'Enter') setEditing(true);
        else if (k.key === 'Delete' || k.key === 'Backspace') void a.remove(e.id);
        else if (k.key === 'c') void a.continueEntry(e.id);
        else if (k.key === 'h') sel.openHistory(e.id);
        else if (k.key === ' ') {
          k.preventDefault();
          sel.select(e.id, !sel.selected);
        }
      }}
    >
      <input type="checkbox" aria-label={`Select ${name}`} checked={sel.selected} onChange={(x) => sel.select(e.id, x.target.checked)} />
      <span className="when">{e.held_as ? <>{typed(e.start, zone)}–{typed(e.end, zone)}</> : <>{clock(e.start, zone)}–{clock(e.end, zone)}</>}</span>
      <span className="desc" data-testid="entry-description">{e.description || <em className="muted">(no description)</em>}</span>
      <span className="meta">
        {e.project_id && <span className="chip">{e.project_id}</span>}
        {e.tags.map((t) => <span key={t} className="chip tag">#{t}</span>)}
        {!e.billable && <span className="chip">not billable</span>}
        {e.held_as && <span className="held-as muted" data-testid="held-as" title={`${e.held_as.note}; this entry keeps the times you gave`}>{e.held_as.note}</span>}
        {e.local_only && <span className="chip local-only" data-testid="local-only" title={e.local_only.note}>{e.local_only.note}</span>}
      </span>
      <span className="dur">{duration(e.duration_seconds)}</span>
      <SyncBadge e={e} />
      <span className="actions">
        <button type="button" className="quiet" onClick={() => void a.continueEntry(e.id)} aria-label={`Continue ${e.description}`}>▶</button>
        <button type="button" className="quiet" onClick={() => setEditing(true)} aria-label={`Edit ${e.description}`}>Edit</button>
        <button type="button" className="quiet" onClick={() => sel.openHistory(e.id)} aria-label={`History of ${e.description}`}
          title="What sync replaced, and restore it (h)">History{e.history_count ? ` (${e.history_count})` : ''}</button>
        <button type="button" className="quiet" onClick={() => void a.remove(e.id)} aria-label={`Delete ${e.description}`}>Delete</button>
      </span>
      <AttentionActions e={e} a={a} edit={() => setEditing(true)} />
    </div>
  );
});

function EntryEditor({ e, a, zone, done }: { e: Entry; a: AppActions; zone: string; done: () => void }) {
  const [f, setF] = useState({ description: e.description, start: clock(e.start, zone), end: clock(e.end, zone), project: e.project_id ?? '', tags: tagsToText(e.tags) });
  const [issues, setIssues] = useState<FieldIssue[] | null>(null);
  const startDate = localDateOf(Date.parse(e.start), zone);
  const endDate = localDateOf(Date.parse(e.end), zone);

  async function save() {
    // Times shown to the minute are sent only when changed, so editing a description never moves them.
    const start = f.start === clock(e.start, zone) ? e.start : toInstant(startDate, f.start, zone);
    const end = f.end === clock(e.end, zone) ? e.end : toInstant(endDate, f.end, zone);
    if (!start || !end) return setIssues([{ field: start ? 'end' : 'start', rule: 'must be a time HH:MM' }]);
    const problems = await a.edit(e.id, {
      description: f.description, project_id: f.project.trim() || null, tags: tagsFromText(f.tags),
      ...(start !== e.start && { start }), ...(end !== e.end && { end }),
    });
    setIssues(problems);
    if (!problems) done();
  }
  const keys = (k: React.KeyboardEvent) => {
    if (k.key === 'Enter') void save();
    if (k.key === 'Escape') done();
  };
  const input = (name: keyof typeof f, label: string, field: string, type = 'text') => (
    <label className="field">
      <input aria-label={label} type={type} value={f[name]} autoFocus={name === 'description'} onKeyDown={keys}
        onChange={(x) => setF({ ...f, [name]: x.target.value })} aria-invalid={issueFor(issues, field) ? true : undefined} />
      {issueFor(issues, field) && <span role="alert" className="error">{issueFor(issues, field)}</span>}
    </label>
  );
  return (
    <div className="entry editing" role="listitem" data-testid="entry-editor">
      {input('description', 'Edit description', 'description')}
      {input('start', 'Edit start', 'start', 'time')}
      {input('end', 'Edit end', 'end', 'time')}
      {input('project', 'Edit project', 'project_id')}
      {input('tags', 'Edit tags', 'tags')}
      <button type="button" onClick={() => void save()}>Save</button>
      <button type="button" className="quiet" onClick={done}>Cancel</button>
    </div>
  );
}
