/**
 * "You were away": what to do with the time a timer ran while nobody was there. Nothing changes
 * until the user picks; each choice is one committed change in main.
 */
import { useEffect, useRef, useState } from 'react';
import type { FieldIssue } from '../../../shared/errors';
import type { IdleChoice, IdlePrompt as Prompt } from '../../../shared/idle';
import { clock, duration, issueFor } from '../format';

const REASONS: Record<Prompt['reason'], string> = {
  idle: 'You were idle', suspend: 'The computer slept', lock: 'The screen was locked', gap: 'The computer was away',
};

export function IdlePrompt({ prompt, zone, resolve }: { prompt: Prompt; zone: string; resolve(c: IdleChoice): Promise<FieldIssue[] | null> }) {
  const [splitting, setSplitting] = useState(false);
  const [description, setDescription] = useState('');
  const [issues, setIssues] = useState<FieldIssue[] | null>(null);
  const first = useRef<HTMLButtonElement>(null);
  useEffect(() => first.current?.focus(), [prompt.id]);

  const pick = async (c: IdleChoice) => setIssues(await resolve(c));
  const what = prompt.timer.description || 'your timer';
  const problem = issueFor(issues, 'description');
  return (
    <div className="overlay">
      <div role="dialog" aria-modal="true" aria-labelledby="idle-title" className="dialog idle">
        <h2 id="idle-title">{REASONS[prompt.reason]} for {duration(prompt.away_seconds)}</h2>
        <p>
          From <time>{clock(prompt.away_from, zone)}</time> to <time>{clock(prompt.away_to, zone)}</time>, while “{what}” was running.
          What should happen to that time?
        </p>
        <div className="choices">
          <button ref={first} type="button" onClick={() => void pick({ kind: 'keep' })}>Keep it</button>
          <button type="button" onClick={() => void pick({ kind: 'discard' })}>Discard it (stop at {clock(prompt.away_from, zone)})</button>
          <button type="button" onClick={() => void pick({ kind: 'discard_continue' })}>Discard it and continue</button>
          <button type="button" className="quiet" aria-expanded={splitting} onClick={() => setSplitting(true)}>Split it into its own entry…</button>
        </div>
        {splitting && (
          <form className="split" onSubmit={(e) => { e.preventDefault(); void pick({ kind: 'split', description }); }} noValidate>
            <label className="field">
              <span>What was the time away?</span>
              <input autoFocus aria-label="Away time description" value={description} onChange={(e) => setDescription(e.target.value)}
                aria-invalid={problem ? true : undefined} />
              {problem && <span role="alert" className="error">{problem}</span>}
            </label>
            <button type="submit">Save as its own entry</button>
          </form>
        )}
        {issues && !problem && <p role="alert" className="error">{issues.map((i) => `${i.field}: ${i.rule}`).join('; ')}</p>}
      </div>
    </div>
  );
}
