/**
 * The way out of *needs attention*, per reason: the commands that get an entry moving again. Only
 * those that fit the reason are offered (a record deleted on the server has nothing to fix; a
 * refusal is not undone by sending the same thing, unless the cause was fixed on the server).
 */
import type { Entry } from '../../shared/entry';

export type WayOutAction = 'fix' | 'send again' | 'move' | 'keep here only' | 'delete';

export interface WayOut {
  action: WayOutAction;
  command: string;
  /** `move` only: the accounts it can go to. */
  accounts?: string[];
  /** When this way fits, where that is not obvious. */
  note?: string;
}

/** `accounts`: every account's name; the entry's own is left out of `move`. */
export function waysOut(e: Entry, accounts: readonly string[]): WayOut[] {
  if (e.sync.state !== 'attention') return [];
  const id = e.id;
  const resend: WayOut = { action: 'send again', command: `timetray resend ${id}` };
  const local: WayOut = { action: 'keep here only', command: `timetray edit ${id} --local`, note: 'it stays on this computer, off any account' };
  const del: WayOut = { action: 'delete', command: `timetray delete ${id}` };
  if (e.sync.kind === 'remote-deleted') return [{ ...resend, note: 'its account gets it again, as it is here' }, local, del];
  const others = accounts.filter((a) => a !== e.account);
  return [
    { action: 'fix', command: `timetray edit ${id} …`, note: 'change what the server refused: --description, --start, --end, --project, …; the edit is sent' },
    ...(others.length ? [{ action: 'move' as const, command: `timetray edit ${id} --account NAME`, accounts: others }] : []),
    local,
    del,
    { ...resend, note: 'as it is, once the cause is fixed on the server' },
  ];
}

/** Why, in words: the server's own message is printed above this by entryLine. */
export function reasonText(e: Entry): string {
  return e.sync.kind === 'remote-deleted'
    ? `why: its record was deleted on ${e.account}'s server by someone or something else`
    : `why: ${e.account}'s server refused it (its words above)`;
}

/** The lines under an attention entry in `timetray queue`. */
export function wayOutLines(e: Entry, ways: readonly WayOut[], indent = '    '): string[] {
  const width = Math.max(...ways.map((w) => w.action.length)) + 2;
  return [
    `${indent}${reasonText(e)}`,
    ...ways.map((w) => {
      const more = w.accounts ? `  (accounts: ${w.accounts.join(', ')})` : w.note ? `  (${w.note})` : '';
      return `${indent}${`${w.action}:`.padEnd(width)}${w.command}${more}`;
    }),
  ];
}
