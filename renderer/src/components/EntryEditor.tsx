/**
 * An entry edited in place, every field labelled: description, date, start, end (an end before
 * the start is the next day) or a duration, account, project, task, client, tags, billable.
 * Enter saves, Esc cancels; times not touched are sent back unchanged (seconds kept). Moving to
 * another account goes through the core's move (the old server's copy is deleted at next sync).
 * The keyboard lands on the row after Save or Cancel, on the next row (or the list) after Delete.
 */
import { useState, type KeyboardEvent } from 'react';
import type { Entry } from '../../../shared/entry';
import type { FieldIssue } from '../../../shared/errors';
import type { EntryPatch } from '../../../shared/schemas';
import { toIso } from '../../../shared/time';
import { resolveTimes, timesText, type TimesInput } from '../entry-times';
import { messagesByField } from '../field-messages';
import { tagsFromText, tagsToText } from '../format';
import type { AppActions, AppState } from '../store';
import { FormField } from './FormField';
import { Pickers, type PickerValue } from './Pickers';
import { TimeFields } from './TimeFields';
import { useAccounts, useCatalog } from '../use-names';

const SHOWN = ['description', 'date', 'start', 'end', 'duration', 'project_id', 'task_id', 'client_id', 'account', 'tags', 'billable'];

export type EditorOutcome = 'saved' | 'cancelled' | 'deleted';

/** Where the keyboard goes once the editor closes: the row, or after a delete its neighbour or the list. */
export function focusAfter(id: string, outcome: EditorOutcome, neighbour: string | null): void {
  setTimeout(() => {
    const row = (rid: string | null) => (rid ? document.querySelector<HTMLElement>(`[data-entry-id="${CSS.escape(rid)}"]:not([data-testid="entry-editor"])`) : null);
    const target = (outcome === 'deleted' ? row(neighbour) : row(id)) ?? document.getElementById('entries') ?? document.querySelector<HTMLElement>('[data-testid="entry-list"]');
    target?.focus();
  }, 0);
}

/** The row after this one in the list (or before, for the last), for the keyboard after a delete. */
function neighbourOf(id: string): string | null {
  const ids = [...document.querySelectorAll<HTMLElement>('[data-entry-id]')].map((x) => x.dataset.entryId!);
  const i = ids.indexOf(id);
  return ids[i + 1] ?? ids[i - 1] ?? null;
}

export function EntryEditor({ e, a, s, zone, done }: {
  e: Entry;
  a: Pick<AppActions, 'edit' | 'remove' | 'setAccount'>;
  /** The accounts and catalog; the window's own when not given. */
  s?: Pick<AppState, 'accounts' | 'catalog'>;
  zone: string;
  done(outcome?: EditorOutcome): void;
}) {
  const windowAccounts = useAccounts();
  const windowCatalog = useCatalog();
  const accounts = s?.accounts ?? windowAccounts;
  const catalog = s?.catalog ?? windowCatalog;
  // What the inputs showed when the editor opened: unchanged times are sent back as stored.
  const [initial] = useState(() => timesText(e.start, e.end, zone));
  const [f, setF] = useState({ description: e.description, tags: tagsToText(e.tags), billable: e.billable });
  const [t, setT] = useState<TimesInput>({ ...initial, from: 'end' });
  const [pick, setPick] = useState<PickerValue>({ account: e.account, project_id: e.project_id ?? '', task_id: e.task_id ?? '', client_id: e.client_id ?? '' });
  const [issues, setIssues] = useState<FieldIssue[] | null>(null);
  const [busy, setBusy] = useState(false);

  async function save() {
    if (busy) return;
    const startSame = t.date === initial.date && t.start === initial.start;
    const endSame = startSame && t.from === 'end' && t.end === initial.end;
    let start = e.start;
    let end = e.end;
    if (!startSame || !endSame) {
      const r = resolveTimes(t, zone);
      if (!r.ok) return setIssues(r.issues);
      if (!startSame) start = toIso(r.start);
      if (!endSame) end = toIso(r.end);
    }
    const account = pick.account === '' ? accounts.find((x) => x.is_default)?.name ?? null : pick.account;
    setBusy(true);
    try {
      if (account !== e.account) {
        const moved = await a.setAccount([e.id], account);
        if (moved) return setIssues(moved.map((i) => ({ ...i, field: 'account' })));
      }
      const patch: EntryPatch = {
        description: f.description, tags: tagsFromText(f.tags), billable: f.billable,
        project_id: pick.project_id.trim() || null, task_id: pick.task_id.trim() || null, client_id: pick.client_id.trim() || null,
        ...(start !== e.start && { start }), ...(end !== e.end && { end }),
      };
      const problems = await a.edit(e.id, patch);
      setIssues(problems);
      if (!problems) done('saved');
    } finally {
      setBusy(false);
    }
  }

  async function remove() {
    const next = neighbourOf(e.id);
    await a.remove(e.id);
    done('deleted');
    focusAfter(e.id, 'deleted', next);
  }

  const keys = (k: KeyboardEvent) => {
    // Enter in a combobox picks its option; the field's own Enter is for the form only when no menu is open.
    const el = k.target as HTMLElement;
    const ownEnter = el instanceof HTMLButtonElement || el instanceof HTMLSelectElement;
    if (k.key === 'Enter' && !ownEnter && el.getAttribute('aria-expanded') !== 'true') {
      k.preventDefault();
      void save();
    }
    if (k.key === 'Escape' && el.getAttribute('aria-expanded') !== 'true') done('cancelled');
  };
  const m = messagesByField(issues, SHOWN);
  const name = e.description || '(no description)';
  return (
    <div className="entry-editor" role="listitem" aria-label={`Edit “${name}”`} data-testid="entry-editor" data-entry-id={e.id} onKeyDown={keys}>
      <FormField label="Description" message={m.description} className="grow">
        <input aria-label="Edit description" value={f.description} autoFocus onChange={(x) => setF({ ...f, description: x.target.value })} />
      </FormField>
      <TimeFields t={t} set={setT} zone={zone} messages={m} prefix="Edit " />
      <Pickers value={pick} onChange={setPick} accounts={accounts} catalog={catalog} prefix="Edit " messages={m} defaultLabel="The default account" />
      <FormField label="Tags" message={m.tags}>
        <input aria-label="Edit tags" value={f.tags} onChange={(x) => setF({ ...f, tags: x.target.value })} />
      </FormField>
      <label className="form-check"><input type="checkbox" aria-label="Edit billable" checked={f.billable} onChange={(x) => setF({ ...f, billable: x.target.checked })} /> Billable</label>
      <span className="form-actions">
        <button type="button" onClick={() => void save()} disabled={busy}>Save</button>
        <button type="button" className="quiet" onClick={() => done('cancelled')}>Cancel</button>
        <button type="button" className="quiet danger" onClick={() => void remove()}>Delete</button>
      </span>
      {m.other && <p className="form-other error" role="alert">{m.other}</p>}
    </div>
  );
}
