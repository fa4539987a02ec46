/**
 * Account, project, task and client for an entry, offered from each account's cached list
 * (fetched from the service when it has one, else the ids already used): works offline. Projects
 * come recent first, then by client; every picker takes type-ahead by name or id, and any id can
 * still be typed. The Task picker is always there, waiting for a project.
 */
import { useMemo } from 'react';
import type { CatalogEntry } from '../../../shared/catalog';
import type { Account } from '../../../shared/entry';
import { pickerOptions } from '../names';
import { useNameIndex, useUsedWith } from '../use-names';
import { CatalogCombobox } from './CatalogCombobox';
import { FormField } from './FormField';

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

const LOCAL = '\u0000local';

export function Pickers({ value, onChange, accounts, catalog, prefix, messages = {}, defaultLabel = 'Default account' }: {
  value: PickerValue; onChange(v: PickerValue): void; accounts: Account[]; catalog: CatalogEntry[]; prefix: string;
  /** Messages in words per field (project_id, task_id, client_id, account), under each picker. */
  messages?: Record<string, string | undefined>;
  defaultLabel?: string;
}) {
  const names = useNameIndex();
  const used = useUsedWith();
  const account = value.account === '' ? accounts.find((a) => a.is_default)?.name ?? null : value.account;
  const lists = useMemo(() => pickerOptions(catalog, account, names, used, value.project_id), [catalog, account, names, used, value.project_id]);

  const pickProject = (id: string) => {
    if (id === value.project_id) return;
    // The project's client, when known, comes with it; a client chosen by hand stays.
    const cl = id ? names.clientOf(account, id) : null;
    onChange({ ...value, project_id: id, task_id: '', client_id: value.client_id || cl || '' });
  };

  return (
    <>
      {accounts.length > 0 && (
        <FormField label="Account" message={messages.account}>
          <select aria-label={`${prefix}Account`} value={value.account ?? LOCAL}
            onChange={(e) => onChange({ ...EMPTY_PICK, account: e.target.value === LOCAL ? null : e.target.value })}>
            <option value="">{defaultLabel}</option>
            {accounts.map((a) => <option key={a.id} value={a.name}>{a.name} ({a.provider})</option>)}
            <option value={LOCAL}>Only on this computer</option>
          </select>
        </FormField>
      )}
      <CatalogCombobox label="Project" ariaLabel={`${prefix}Project`} options={lists.project} value={value.project_id}
        onChange={pickProject} message={messages.project_id} placeholder="Type a name" />
      <CatalogCombobox label="Task" ariaLabel={`${prefix}Task`} options={lists.task} value={value.task_id}
        onChange={(id) => onChange({ ...value, task_id: id })} message={messages.task_id} disabled={!value.project_id.trim()}
        hint={value.project_id.trim() ? null : 'Choose a project first'} />
      {(lists.client.length > 0 || value.client_id) && (
        <CatalogCombobox label="Client" ariaLabel={`${prefix}Client`} options={lists.client} value={value.client_id}
          onChange={(id) => onChange({ ...value, client_id: id })} message={messages.client_id} />
      )}
    </>
  );
}
