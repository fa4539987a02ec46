/**
 * Shown while entries are selected: give them an account (entries made before any account
 * existed), move them to another one, or keep them on this computer only. One change for all of
 * them, or none; a copy an old account holds is deleted there at the next sync.
 */
import { useState } from 'react';
import type { Account } from '../../../shared/entry';
import type { FieldIssue } from '../../../shared/errors';

const LOCAL = '\u0000local';

export function AssignBar({ ids, accounts, assign, clear }: {
  ids: readonly string[];
  accounts: readonly Account[];
  assign(ids: string[], account: string | null): Promise<FieldIssue[] | null>;
  clear(): void;
}) {
  const [target, setTarget] = useState(accounts.find((a) => a.is_default)?.name ?? accounts[0]?.name ?? LOCAL);
  const [issues, setIssues] = useState<FieldIssue[] | null>(null);
  async function apply() {
    const problems = await assign([...ids], target === LOCAL ? null : target);
    setIssues(problems);
    if (!problems) clear();
  }
  return (
    <section className="assign row" aria-label="Selected entries" data-testid="assign-bar">
      <span>{ids.length} selected</span>
      <label className="picker">
        <span>Assign to account…</span>
        <select aria-label="Assign to account" value={target} onChange={(e) => setTarget(e.target.value)}>
          {accounts.map((a) => <option key={a.id} value={a.name}>{a.name} ({a.provider})</option>)}
          <option value={LOCAL}>This computer only (local)</option>
        </select>
      </label>
      <button type="button" onClick={() => void apply()}>Assign</button>
      <button type="button" className="quiet" onClick={clear}>Clear selection</button>
      {issues && <p role="alert" className="error">{issues.map((i) => `${i.field}: ${i.rule}`).join('; ')}</p>}
    </section>
  );
}
