/**
 * The `timetray` command line (../shared/spec/cli.md). Each action is a thin call into the core;
 * every rule lives there, so the CLI and the app refuse the same input with the same words.
 */
import { Command, Option } from 'commander';
import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import type { Core } from '../core';
import { resolveDataDir } from '../core/data-dir';
import { ValidationError } from '../../shared/errors';
import { entryViews } from '../core/entry-views';
import { accountLine, entryLine, runningLine, syncText } from './format';
import { addAccountCommand } from './account-add-command';
import { attentionCommands } from './attention-commands';
import { editCommand } from './edit-command';
import { historyCommands, removeAccountCommand } from './way-out-commands';
import { collect, duration, entryFields, when, type EntryFlags } from './options';
import { terminalText } from './terminal-text';

/** A sync pass that left work queued, paused or refused: exit status 1, the report already printed. */
export class SyncIncomplete extends Error {}

export interface Io {
  out(text: string): void;
  err(text: string): void;
  env: NodeJS.ProcessEnv;
  openCore(dataDir: string): Core;
  /** The command line names a quick command (command-word.ts): the program holds only those. */
  quickOnly?: boolean;
}

interface Globals {
  dataDir?: string;
  json?: boolean;
}

export function buildProgram(io: Io): { program: Command; close(): void } {
  let core: Core | null = null;
  const open = (cmd: Command): Core => {
    const g = cmd.optsWithGlobals<Globals>();
    core ??= io.openCore(resolveDataDir(g.dataDir, io.env, process.platform, homedir()));
    return core;
  };
  const json = (cmd: Command) => cmd.optsWithGlobals<Globals>().json === true;
  const print = (cmd: Command, value: unknown, human: () => string) =>
    io.out(json(cmd) ? `${JSON.stringify(value)}\n` : `${terminalText(human())}\n`);

  const program = new Command('timetray')
    .description('Timetray: a tray timer for billable time, from the command line.')
    .option('--data-dir <dir>', 'database folder (default: $TIMETRAY_DATA_DIR, else the app\'s own)')
    .option('--json', 'print one JSON value on stdout')
    .showHelpAfterError('(timetray --help lists the commands)')
    .configureOutput({ writeOut: io.out, writeErr: io.err })
    .exitOverride();

  const entryOptions = (c: Command) =>
    c
      .option('--project <id>', 'remote project id')
      .option('--task <id>', 'remote task id')
      .option('--client <id>', 'remote client id')
      .option('--tag <tag>', 'a tag (repeat for several)', collect)
      .option('--billable', 'billable')
      .option('--no-billable', 'not billable')
      .option('--account <name>', 'destination account (default: the default account)');

  entryOptions(program.command('start').argument('[description...]', 'what you are working on'))
    .description('start the timer; a running one is stopped at the same instant')
    .option('--at <when>', 'start time (ISO 8601 with offset, or HH:MM today)')
    .action((words: string[], o: EntryFlags & { at?: string }, cmd: Command) => {
      const c = open(cmd);
      const r = c.timer.start({
        description: words.join(' '),
        ...entryFields(o),
        ...(o.account !== undefined && { account: o.account }),
        ...(o.at !== undefined && { start: when('at', o.at, c.zone(), c.clock.now()) }),
      });
      const z = c.zone();
      print(cmd, r, () =>
        [
          r.stopped ? `stopped: ${entryLine(r.stopped, z)}` : '',
          r.discarded ? `discarded a timer under one second: ${r.discarded.description}` : '',
          r.notice ? `note: ${r.notice}` : '',
          runningLine(r.running, z),
        ].filter(Boolean).join('\n'),
      );
    });

  program
    .command('stop')
    .description('stop the timer, store the entry and queue it for sync')
    .option('--at <when>', 'end time (ISO 8601 with offset, or HH:MM today)')
    .action((o: { at?: string }, cmd: Command) => {
      const c = open(cmd);
      const at = o.at === undefined ? undefined : Date.parse(when('at', o.at, c.zone(), c.clock.now())!);
      const { entry: e, notice } = c.timer.stopWithNotice(at);
      print(cmd, notice ? { ...e, notice } : e, () => `${entryLine(e, c.zone())}${notice ? `\nnote: ${notice}` : ''}`);
    });

  program
    .command('toggle')
    .description('stop the running timer, or start one (for a key binding)')
    .argument('[description...]', 'description of a new timer')
    .action((words: string[], _o: unknown, cmd: Command) => {
      const c = open(cmd);
      if (c.timer.status()) {
        const { entry: e, notice } = c.timer.stopWithNotice();
        print(cmd, { stopped: e, ...(notice && { notice }) }, () => `stopped: ${entryLine(e, c.zone())}${notice ? `\nnote: ${notice}` : ''}`);
      } else {
        const r = c.timer.start({ description: words.join(' ') });
        print(cmd, { running: r.running }, () => runningLine(r.running, c.zone()));
      }
    });

  program
    .command('discard')
    .description('throw the running timer away without storing it')
    .action((_o: unknown, cmd: Command) => {
      const c = open(cmd);
      const t = c.timer.discard();
      print(cmd, t, () => (t ? `discarded: ${t.description || '(no description)'}` : 'no timer running'));
    });

  program
    .command('status')
    .description('the running timer, or "no timer running"')
    .action((_o: unknown, cmd: Command) => {
      const c = open(cmd);
      const t = c.timer.status();
      print(cmd, t, () => (t ? runningLine(t, c.zone()) : 'no timer running'));
    });

  // The quick commands come first and need none of the rest; building them all was a tenth of a
  // `timetray status` (profiled). Help and unknown commands always get the whole program.
  if (io.quickOnly) return { program, close: () => core?.close() };

  entryOptions(program.command('add').argument('<description>', 'what you worked on'))
    .description('add a finished entry')
    .requiredOption('--start <when>', 'start (ISO 8601 with offset, or HH:MM today)')
    .option('--end <when>', 'end (ISO 8601 with offset, or HH:MM today)')
    .option('--duration <dur>', 'length: 1h30m, 90m, 45m30s or 1:30')
    .action((description: string, o: EntryFlags & { start: string; end?: string; duration?: string }, cmd: Command) => {
      const c = open(cmd);
      const now = c.clock.now();
      const start = when('start', o.start, c.zone(), now)!;
      if (o.end !== undefined && o.duration !== undefined) throw ValidationError.one('duration', 'give --end or --duration, not both');
      if (o.end === undefined && o.duration === undefined) throw ValidationError.one('end', 'give --end or --duration');
      const end = o.end !== undefined
        ? when('end', o.end, c.zone(), now)!
        : new Date(Date.parse(start) + duration('duration', o.duration!) * 1000).toISOString();
      const e = c.entries.create({
        description, start, end, ...entryFields(o), ...(o.account !== undefined && { account: o.account }),
      });
      print(cmd, e, () => entryLine(e, c.zone()));
    });

  program
    .command('list')
    .description('entries, newest first')
    .option('--from <date>', 'first local day, YYYY-MM-DD')
    .option('--to <date>', 'last local day, YYYY-MM-DD')
    .option('--limit <n>', 'at most this many', (v) => {
      if (!/^\d+$/.test(v)) throw ValidationError.one('limit', 'must be a whole number');
      return Number(v);
    })
    .action((o: { from?: string; to?: string; limit?: number }, cmd: Command) => {
      const c = open(cmd);
      const list = c.entries.list(o);
      print(cmd, list, () => (list.length ? entryViews(c, list).map((e) => entryLine(e, c.zone(), e)).join('\n') : 'no entries'));
    });

  editCommand(program, { open, print });
  historyCommands(program, { open, print });

  program
    .command('delete')
    .description('delete an entry; queued for sync unless it never left this machine')
    .argument('<id>', 'entry id')
    .action((id: string, _o: unknown, cmd: Command) => {
      const r = open(cmd).entries.remove(id);
      print(cmd, r, () => (r.outcome === 'deleted' ? `deleted ${id}` : `deleted ${id} (the delete is queued for sync)`));
    });

  const accounts = program.command('accounts').description('destination accounts');
  addAccountCommand(accounts, { open, print });
  removeAccountCommand(accounts, { open, print });
  accounts
    .command('list')
    .description('accounts, without secrets')
    .action((_o: unknown, cmd: Command) => {
      const list = open(cmd).accounts.list();
      print(cmd, list, () => (list.length ? list.map(accountLine).join('\n') : 'no accounts (add one: timetray accounts add)'));
    });

  program
    .command('sync')
    .description('one full pass: push the outbox, reconcile, pull (exit 1 if work is left)')
    .action(async (_o: unknown, cmd: Command) => {
      const c = open(cmd);
      // Loaded only here: the HTTP stack costs start-up time every other command need not pay.
      const { createSyncEngine } = await import('../core/sync/engine');
      const { nodeFetch } = await import('../core/sync/node-fetch');
      const { drainEstimates } = await import('../core/sync/drain');
      // A paced backlog takes minutes: say so before the wait, on stderr (stdout stays the report).
      for (const d of drainEstimates(c.queue.backlog(), c.clock.now(), c.zone())) {
        if (d.estimate_ms >= 60_000) io.err(`${d.account}: ${d.text}
`);
      }
      const engine = createSyncEngine({
        core: c,
        fetch: nodeFetch,
        // A token typed into the app stays in the app's secret store: such an account is skipped here.
        tokenFor: (a) => (a.token_env ? io.env[a.token_env] || null : null),
        // One command, one complete pass: it waits out a paced backlog rather than leave it queued.
        maxPaceWaitMs: Infinity,
      });
      // Stopped mid-pass (Ctrl-C, a service manager): give the leased rows back before going, so the
      // app sends them now instead of after their lease.
      const interrupted = (signal: NodeJS.Signals) => {
        engine.abandon(`not sent: timetray sync was stopped (${signal})`);
        engine.close();
        c.db.close();
        process.exit(signal === 'SIGINT' ? 130 : 143);
      };
      process.once('SIGINT', interrupted).once('SIGTERM', interrupted);
      const report = await engine.syncAll(true).finally(() => {
        process.off('SIGINT', interrupted).off('SIGTERM', interrupted);
        engine.close();
      });
      // JSON times are ISO 8601, as everywhere else on this command line.
      const asJson = { ...report, accounts: report.accounts.map((a) => ({ ...a, held_until: a.held_until === null ? null : new Date(a.held_until).toISOString() })) };
      print(cmd, asJson, () => syncText(report));
      // An account only the app can sync is not this command's failure; anything else left is.
      const clean = report.accounts.every((a) => a.attention === 0 && ((a.state === 'ok' && a.pending === 0) || (a.state === 'skipped' && a.app_syncs)));
      if (!clean) throw new SyncIncomplete(report.accounts.length === 0 ? 'no accounts' : 'work is left');
    });

  attentionCommands(program, { open, print });

  program
    .command('export')
    .description('entries to stdout, as CSV or JSON')
    .addOption(new Option('--format <f>', 'csv or json').choices(['csv', 'json']).makeOptionMandatory())
    .option('--from <date>', 'first local day, YYYY-MM-DD')
    .option('--to <date>', 'last local day, YYYY-MM-DD')
    .action(async (o: { format: 'csv' | 'json'; from?: string; to?: string }, cmd: Command) => {
      const c = open(cmd);
      const list = c.entries.list({ from: o.from, to: o.to });
      const t = await import('../core/transfer');
      io.out(o.format === 'csv' ? t.toCsv(list) : t.toJson(list));
    });

  program
    .command('import')
    .description('entries from a CSV or JSON file as export writes them; all or nothing')
    .argument('<file>', 'the file')
    .action(async (file: string, _o: unknown, cmd: Command) => {
      let text: string;
      try {
        text = readFileSync(file, 'utf8');
      } catch (e) {
        throw ValidationError.one('file', `cannot be read: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
      }
      const t = await import('../core/transfer');
      const r = t.importText(open(cmd).entries, text, file);
      print(cmd, { imported: r.imported.length, skipped: r.skipped.length, ids: r.imported.map((e) => e.id) }, () =>
        `imported ${r.imported.length} entries${r.skipped.length ? `, skipped ${r.skipped.length} already present` : ''}`,
      );
    });

  return { program, close: () => core?.close() };
}
