/**
 * The calendar's data and writes. Entries of the days shown are read over the bridge (the list
 * view only holds its own range) and read again whenever the window's store refreshes, so a
 * change from the CLI or the list shows here too. Creates and edits go through the same core
 * calls, and so the same validation, as the forms; every change can be undone once.
 */
import { useCallback, useEffect, useState } from 'react';
import { ValidationError, type FieldIssue } from '../../../shared/errors';
import type { EntryView } from '../../../shared/entry';
import { toIso } from '../../../shared/time';
import { humanMessage } from '../field-messages';
import type { AppActions, AppState } from '../store';

export type CalendarUndo =
  | { kind: 'create'; id: string; text: string }
  | { kind: 'edit'; id: string; before: { start: string; end: string }; text: string };

export function useCalendar(s: AppState & AppActions, from: string, to: string) {
  const [entries, setEntries] = useState<EntryView[]>([]);
  const [message, setMessage] = useState<string | null>(null);
  const [undo, setUndo] = useState<CalendarUndo | null>(null);

  useEffect(() => {
    let live = true;
    s.bridge.entries.list({ from, to }).then((list) => live && setEntries(list), (e: unknown) => live && setMessage(String(e)));
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

  const retime = useCallback((e: EntryView, start: number, end: number, what: 'Moved' | 'Resized') => run(async () => {
    if (start === Date.parse(e.start) && end === Date.parse(e.end)) return;
    await s.bridge.entries.edit(e.id, { start: toIso(start), end: toIso(end) });
    setUndo({ kind: 'edit', id: e.id, before: { start: e.start, end: e.end }, text: `${what} “${e.description || '(no description)'}”.` });
  }), [run, s.bridge]);

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
