/**
 * The provider registry: one descriptor per provider, each in its connector's file, and nothing
 * else names the providers. A descriptor (connector.ts, `ProviderDescriptor`) holds:
 *
 *   id              'kukkingu': stored on the account, typed after `--provider`
 *   name            'Kukkingu': in notes and refusals ("context.tenant: required for Kukkingu")
 *   aliases?        other names accepted on input ('orgapi' for expensicat)
 *   defaultBaseUrl  what the settings form pre-fills when the service is chosen
 *   context         the ids the account needs: { key, flag, label, help, required, schema }
 *                   (contextField() in context-field.ts makes one; a shared key is a shared flag)
 *   capabilities    bulkCreate, timeOfDay, tags, precision, lookupByReference, updateVerb,
 *                   pagination, localOnlyFields, catalog, rateLimit?
 *   connect         the connector factory: (AccountConfig, Http) => Connector
 *
 * From this list come the account validation (accounts.ts), `timetray accounts add`'s options and
 * --help, the settings form's fields (over the bridge: providers.list), the entry notes, and the
 * contract suite's provider list and expectations. A new provider is its connector file, its
 * fake server in test/providers/, and one line below.
 */
import type { Account, Provider, ProviderInfo } from '../../../../shared/entry';
import { ValidationError } from '../../../../shared/errors';
import type { AccountConfig, Connector, ContextField, ProviderDescriptor } from '../connector';
import type { Http } from '../http';
import { expensicatProvider } from './expensicat';
import { kantataProvider } from './kantata';
import { kukkinguProvider } from './kukkingu';
import { moneybirdProvider } from './moneybird';
import { voltasisProvider } from './voltasis';
import { voltasisV2Provider } from './voltasis-v2';

export const PROVIDER_DESCRIPTORS: readonly ProviderDescriptor[] = [
  voltasisProvider,
  kantataProvider,
  kukkinguProvider,
  expensicatProvider,
  moneybirdProvider,
  voltasisV2Provider,
];

const BY_ID = new Map(PROVIDER_DESCRIPTORS.map((d) => [d.id, d]));
const BY_NAME = new Map(PROVIDER_DESCRIPTORS.flatMap((d) => [d.id, ...(d.aliases ?? [])].map((n) => [n, d] as const)));

export const PROVIDER_IDS: readonly Provider[] = PROVIDER_DESCRIPTORS.map((d) => d.id);

/**
 * The one list of context keys: every key some provider needs, once, with the field that first
 * declares it (its flag and schema; a provider sharing the key shares those).
 */
export const CONTEXT_FIELDS: readonly ContextField[] = [
  ...new Map(PROVIDER_DESCRIPTORS.flatMap((d) => d.context.map((f) => [f.key, f] as const)).reverse()).values(),
].reverse();

/** The descriptor of a stored provider id; an id no descriptor has is a database from elsewhere. */
export function descriptorOf(id: Provider): ProviderDescriptor {
  const d = BY_ID.get(id);
  if (!d) throw new Error(`unknown provider ${JSON.stringify(id)}: this Timetray knows ${PROVIDER_IDS.join(', ')}`);
  return d;
}

/** A provider as typed (any case, an alias): its descriptor, or a refusal naming the field. */
export function providerNamed(text: string, field = 'provider'): ProviderDescriptor {
  const d = BY_NAME.get(text.trim().toLowerCase());
  if (d) return d;
  const aliases = PROVIDER_DESCRIPTORS.flatMap((x) => (x.aliases ?? []).map((a) => `${a} is an alias of ${x.id}`));
  throw ValidationError.one(field, `must be one of ${PROVIDER_IDS.join(', ')}${aliases.length ? ` (${aliases.join('; ')})` : ''}`);
}

/** What the settings window may know of each provider: no schemas or code cross the bridge. */
export function providerInfos(): ProviderInfo[] {
  return PROVIDER_DESCRIPTORS.map((d) => ({
    id: d.id, name: d.name, aliases: [...(d.aliases ?? [])], default_base_url: d.defaultBaseUrl,
    context: d.context.map((f) => ({ key: f.key, label: f.label, help: f.help, required: f.required })),
  }));
}

export function accountConfig(account: Account, token: string): AccountConfig {
  return { baseUrl: account.base_url.replace(/\/+$/, ''), context: account.context, token };
}

export function connectorFor(account: Account, token: string, http: Http): Connector {
  return descriptorOf(account.provider).connect(accountConfig(account, token), http);
}
