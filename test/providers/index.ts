/** Every fake provider by name, for the contract suite and for running one by hand. */
import type { Provider } from '../../shared/entry';
import { startExpensicat } from './expensicat';
import { startKantata } from './kantata';
import { startKukkingu } from './kukkingu';
import { startMoneybird } from './moneybird';
import type { FakeProvider } from './types';
import { startVoltasis } from './voltasis';

export const FAKE_PROVIDERS: Record<Provider, (o?: { port?: number }) => Promise<FakeProvider>> = {
  voltasis: startVoltasis,
  kantata: startKantata,
  kukkingu: startKukkingu,
  expensicat: startExpensicat,
  moneybird: startMoneybird,
};
export type { FakeProvider, Held } from './types';
