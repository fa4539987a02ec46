/**
 * The way out of a sync conflict or a dead end: `show` and `history` (see what a merge replaced
 * and restore it) and `accounts remove` (optionally keeping the account's entries here).
 */
import type { Command } from 'commander';
import type { Core } from '../core';
import { entryViews } from '../core/entry-views';
import { restoreHistoryItem } from '../core/history';
import { ValidationError } from '../../shared/errors';
import { entryLine, historyText } from './format';

export interface CommandKit {
  open(cmd: Command): Core;
  print(cmd: Command, value: unknown, human: () => string): void;
}

export function historyCommands(program: Command, { open, print }: CommandKit): void {
  program
    .command('show')
    .description('one entry, with what its server holds where it rounds, the fields that stay local on its account, and its history')
    .argument('<id>', 'entry id')
    .action((id: string, _o: unknown, cmd: Command) => {
      const c = open(cmd);
      const [e] = entryViews(c, [c.entries.get(id)]);
      const history = c.history.list(id);
      print(cmd, { ...e!, history }, () => [
        entryLine(e!, c.zone(), undefined, !!e!.held_as),
        ...(e!.held_as ? [`    on the server: ${e!.held_as.note}; kept here as typed`] : []),
        ...(e!.local_only ? [`    local only: ${e!.local_only.note}`] : []),
        history.length ? historyText(history, c.zone()) : '    no history',
      ].join('\n'));
    });

  program
    .command('history')
    .description('what sync merges replaced on an entry, and restoring a value that lost')
    .argument('<id>', 'entry id')
    .option('--restore <n>', 'restore the values of history item N as a local edit (queued for sync)', (v) => {
      if (!/^\d+$/.test(v)) throw ValidationError.one('restore', 'must be a history item number (see: timetray history ID)');
      return Number(v);
    })
    .action((id: string, o: { restore?: number }, cmd: Command) => {
      const c = open(cmd);
      if (o.restore !== undefined) {
        const e = restoreHistoryItem(c, id, o.restore);
        print(cmd, e, () => `restored history item ${o.restore}:\n${entryLine(e, c.zone())}`);
        return;
      }
      const now = c.entries.get(id);
      const items = c.history.list(id);
      print(cmd, items, () => (items.length
        ? `${entryLine(now, c.zone())}\n${historyText(items, c.zone())}\n(restore one: timetray history ${id} --restore N)`
        : `no history for ${id}: no sync merge has replaced any of its values`));
    });
}

export function removeAccountCommand(accounts: Command, { open, print }: CommandKit): void {
  accounts
    .command('remove')
    .description('forget an account; its entries stay here as local ones')
    .argument('<name>', 'the account')
    .option('--keep-local', 'remove it even with changes waiting: those are dropped, its entries stay local')
    .action((name: string, o: { keepLocal?: boolean }, cmd: Command) => {
      const c = open(cmd);
      if (o.keepLocal) {
        const r = c.accounts.removeKeepingLocal(name);
        print(cmd, r, () => `removed account ${r.account}: ${r.kept_local} entr${r.kept_local === 1 ? 'y stays' : 'ies stay'} here as local` +
          `${r.dropped_changes ? `; ${r.dropped_changes} unsent change${r.dropped_changes === 1 ? '' : 's'} dropped` : ''}`);
        return;
      }
      const a = c.accounts.remove(name);
      print(cmd, { account: a.name }, () => `removed account ${a.name}: its entries stay here as local`);
    });
}
