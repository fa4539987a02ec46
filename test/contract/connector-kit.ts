/** A real connector over real HTTP against a real fake, and one entry made through it. */
import { expect } from 'vitest';
import type { Provider } from '../../shared/entry';
import type { Connector, LocalEntry, PieceBody } from '../../electron/core/sync/connector';
import { connectorFor } from '../../electron/core/sync/connectors';
import { createHttp } from '../../electron/core/sync/http';
import { nodeFetch } from '../../electron/core/sync/node-fetch';
import type { FakeProvider } from '../providers';

export const ZONE = 'Europe/Amsterdam';
/** A project id every API accepts (Kantata and Moneybird want digits). */
export const PROJECT = '7001';
export const OTHER_PROJECT = '7002';

export function connectorOf(server: FakeProvider): Connector {
  const { base_url, context } = server.account();
  const account = {
    id: 'acc', name: 'acc', provider: server.provider as Provider, base_url, context,
    token_env: null, has_stored_secret: false, is_default: true,
  };
  return connectorFor(account, server.token, createHttp({ fetch: nodeFetch, secrets: [server.token], timeoutMs: 2000 }));
}

/** 09:00:37–10:31:07 UTC on 2 March 2026: seconds no API keeps, inside one local day. */
export function entryOf(over: Partial<LocalEntry> = {}): LocalEntry {
  return {
    id: 'local-1', description: 'Invoice review', start: Date.parse('2026-03-02T09:00:37Z'), end: Date.parse('2026-03-02T10:31:07Z'),
    zone: ZONE, project_id: PROJECT, task_id: null, client_id: null, tags: [], billable: true, ...over,
  };
}

export function onePiece(c: Connector, e: LocalEntry): PieceBody {
  const p = c.pieces(e);
  if (!p.ok) return expect.fail(`pieces refused: ${p.error.message}`);
  expect(p.value).toHaveLength(1);
  return p.value[0]!;
}

/** Creates the entry's one record through the connector; its remote id. */
export async function createOne(c: Connector, e: LocalEntry): Promise<string> {
  const [r] = await c.create([{ entryId: e.id, piece: onePiece(c, e) }]);
  if (!r?.ok) return expect.fail(`create failed: ${r?.error.message}`);
  return r.value;
}

/** The record list() returns for `id` on the entry's day (undefined when it lists none). */
export async function listed(c: Connector, id: string) {
  const l = await c.list('2026-03-01', '2026-03-03', ZONE);
  if (!l.ok) return expect.fail(`list failed: ${l.error.message}`);
  return l.value.find((r) => r.remoteId === id);
}
