/**
 * The way out of *needs attention*, under the entry: why (the server's own words), and the choices
 * that fit the reason. A record deleted on the server: keep it here only, send it again, or delete
 * it. A refusal: edit it (the row's own editor), move it to another account, keep it here only, or
 * delete it. Every choice is a button in the Tab order; Esc closes the account picker.
 */
import { useRef, useState } from 'react';
import type { Account, EntryView } from '../../../shared/entry';
import type { FieldIssue } from '../../../shared/errors';
import type { AppActions } from '../store';

const problemText = (issues: FieldIssue[]) => issues.map((i) => `${i.field}: ${i.rule}`).join('; ');
const sentence = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export function AttentionActions({ e, a, edit }: { e: EntryView; a: AppActions; edit(): void }) {
  const [moveTo, setMoveTo] = useState<Account[] | null>(null);
  const [target, setTarget] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const panel = useRef<HTMLDivElement>(null);
  const openMove = useRef<HTMLButtonElement>(null);
  if (e.sync.state !== 'attention') return null;

  const name = e.description || '(no description)';
  const gone = e.sync.kind === 'remote-deleted';
  // Once the entry is out of attention this panel goes: the keyboard stays on the row.
  async function act(run: () => Promise<FieldIssue[] | null>) {
    const row = panel.current?.closest('[data-entry-id]') as HTMLElement | null;
    const issues = await run();
    setProblem(issues ? problemText(issues) : null);
    if (!issues) row?.focus();
  }
  async function pickAccount() {
    const others = (await a.bridge.accounts.list()).filter((x) => x.name !== e.account);
    setMoveTo(others);
    setTarget(others[0]?.name ?? '');
  }
  const closeMove = () => {
    setMoveTo(null);
    setTimeout(() => openMove.current?.focus(), 0);
  };

  const keepHere = <button type="button" onClick={() => void act(() => a.setAccount([e.id], null))}
    title="Take it off its account: it stays on this computer only">Keep here only</button>;
  const remove = <button type="button" className="quiet" onClick={() => void a.remove(e.id)}
    title={gone ? 'Delete it here too' : 'Delete it'}>Delete</button>;
  return (
    <div ref={panel} className="attention" role="group" aria-label={`Needs attention: ${name}`} aria-describedby={`why-${e.id}`} data-testid="attention-actions" data-kind={gone ? 'remote-deleted' : 'refused'}>
      <p className="attention-why" id={`why-${e.id}`}>
        {gone
          ? <span data-testid="attention-message">{sentence(e.sync.error ?? `deleted on ${e.account}'s server`)}</span>
          : <>{e.account} refused it: <q data-testid="attention-message">{e.sync.error}</q></>}
      </p>
      {gone ? (
        <>
          {keepHere}
          <button type="button" onClick={() => void act(() => a.resend([e.id]))} title={`Send it to ${e.account} again, as it is here`}>Send again</button>
          {remove}
        </>
      ) : (
        <>
          <button type="button" onClick={edit} title="Change what the server refused; the edit is sent">Edit</button>
          <button type="button" ref={openMove} aria-expanded={moveTo !== null} onClick={() => void (moveTo ? closeMove() : pickAccount())}>Move to account…</button>
          {keepHere}
          {remove}
        </>
      )}
      {moveTo && (
        <span className="attention-move" onKeyDown={(k) => k.key === 'Escape' && closeMove()}>
          {moveTo.length === 0 ? <span className="muted">No other account: add one in Settings.</span> : (
            <>
              <select aria-label="Move to account" value={target} autoFocus onChange={(x) => setTarget(x.target.value)}>
                {moveTo.map((x) => <option key={x.id} value={x.name}>{x.name} ({x.provider})</option>)}
              </select>
              <button type="button" onClick={() => void act(() => a.setAccount([e.id], target))}>Move</button>
            </>
          )}
          <button type="button" className="quiet" onClick={closeMove}>Cancel</button>
        </span>
      )}
      {problem && <p role="alert" className="error">{problem}</p>}
    </div>
  );
}
