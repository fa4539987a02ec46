/**
 * Exit status (cli.md): 0 done; 2 bad usage or invalid input, with nothing changed and stderr
 * naming the field and the rule; 1 anything else.
 */
import { CommanderError } from 'commander';
import { NotFoundError, ValidationError } from '../../shared/errors';
import { openCore } from '../core';
import { SchemaTooNewError } from '../core/db';
import { NoTimerRunningError } from '../core/timer';
import { quickCommand } from './command-word';
import { directOut } from './direct-out';
import { buildProgram, SyncIncomplete } from './program';
import { terminalText } from './terminal-text';

export async function run(argv: string[]): Promise<number> {
  const { program, close } = buildProgram({
    out: directOut(1, () => process.stdout),
    err: (t) => process.stderr.write(terminalText(t)),
    env: process.env,
    openCore: (dataDir) => openCore({ dataDir }),
    quickOnly: quickCommand(argv) !== null,
  });
  try {
    await program.parseAsync(argv, { from: 'user' });
    return 0;
  } catch (e) {
    return report(e);
  } finally {
    close();
  }
}

/** Error text can quote a server's reply: never as terminal control. */
const say = (t: string) => process.stderr.write(terminalText(t));

function report(e: unknown): number {
  if (e instanceof CommanderError) {
    // Commander has already printed its message.
    return e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.exitCode === 0 ? 0 : 2;
  }
  if (e instanceof SyncIncomplete) return 1;
  if (e instanceof ValidationError) {
    for (const i of e.issues) say(`timetray: ${i.field}: ${i.rule}\n`);
    return 2;
  }
  if (e instanceof NotFoundError) {
    say(`timetray: ${e.message}\n`);
    return 2;
  }
  if (e instanceof NoTimerRunningError || e instanceof SchemaTooNewError) {
    say(`timetray: ${e.message}\n`);
    return 1;
  }
  say(`timetray: ${e instanceof Error ? e.message : String(e)}\n`);
  if (process.env.TIMETRAY_DEBUG) console.error(e);
  return 1;
}

void run(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
