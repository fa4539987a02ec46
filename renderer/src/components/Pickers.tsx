/**
 * Account, project, task and client for a new entry, offered from each account's cached list
 * (fetched from the service when it has one, else the ids already used): works offline. Any id
 * can still be typed; the matching name is shown beside it.
 */
import { useId } from 'react';
import type { CatalogEntry } from '../../../shared/catalog';
import type { Account } from '../../../shared/entry';

export interface PickerValue {
  /** Account name; '' = the default account; null = stays local. */
  account: string | null;
  project_id: string;
  task_id: string;
  client_id: string;
}

export const EMPTY_PICK: PickerValue = { account: '', project_id: '', task_id: '', client_id: '' };

/** The fields a timer or entry input takes from the pickers. */
export function pickedFields(v: PickerValue) {
  return {
    ...(v.account !== '' && { account: v.account }),
    ...(v.project_id.trim() && { project_id: v.project_id.trim() }),
    ...(v.task_id.trim() && { task_id: v.task_id.trim() }),
    ...(v.client_id.trim() && { client_id: v.client_id.trim() }),
  };
}

export function Pickers({ value, onChange, accounts, catalog, prefix }: {
  value: PickerValue; onChange(v: PickerValue): void; accounts: Account[]; catalog: CatalogEntry[]; prefix: string;
}) {
  const id = useId();
  const account = value.account === '' ? accounts.find((a) => a.is_default)?.name ?? null : value.account;
  const mine = catalog.filter((c) => c.account === account);
  const lists = {
    project: mine.filter((c) => c.kind === 'project'),
    task: mine.filter((c) => c.kind === 'task' && (!value.project_id || !c.parent_id || c.parent_id === value.project_id)),
    client: mine.filter((c) => c.kind === 'client'),
  };
  const nameOf = (kind: CatalogEntry['kind'], v: string) => mine.find((c) => c.kind === kind && c.id === v)?.name;
  const box = (kind: 'project' | 'task' | 'client', key: 'project_id' | 'task_id' | 'client_id', label: string) => {
    if (kind !== 'project' && lists[kind].length === 0 && !value[key]) return null;
    const name = nameOf(kind, value[key]);
    return (
      <span className="picker">
        <input aria-label={`${prefix}${label}`} placeholder={label} value={value[key]} list={`${id}-${kind}`}
          onChange={(e) => onChange({ ...value, [key]: e.target.value, ...(kind === 'project' && { task_id: '' }) })} />
        <datalist id={`${id}-${kind}`}>{lists[kind].map((c) => <option key={c.id} value={c.id} label={c.name} />)}</datalist>
        {name && name !== value[key] && <span className="muted picked" data-testid={`${kind}-name`}>{name}</span>}
      </span>
    );
  };
  return (
    <>
      {accounts.length > 0 && (
        <select aria-label={`${prefix}Account`} value={value.account ?? '\u0000local'}
          onChange={(e) => onChange({ ...EMPTY_PICK, account: e.target.value === '\u0000local' ? null : e.target.value })}>
          <option value="">Default account</option>
          {accounts.map((a) => <option key={a.id} value={a.name}>{a.name} ({a.provider})</option>)}
          <option value={'\u0000local'}>Only on this computer</option>
        </select>
      )}
      {box('project', 'project_id', 'Project')}
      {box('task', 'task_id', 'Task')}
      {box('client', 'client_id', 'Client')}
    </>
  );
}
