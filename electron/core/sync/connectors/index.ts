/** The connector registry: an account's provider picks its connector. */
import type { Account, Provider } from '../../../../shared/entry';
import type { AccountConfig, Connector, ConnectorFactory } from '../connector';
import type { Http } from '../http';
import { expensicatConnector } from './expensicat';
import { kantataConnector } from './kantata';
import { kukkinguConnector } from './kukkingu';
import { moneybirdConnector } from './moneybird';
import { voltasisConnector } from './voltasis';

export const CONNECTORS: Readonly<Record<Provider, ConnectorFactory>> = {
  voltasis: voltasisConnector,
  kantata: kantataConnector,
  kukkingu: kukkinguConnector,
  expensicat: expensicatConnector,
  moneybird: moneybirdConnector,
};

export function accountConfig(account: Account, token: string): AccountConfig {
  return { baseUrl: account.base_url.replace(/\/+$/, ''), context: account.context, token };
}

export function connectorFor(account: Account, token: string, http: Http): Connector {
  return CONNECTORS[account.provider](accountConfig(account, token), http);
}
