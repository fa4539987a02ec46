/**
 * `timetray queue` (what is owed to the servers, and each entry needing attention with why and
 * the commands that get it out) and `timetray resend ID…` (send again), the way out it names.
 */
import type { Command } from 'commander';
import type { Entry, QueueReport } from '../../shared/entry';
import { entryLine, queueText } from './format';
import type { CommandKit } from './way-out-commands';
import { waysOut, type WayOut } from './ways-out';

export type QueueView = QueueReport & { attention: (Entry & { ways_out: WayOut[] })[] };

export function attentionCommands(program: Command, { open, print }: CommandKit): void {
  program
    .command('queue')
    .description('queued operations, and entries needing attention with why and the commands that get them out')
    .action(async (_o: unknown, cmd: Command) => {
      const c = open(cmd);
      const { drainEstimates } = await import('../core/sync/drain');
      const r = c.queue.report();
      const names = c.accounts.list().map((a) => a.name);
      const q: QueueView = {
        ...r,
        attention: r.attention.map((e) => ({ ...e, ways_out: waysOut(e, names) })),
        drain: drainEstimates(c.queue.backlog(), c.clock.now(), c.zone()),
      };
      print(cmd, q, () => queueText(q, c.zone()));
    });

  program
    .command('resend')
    .description('send entries needing attention to their account again, as they are (all or nothing)')
    .argument('<ids...>', 'entry id (see: timetray queue)')
    .action((ids: string[], _o: unknown, cmd: Command) => {
      const c = open(cmd);
      const sent = c.entries.resend(ids);
      print(cmd, sent, () => [
        ...sent.map((e) => `queued for ${e.account}: ${entryLine(e, c.zone())}`),
        '(sent at the next sync: timetray sync, or the app)',
      ].join('\n'));
    });
}
