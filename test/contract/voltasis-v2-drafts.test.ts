/**
 * Voltasis 2.0.4 updates draft entries only (../shared/spec/real-apis.md). Once another client
 * (a manager, the web app) has submitted an entry, the user's later edit is refused by the server:
 * it stays as the user typed it, needing attention with the server's reason, and no pull takes the
 * server's copy over it. Status changes alone are not edits. Real core, engine and fake server.
 */
import { afterEach, expect, it } from 'vitest';
import { world, type World } from '../helpers/sync';

let w: World | null = null;
afterEach(async () => {
  await w?.done();
  w = null;
});

/** What another client does: PUT the record back with a new status, as the API lets it on a draft. */
async function setStatus(at: World, id: string, status: string): Promise<number> {
  const url = `${at.server.account().base_url}/api/v1/time-entries/${id}`;
  const auth = { Authorization: `Bearer ${at.server.token}`, 'Content-Type': 'application/json' };
  const got = (await (await fetch(url, { headers: auth })).json()) as { data: Record<string, unknown> };
  const { projectId, description, date, duration, isBillable } = got.data;
  const r = await fetch(url, { method: 'PUT', headers: auth, body: JSON.stringify({ projectId, description, date, duration, isBillable, status }) });
  return r.status;
}

it('an edit to an entry submitted elsewhere stays as typed, in attention with the reason; the server keeps its copy', async () => {
  const at = (w = await world('voltasis-v2'));
  const e = at.add(1, { description: 'draft text' });
  await at.drain();
  const [rec] = at.server.held();
  expect(rec).toMatchObject({ description: 'draft text' });

  expect(await setStatus(at, rec!.id, 'submitted')).toBe(200);
  // The status change alone is not an edit: nothing is written, nothing is marked.
  await at.sync();
  expect(at.core.entries.get(e.id).sync.state).toBe('synced');

  at.core.entries.edit(e.id, { description: 'typed after submission' });
  for (let i = 0; i < 3; i++) await at.sync();
  const got = at.core.entries.get(e.id);
  expect(got.description).toBe('typed after submission');
  expect(got.sync.state).toBe('attention');
  expect(got.sync.error).toMatch(/only draft entries can be updated; this one is submitted/);
  expect(at.server.held().map((h) => h.description)).toEqual(['draft text']);
  // A second PUT on the same record is refused too: the fake holds the rule, not just once.
  expect(await setStatus(at, rec!.id, 'draft')).toBe(409);
});
