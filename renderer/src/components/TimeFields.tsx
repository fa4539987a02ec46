/**
 * Date, start, end and duration, as EntryForm and EntryEditor both take them: times typed in
 * either hour cycle and shown back in the locale's; an end before the start is the next day, said
 * beside the end; a duration typed sets the end, an end typed sets the duration.
 */
import type { KeyboardEvent } from 'react';
import { clockText, localeUses12h } from '../format';
import { durationFor, endFor, endsText, resolveTimes, type TimesInput } from '../entry-times';
import { FormField } from './FormField';

const example = () => (localeUses12h() ? 'e.g. 9:30 AM' : 'e.g. 09:30');

export function TimeFields({ t, set, zone, messages, prefix, onKeyDown }: {
  t: TimesInput;
  set(t: TimesInput): void;
  zone: string;
  messages: Record<string, string | undefined>;
  /** Label prefix ("Edit ") so the form's and the editor's inputs have names of their own. */
  prefix: string;
  onKeyDown?(k: KeyboardEvent): void;
}) {
  const hint = endsText(resolveTimes(t, zone));
  // Typed "21:30" or "9.30pm": shown back as the list shows times once the field is left.
  const tidy = (k: 'start' | 'end') => {
    const r = resolveTimes({ ...t, from: 'end' }, zone);
    if (!r.ok) return;
    set({ ...t, [k]: clockText(k === 'start' ? r.start : r.end, zone) });
  };
  const text = (k: 'start' | 'end' | 'duration', v: string): TimesInput => {
    const next = { ...t, [k]: v };
    if (k === 'duration') return { ...next, from: 'duration', end: endFor(next, zone) };
    if (k === 'end') return { ...next, from: 'end', duration: durationFor({ ...next, from: 'end' }, zone) };
    // A new start keeps what the user typed last: the duration moves the end, or the end the duration.
    return next.from === 'duration' ? { ...next, end: endFor(next, zone) } : { ...next, duration: durationFor(next, zone) };
  };
  return (
    <>
      <FormField label="Date" message={messages.date}>
        <input aria-label={`${prefix}Date`} type="date" value={t.date} onKeyDown={onKeyDown}
          onChange={(e) => set(t.from === 'duration' ? { ...t, date: e.target.value, end: endFor({ ...t, date: e.target.value }, zone) } : { ...t, date: e.target.value })} />
      </FormField>
      <FormField label="Start" message={messages.start}>
        <input aria-label={`${prefix}Start time`} className="time-input" inputMode="text" placeholder={example()} value={t.start} onKeyDown={onKeyDown}
          onChange={(e) => set(text('start', e.target.value))} onBlur={() => t.from === 'end' && tidy('start')} />
      </FormField>
      <FormField label="End" message={messages.end} hint={messages.duration ? null : hint}>
        <input aria-label={`${prefix}End time`} className="time-input" placeholder={example()} value={t.end} onKeyDown={onKeyDown}
          onChange={(e) => set(text('end', e.target.value))} onBlur={() => t.from === 'end' && tidy('end')} />
      </FormField>
      <FormField label="Duration" message={messages.duration}>
        <input aria-label={`${prefix}Duration`} className="duration-input" placeholder="1h30" value={t.duration} onKeyDown={onKeyDown}
          onChange={(e) => set(text('duration', e.target.value))} />
      </FormField>
    </>
  );
}
