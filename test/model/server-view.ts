/**
 * What each server must hold for an intended entry: from its provider's declared precision and
 * time of day (test/helpers/expected-records.ts), never from the connectors' mapping code.
 */
import type { Provider } from '../../shared/entry';
import { heldFor, type Expected } from '../helpers/expected-records';
import type { Fields } from './intent';

export type { Expected };

export function serverView(provider: Provider, f: Fields, zone: string): Expected[] {
  return heldFor(provider, f, zone);
}

export function viewKey(h: Expected): string {
  return JSON.stringify([h.description, h.start, h.date, h.seconds, h.project_id]);
}
