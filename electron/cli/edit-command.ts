/**
 * `timetray edit ID… [fields] [--account NAME | --local]`: one entry's fields, or the account of
 * several at once (entries made before any account, moves, local-only), in one transaction.
 */
import type { Command } from 'commander';
import { ValidationError } from '../../shared/errors';
import { entryLine } from './format';
import { collect, entryFields, when, type EntryFlags } from './options';
import type { CommandKit } from './way-out-commands';

export function editCommand(program: Command, { open, print }: CommandKit): void {
  program
    .command('edit')
    .description('change an entry; the change is queued for sync. --account or --local may name several entries')
    .argument('<ids...>', 'entry id (several only with --account or --local)')
    .option('--account <name>', 'give the entries this account, or move them to it (the old account\'s copy is deleted)')
    .option('--local', 'make the entries local-only (a copy a server holds is deleted there)')
    .option('--description <text>', 'new description')
    .option('--start <when>', 'new start')
    .option('--end <when>', 'new end')
    .option('--project <id>', 'remote project id ("" clears)')
    .option('--task <id>', 'remote task id ("" clears)')
    .option('--client <id>', 'remote client id ("" clears)')
    .option('--tag <tag>', 'replace the tags (repeat for several)', collect)
    .option('--clear-tags', 'remove every tag')
    .option('--billable', 'billable')
    .option('--no-billable', 'not billable')
    .action((ids: string[], o: EntryFlags & { description?: string; start?: string; end?: string; clearTags?: boolean; local?: boolean }, cmd: Command) => {
      const c = open(cmd);
      const now = c.clock.now();
      const move = o.account !== undefined || o.local === true;
      if (o.account !== undefined && o.local) throw ValidationError.one('account', 'give --account or --local, not both');
      const patch = {
        ...entryFields(o),
        ...(o.clearTags && { tags: [] }),
        ...(o.description !== undefined && { description: o.description }),
        ...(o.start !== undefined && { start: when('start', o.start, c.zone(), now) }),
        ...(o.end !== undefined && { end: when('end', o.end, c.zone(), now) }),
      };
      if (o.clearTags && o.tag) throw ValidationError.one('tag', 'give --tag or --clear-tags, not both');
      const fields = Object.keys(patch).length > 0;
      if (!fields && !move) {
        throw ValidationError.one('edit', 'nothing to change: give --description, --start, --end, --project, --task, --client, --tag, --[no-]billable, --account or --local');
      }
      if (ids.length > 1 && fields) throw ValidationError.one('ids', 'several entries take only --account or --local; change other fields one entry at a time');
      // The move and the field changes commit together: all or nothing.
      const r = c.db.transaction(() => {
        const moved = move ? c.entries.setAccount(ids, o.local ? null : o.account!) : null;
        const edited = fields ? c.entries.edit(ids[0]!, patch) : null;
        return { moved, entries: ids.map((id) => (edited?.id === id ? edited : c.entries.get(id))) };
      }).immediate();
      const z = c.zone();
      print(cmd, ids.length === 1 ? r.entries[0] : r.entries, () => [
        ...r.entries.map((e) => entryLine(e, z)),
        ...(r.moved?.unchanged.length ? [`already ${o.local ? 'local' : `on ${o.account}`}: ${r.moved.unchanged.join(' ')}`] : []),
        ...(r.moved?.remote_deletes ?? []).map((d) => `${d.id}: its copy on ${d.account} will be deleted there at the next sync`),
      ].join('\n'));
    });
}
