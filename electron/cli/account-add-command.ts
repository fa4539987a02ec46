/**
 * `timetray accounts add`: its --provider choices, its context flags and their --help all come
 * from the connector registry, so a new provider or a new context id needs no edit here.
 */
import { Option, type Command } from 'commander';
import { ValidationError } from '../../shared/errors';
import { CONTEXT_FIELDS, PROVIDER_DESCRIPTORS } from '../core/sync/connectors';
import { accountLine } from './format';
import type { CommandKit } from './way-out-commands';

/** "tenant id for Kukkingu (required): sent as the tenant-id header…"; a shared key lists each provider. */
function contextHelp(key: string): string {
  const users = PROVIDER_DESCRIPTORS.flatMap((d) => d.context.filter((f) => f.key === key).map((f) => ({ d, f })));
  return users.map(({ d, f }) => `${f.label.toLowerCase()} for ${d.name} (${f.required ? 'required' : 'optional'}): ${f.help}`).join('; ');
}

/** The core names a context id `context.tenant`; here the user typed it as --tenant. */
function asFlags<T>(fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (!(e instanceof ValidationError)) throw e;
    const flag = (field: string) => CONTEXT_FIELDS.find((f) => `context.${f.key}` === field)?.flag.split(' ')[0] ?? field;
    throw new ValidationError(e.issues.map((i) => ({ field: flag(i.field), rule: i.rule })));
  }
}

export function addAccountCommand(accounts: Command, { open, print }: CommandKit): void {
  const names = PROVIDER_DESCRIPTORS.flatMap((d) => [d.id, ...(d.aliases ?? [])]);
  const providers = PROVIDER_DESCRIPTORS.map((d) => `${d.id} (${d.name}${d.aliases?.length ? `; also ${d.aliases.join(', ')}` : ''}, e.g. ${d.defaultBaseUrl})`);
  const cmd = accounts
    .command('add')
    .description('add a destination account')
    .argument('<name>', 'a short name, e.g. work')
    .addOption(new Option('--provider <p>', `the remote API: ${providers.join(', ')}`).choices(names).makeOptionMandatory())
    .requiredOption('--base-url <url>', 'everything before the API\'s resource path')
    .option('--token-env <var>', 'environment variable that holds the token at sync time');
  for (const f of CONTEXT_FIELDS) cmd.addOption(new Option(f.flag, contextHelp(f.key)));
  cmd
    .option('--default', 'make it the default account')
    .action((name: string, o: Record<string, string | boolean | undefined>, c: Command) => {
      const context: Record<string, string> = {};
      for (const f of CONTEXT_FIELDS) {
        const v = o[new Option(f.flag).attributeName()];
        if (typeof v === 'string') context[f.key] = v;
      }
      const a = asFlags(() => open(c).accounts.add({
        name, provider: String(o.provider), base_url: String(o.baseUrl), token_env: typeof o.tokenEnv === 'string' ? o.tokenEnv : null,
        context, is_default: o.default === true,
      }));
      print(c, a, () => `added account ${accountLine(a).trim()}`);
    });
}
