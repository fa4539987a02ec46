/** Every fake provider by name, for the contract suite and for running one by hand. */
import type { Provider } from '../../shared/entry';
import { startExpensicat } from './expensicat';
import { startKantata } from './kantata';
import { startKukkingu } from './kukkingu';
import { startMoneybird } from './moneybird';
import type { FakeProvider } from './types';
import { startVoltasis } from './voltasis';
import { startVoltasisV2 } from './voltasis-v2';

type StartFake = (o?: { port?: number }) => Promise<FakeProvider>;

export const FAKE_PROVIDERS = {
  voltasis: startVoltasis,
  kantata: startKantata,
  kukkingu: startKukkingu,
  expensicat: startExpensicat,
  moneybird: startMoneybird,
  'voltasis-v2': startVoltasisV2,
} satisfies Record<Provider, StartFake>;

/** The fake for a registry id: a provider without one fails here, by name, not as undefined. */
export function fakeFor(provider: Provider): StartFake {
  const start = (FAKE_PROVIDERS as Record<Provider, StartFake | undefined>)[provider];
  if (!start) throw new Error(`no fake server for provider ${provider}: add one to test/providers/index.ts`);
  return start;
}
export type { FakeProvider, Held } from './types';
