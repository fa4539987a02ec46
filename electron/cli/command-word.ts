/**
 * The commands a user runs most, from a key binding or a shell prompt: each gets its own code
 * cache (launch.ts) and a program holding only them (program.ts), so their start-up pays for
 * nothing else.
 */
export const QUICK_COMMANDS = ['start', 'stop', 'toggle', 'discard', 'status'] as const;
export type QuickCommand = (typeof QUICK_COMMANDS)[number];

/** The command word of `timetray [global options] <command> ...`, when it is a quick command. */
export function quickCommand(args: readonly string[]): QuickCommand | null {
  const word = args.find((a, i) => !a.startsWith('-') && args[i - 1] !== '--data-dir');
  return (QUICK_COMMANDS as readonly string[]).includes(word ?? '') ? (word as QuickCommand) : null;
}
