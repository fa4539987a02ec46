/**
 * The calendar's data and writes. Entries of the days shown are read over the bridge (the list
 * view only holds its own range) and read again whenever the window's store refreshes, so a
 * change from the CLI or the list shows here too. Creates and edits go through the same core
 * calls, and so the same validation, as the forms; every change can be undone once.
 */
import { useCallback, useEffect, useMemo, useReducer, useRef, useState } from 'react';
import { ValidationError, type FieldIssue } from '../../../shared/errors';
import type { EntryView } from '../../../shared/entry';
import { toIso } from '../../../shared/time';
import { humanMessage } from '../field-messages';
import type { AppActions, AppState } from '../store';

export type CalendarUndo =
  | { kind: 'create'; id: string; text: string }
  | { kind: 'edit'; id: string; before: { start: string; end: string }; text: string };

/**
 * A move or resize the calendar shows before the database answers. Arrow keys pressed faster than
 * a write and two list reads take must each step from where the last one put the block, not from
 * the span the list last read (that lost a step: ↓ then Shift+↓ stored the end moved, the start not).
 */
interface Retimed { start: string; end: string; inFlight: number; settledAt: number }

export function useCalendar(s: AppState & AppActions, from: string, to: string) {
  const [read, setEntries] = useState<EntryView[]>([]);
  const [message, setMessage] = useState<string | null>(null);
  const [undo, setUndo] = useState<CalendarUndo | null>(null);
  const retimed = useRef(new Map<string, Retimed>());
  const [shown, redraw] = useReducer((n: number) => n + 1, 0);
  // Counts settled writes: a read that began after a write settled reflects it.
  const settled = useRef(0);
  const writes = useRef<Promise<unknown>>(Promise.resolve());

  useEffect(() => {
    let live = true;
    const began = settled.current;
    s.bridge.entries.list({ from, to }).then((list) => {
      if (!live) return;
      for (const [id, r] of retimed.current) if (r.inFlight === 0 && r.settledAt <= began) retimed.current.delete(id);
      setEntries(list);
    }, (e: unknown) => live && setMessage(String(e)));
    return () => {
      live = false;
    };
    // s.entries changes after every refresh of the store: a write anywhere reads the days again.
  }, [s.bridge, s.entries, from, to]);

  /** Runs a write; field problems become one message in words, nothing changes. */
  const run = useCallback(async (fn: () => Promise<void>): Promise<boolean> => {
    try {
      await fn();
      setMessage(null);
      return true;
    } catch (e) {
      setMessage(e instanceof ValidationError ? e.issues.map((i: FieldIssue) => humanMessage(i)).join('; ') : e instanceof Error ? e.message : String(e));
      return false;
    } finally {
      await s.refresh();
    }
  }, [s]);

  const create = useCallback((input: { description: string; start: number; end: number }) => run(async () => {
    const billable = s.settings?.billable_default ?? true;
    const e = await s.bridge.entries.create({ description: input.description, start: toIso(input.start), end: toIso(input.end), tags: [], billable });
    setUndo({ kind: 'create', id: e.id, text: `Added “${e.description || '(no description)'}”.` });
  }), [run, s.bridge, s.settings]);

  const entries = useMemo(() => read.map((e) => {
    const r = retimed.current.get(e.id);
    return r ? { ...e, start: r.start, end: r.end } : e;
    // `shown` changes whenever `retimed` does.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }), [read, shown]);

  /** `e` is the entry as shown (with any step not yet stored); writes go out one at a time, in order. */
  const retime = useCallback((e: EntryView, start: number, end: number, what: 'Moved' | 'Resized'): Promise<boolean> => {
    if (start === Date.parse(e.start) && end === Date.parse(e.end)) return Promise.resolve(true);
    const before = { start: e.start, end: e.end };
    const span = { start: toIso(start), end: toIso(end) };
    const r = retimed.current.get(e.id);
    retimed.current.set(e.id, { ...span, inFlight: (r?.inFlight ?? 0) + 1, settledAt: r?.settledAt ?? 0 });
    redraw();
    const write = writes.current.then(() => run(async () => {
      try {
        await s.bridge.entries.edit(e.id, span);
      } catch (err) {
        // Refused: show what the database holds again.
        retimed.current.delete(e.id);
        throw err;
      } finally {
        const now = retimed.current.get(e.id);
        settled.current += 1;
        if (now) Object.assign(now, { inFlight: now.inFlight - 1, settledAt: settled.current });
      }
      setUndo({ kind: 'edit', id: e.id, before, text: `${what} “${e.description || '(no description)'}”.` });
    }));
    writes.current = write;
    return write;
  }, [run, s.bridge]);

  const undoLast = useCallback(async () => {
    const u = undo;
    if (!u) return;
    setUndo(null);
    await run(async () => {
      if (u.kind === 'create') await s.bridge.entries.remove(u.id);
      else await s.bridge.entries.edit(u.id, u.before);
    });
  }, [undo, run, s.bridge]);

  const dismissUndo = useCallback(() => setUndo(null), []);
  return { entries, message, setMessage, undo, undoLast, dismissUndo, create, retime };
}
